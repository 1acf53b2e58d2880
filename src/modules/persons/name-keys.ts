import type { IndexDeclaration } from '../../db/store';
import type { PersonName } from './store';
import { foldedTokens, nameTokens } from './normalise';

/**
 * The row a person's name is found by, for a search whose cost does not grow with the registry.
 *
 * An Iraqi name is said from the given name: given, father, grandfather, family. A search typed at
 * the counter is one of its beginnings (given and father, the three names, the whole name) or the
 * given name with the family name (and maybe the father's between them). So each name is filed,
 * in each script, under two keys: its folded tokens in the order it is said, and in the order
 * given, family, father, grandfather; each token ends in a space, so that a query's tokens are a
 * beginning of a key exactly when the name begins with them. A query is then one search for keys
 * that begin so (anchored prefixes, which MongoDB and our FerretDB patch answer from the indexes
 * as ranges), read up to the cap: its cost is the page's and the cap's, whatever the registry's
 * size. The same row holds the name's tokens, each in a field of its own, for a token alone (a
 * family name) and for parts out of order.
 *
 * One row a person, every key and token in an indexed field of its own, because on the embedded
 * engine a row costs about three index entries, and an index entry filed at a random place more
 * than one filed beside the last (docs/performance.md, "Name search").
 */

/** The fields of the keys in the order a name is said (Arabic, Latin), and with the family name second. */
export const SAID_FIELDS = ['k0', 'k2'] as const;
export const FAMILY_SECOND_FIELDS = ['k1', 'k3'] as const;
/** The fields of a name's distinct tokens, in order (Arabic, then Latin); tokens past the last are in the keys only. */
export const TOKEN_FIELDS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11'] as const;

export type NameField =
  (typeof SAID_FIELDS)[number] | (typeof FAMILY_SECOND_FIELDS)[number] | (typeof TOKEN_FIELDS)[number];
export type NameFields = Partial<Record<NameField, string>>;

/**
 * A person's row of the name index (`_id`: the NIN): the name's keys and tokens, each in an
 * indexed field of its own (name-keys.ts). Name search looks keys up by their beginning (an
 * anchored prefix) and tokens by equality, with `$or` over the fields, on scalar indexed fields,
 * which every engine answers from its indexes (an equality on the array `searchTokens` would read
 * every person on the embedded engine, which indexes no array).
 */
export type NameRow = NameFields & { _id: string; seq: number };

export const NAME_INDEX_INDEXES: IndexDeclaration[] = [
  ...[...SAID_FIELDS, ...FAMILY_SECOND_FIELDS].map((field) => ({
    key: { [field]: 1 },
    serves: 'GET /v1/persons?q= of a name alone: the people whose name begins so, as said or given-family-father',
  })),
  ...TOKEN_FIELDS.map((field) => ({
    key: { [field]: 1 },
    serves: 'GET /v1/persons?q= of one token, and of parts out of order: the people whose name has it',
  })),
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

/** Tokens as a key: each followed by a space, so a beginning of it ends at a token's end. */
export const keyOf = (tokens: readonly string[]) => tokens.map((t) => `${t} `).join('');

/** A name's fields of the name index: its keys in each script, and its tokens (given when the caller has them). */
export function nameFieldsOf(name: PersonName, tokens = searchTokensOf(name)): NameFields {
  const fields: NameFields = {};
  partsOf(name).forEach(([given = [], father = [], grandfather = [], family = []], script) => {
    fields[SAID_FIELDS[script]!] = keyOf([...given, ...father, ...grandfather, ...family]);
    // Without a family name the second order is the first: not filed twice.
    if (family.length > 0)
      fields[FAMILY_SECOND_FIELDS[script]!] = keyOf([...given, ...family, ...father, ...grandfather]);
  });
  tokens.slice(0, TOKEN_FIELDS.length).forEach((token, i) => (fields[TOKEN_FIELDS[i]!] = token));
  return fields;
}

/** A name's distinct folded tokens, Arabic then Latin. */
export function searchTokensOf(name: PersonName): string[] {
  const l = name.latin;
  return nameTokens(
    name.givenName,
    name.fatherName,
    name.grandfatherName,
    name.familyName,
    l?.givenName,
    l?.fatherName,
    l?.grandfatherName,
    l?.familyName,
  );
}

/** Queries of more tokens than this are looked up as they are typed only (the readings below grow as n²). */
const MOST_SPLIT_TOKENS = 6;

/**
 * The beginnings of keys a query's tokens stand for: as typed, a beginning of the name as it is
 * said, or of the family-second key (given and family name, maybe the father's after them); and
 * for three tokens or more, each way of reading it as given, father and family name (the family
 * name moved second, as the second key has it).
 */
export function keyPrefixesOf(query: readonly string[]): { said: string[]; familySecond: string[] } {
  const familySecond = new Set([keyOf(query)]);
  if (query.length >= 3 && query.length <= MOST_SPLIT_TOKENS)
    for (let father = 1; father < query.length - 1; father++)
      for (let family = father + 1; family < query.length; family++)
        familySecond.add(keyOf([...query.slice(0, father), ...query.slice(family), ...query.slice(father, family)]));
  return { said: [keyOf(query)], familySecond: [...familySecond] };
}

/** The most tokens a family name, or a given name, is taken to have when a query puts the family name first. */
const PART_TOKENS = 2;

/**
 * The beginnings of the family-second key (given, family, father, grandfather) a query stands for
 * when it puts the family name first (`التميمي زينب`, as lists sorted by family name do, or a
 * Latin form read back): each way of reading its first tokens as a family name and then a given
 * name, of one or two tokens each. So such a query is a range of an index too, not the tokens'
 * intersection.
 */
export function familyFirstPrefixesOf(query: readonly string[]): string[] {
  const prefixes = new Set<string>();
  if (query.length <= MOST_SPLIT_TOKENS)
    for (let family = 1; family <= PART_TOKENS; family++)
      for (let given = family + 1; given <= Math.min(family + PART_TOKENS, query.length); given++)
        prefixes.add(keyOf([...query.slice(family, given), ...query.slice(0, family), ...query.slice(given)]));
  return [...prefixes];
}

/** The name's folded tokens in the order it is said, in each script, from its row's keys. */
export const saidSequencesOf = (fields: NameFields): string[][] =>
  SAID_FIELDS.flatMap((f) => (fields[f] ? [fields[f].trimEnd().split(' ')] : []));

/** The tokens of a row's token fields. */
export const tokensOf = (fields: NameFields): string[] => TOKEN_FIELDS.flatMap((f) => fields[f] ?? []);

/**
 * How well a name (its folded tokens in order) matches a query's: an exact match first, then by
 * how many of the query's tokens stand in the same place in the name (from the given name).
 */
export function matchRank(query: readonly string[], name: readonly string[]): number {
  const exact = query.length === name.length && query.every((t, i) => name[i] === t);
  const inPlace = query.filter((t, i) => name[i] === t).length;
  return (exact ? EXACT_RANK : 0) + inPlace;
}

/** What an exact match adds to its rank: more than any count of parts in place. */
export const EXACT_RANK = 1000;

/** A row's best rank for a query, over its scripts. */
export const rowRank = (query: readonly string[], fields: NameFields): number =>
  Math.max(0, ...saidSequencesOf(fields).map((name) => matchRank(query, name)));
