import type { PersonName } from './store';
import { foldedTokens } from './normalise';

/**
 * The keys of a name as it is said, for a search whose cost does not grow with the registry.
 *
 * An Iraqi name is said from the given name: given, father, grandfather, family. A search typed at
 * the counter is one of its beginnings (given and father, the three names, the whole name) or the
 * given name with the family name (and maybe the father's between them). So each person is filed,
 * in each script, under two keys: the folded tokens in the order the name is said, and in the
 * order given, family, father, grandfather (marked as such); each token ends in a space, so that a query's tokens are a
 * beginning of a key exactly when the name begins with them. A query is then a few searches for
 * keys that begin so (an anchored prefix, which MongoDB and our FerretDB patch answer from the
 * index as a range), each read up to the cap: its cost is the page's and the cap's, whatever the
 * registry's size. Two keys, not one a shape, because on the embedded engine an index entry filed
 * at a random place costs more than anything else an import writes (docs/performance.md).
 */

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

/** Tokens as a key: each followed by a space, so a beginning of it ends at a token's end. */
export const keyOf = (tokens: readonly string[]) => tokens.map((t) => `${t} `).join('');

/** Begins a key in the family-second order, so a query read so finds no name said in that order. */
const FAMILY_SECOND = '\u0001';

export interface NameKey {
  /** The folded tokens of the name in one of the two orders, each followed by a space. */
  key: string;
  /** The name as it is said (its first key), on a key in the other order: matches rank by it. */
  said?: string;
}

/** The keys a person is filed under: in each script, the name as it is said and with the family name second. */
export function nameKeysOf(name: PersonName): NameKey[] {
  const keys = new Map<string, NameKey>();
  for (const [given, father, grandfather, family] of partsOf(name)) {
    const said = keyOf([given, father, grandfather, family].flatMap((p) => p ?? []));
    const familySecond = FAMILY_SECOND + keyOf([given, family, father, grandfather].flatMap((p) => p ?? []));
    if (!keys.has(said)) keys.set(said, { key: said });
    if (family?.length && !keys.has(familySecond)) keys.set(familySecond, { key: familySecond, said });
  }
  return [...keys.values()];
}

/** Queries of more tokens than this are looked up as they are typed only (the splits below grow as n²). */
const MOST_SPLIT_TOKENS = 6;

/**
 * The beginnings of keys a query's tokens stand for: the query as typed, as a beginning of the
 * name as it is said and of the family-second key (given and family name, maybe the father's
 * after them), and for three tokens or more each way of reading it as given, father and family
 * name (the family name moved second, as the second key has it).
 */
export function keyPrefixesOf(query: readonly string[]): string[] {
  const prefixes = new Set([keyOf(query), FAMILY_SECOND + keyOf(query)]);
  if (query.length >= 3 && query.length <= MOST_SPLIT_TOKENS)
    for (let father = 1; father < query.length - 1; father++)
      for (let family = father + 1; family < query.length; family++)
        prefixes.add(
          FAMILY_SECOND + keyOf([...query.slice(0, father), ...query.slice(family), ...query.slice(father, family)]),
        );
  return [...prefixes];
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
