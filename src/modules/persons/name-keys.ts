import type { PersonName } from './store';
import { foldedTokens } from './normalise';

/**
 * The keys of a name as it is said, for a search whose cost does not grow with the registry.
 *
 * An Iraqi name is said from the given name: given, father, grandfather, family. A search typed at
 * the counter is one of its beginnings or the given name with the family name, so each person is
 * filed under the folded tokens of these shapes of their name, in each script: given and father,
 * given and family, given, father and grandfather, given, father and family, and the whole name.
 * A query of two parts or more is then one equality on an indexed key, read lazily up to the cap
 * (the engine stops reading there): its cost is the page's and the cap's, whatever the registry's
 * size. Anything else (the father's and family name, parts out of order) goes through the tokens.
 */
const SHAPES: readonly (readonly number[])[] = [
  [0, 1],
  [0, 3],
  [0, 1, 2],
  [0, 1, 3],
  [0, 1, 2, 3],
];

/** A script's name parts in order (given, father, grandfather, family), each its folded tokens. */
type Parts = readonly (readonly string[])[];

const partsOf = (name: PersonName): Parts[] => {
  const { latin } = name;
  const arabic = [name.givenName, name.fatherName, name.grandfatherName, name.familyName].map(foldedTokens);
  const latinParts = latin
    ? [latin.givenName, latin.fatherName, latin.grandfatherName, latin.familyName].map(foldedTokens)
    : undefined;
  return latinParts ? [arabic, latinParts] : [arabic];
};

export interface NameKey {
  /** The folded tokens of one shape of the name, joined by spaces. */
  key: string;
  /**
   * How a query of exactly these tokens ranks this person (`matchRank`, known when filing: the
   * tokens of the shape's leading parts stand in their place, and the shape may be the whole name).
   */
  rank: number;
}

/** The keys a person is filed under: each shape their name has, in Arabic and in Latin. */
export function nameKeysOf(name: PersonName): NameKey[] {
  const keys = new Map<string, number>();
  for (const parts of partsOf(name)) {
    const present = parts.flatMap((tokens, i) => (tokens.length > 0 ? [i] : []));
    for (const shape of SHAPES) {
      if (!shape.every((i) => (parts[i]?.length ?? 0) > 0)) continue;
      const leading = shape.filter((position, i) => position === i);
      const inPlace = leading.reduce((sum, i) => sum + parts[i]!.length, 0);
      const whole = present.length === shape.length && present.every((p, i) => shape[i] === p);
      const key = shape.flatMap((i) => parts[i]!).join(' ');
      keys.set(key, Math.max(keys.get(key) ?? 0, (whole ? 1000 : 0) + inPlace));
    }
  }
  return [...keys].map(([key, rank]) => ({ key, rank }));
}

/** A name's folded tokens in order, in each script it is written in. */
export const nameSequencesOf = (name: PersonName): string[][] => partsOf(name).map((parts) => parts.flat());

/** For each token of the name, the part it is first in (0: the given name): single-token searches rank by it. */
export function tokenPartsOf(name: PersonName): Map<string, number> {
  const at = new Map<string, number>();
  for (const parts of partsOf(name)) parts.forEach((tokens, i) => tokens.forEach((t) => at.has(t) || at.set(t, i)));
  return at;
}

/**
 * How well a name (its folded tokens in order) matches a query's: an exact match first, then by
 * how many of the query's tokens stand in the same place in the name (from the given name).
 */
export function matchRank(query: readonly string[], name: readonly string[]): number {
  const exact = query.length === name.length && query.every((t, i) => name[i] === t);
  const inPlace = query.filter((t, i) => name[i] === t).length;
  return (exact ? 1000 : 0) + inPlace;
}
