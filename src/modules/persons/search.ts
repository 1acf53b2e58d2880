import type { Page } from '../../db/page';
import type { Person } from './store';
import { foldedTokens, nameTokens } from './normalise';
import {
  FAMILY_SECOND_FIELDS,
  SAID_FIELDS,
  TOKEN_FIELDS,
  keyOf,
  keyPrefixesOf,
  rowRank,
  tokensOf,
  type NameField,
} from './name-keys';
import type { NameIndexStore, PersonStore } from './projectors';

export interface PersonSearch {
  q?: string;
  dateOfBirth?: string;
  governorate?: string;
  /** A register page, DIRECTORATE/REGISTER/PAGE. */
  familyRegister?: string;
  limit: number;
  after?: string;
  /** How many matches of a name alone to count and rank (SEARCH_COUNT_CAP). */
  cap?: number;
}

/** A page of a search, and for a name alone how many match: at most the cap, `capped` when more do. */
export type SearchPage = Page<Person> & { total?: { count: number; capped: boolean } };

/** How many matches of a name alone are counted and ranked by default: past it the answer says "more than 500". */
export const SEARCH_CAP = 500;
/** A page cursor of a name search: the place in its ranked matches. */
const AT = /^@(\d{1,3})$/;

type Deps = { persons: PersonStore; nameIndex: NameIndexStore };

/**
 * Search by name and/or date of birth or register page. With a date of birth or a register page,
 * their index narrows to a few people, in NIN order; a name alone is answered by `byName`.
 */
export async function searchPersons(deps: Deps, s: PersonSearch): Promise<SearchPage> {
  const tokens = s.q ? nameTokens(s.q) : [];
  // A query of articles or punctuation alone names nobody (it is not "everyone").
  if (s.q && tokens.length === 0) return { items: [], last: null, total: { count: 0, capped: false } };
  const governorate = s.governorate ? { 'placeOfBirth.governorate': s.governorate } : {};
  const byTokens = tokens.length > 0 ? { searchTokens: { $all: tokens } } : {};
  // A register page first: its key is an indexed equality (the first of the filter, so the engine
  // pushes it down), and a page holds a family, so the other filters are applied to a handful.
  if (s.familyRegister)
    return deps.persons.page(
      {
        familyRegisterKey: s.familyRegister,
        ...byTokens,
        ...(s.dateOfBirth ? { dateOfBirth: s.dateOfBirth } : {}),
        ...governorate,
      },
      s,
    );
  if (s.dateOfBirth || tokens.length === 0)
    return deps.persons.page(
      { ...byTokens, ...(s.dateOfBirth ? { dateOfBirth: s.dateOfBirth } : {}), ...governorate },
      s,
    );
  return byName(deps, s, foldedTokens(s.q));
}

interface Match {
  nin: string;
  rank: number;
}

/**
 * A name alone, ranked: an exact folded match first, then by how many parts stand in their place.
 * The query is first looked up as beginnings of the keys of names as they are said (name-keys.ts):
 * one `$or` of anchored prefixes, read up to the cap; one token is also looked up in the token
 * fields (a father's or family name alone), up to the cap. A page is a slice of the ranked matches
 * and one `_id` read of its people, so a search costs the same at 10,000 people as at a million.
 * When no name begins so (the father's and the family name where nobody is given the father's
 * name, parts out of order), the people holding every token answer: that intersection reads every
 * holder of the query's first token, and grows with the registry. (Not when the keys found some:
 * those whose name holds the parts elsewhere rank below them anyway.)
 */
async function byName(deps: Deps, s: PersonSearch, query: string[]): Promise<SearchPage> {
  const offset = s.after ? Number(AT.exec(s.after)?.[1] ?? 0) : 0;
  const cap = s.cap ?? SEARCH_CAP;
  const found = [await byKeys(deps, query, cap)];
  if (query.length === 1 && !found[0]!.full) found.push(await byToken(deps, query[0]!, cap));
  let matches = best(found.flatMap((f) => f.matches));
  let full = found.some((f) => f.full);
  if (query.length > 1 && matches.length === 0) [matches, full] = [await byAllTokens(deps, query, cap), false];
  let people = new Map<string, Person>();
  if (s.governorate) {
    // The governorate is the person's: read them all (at most the cap), keep those born there.
    people = new Map((await deps.persons.existing(matches.map((m) => m.nin))).map((p) => [p._id, p]));
    matches = matches.filter((m) => people.get(m.nin)?.placeOfBirth.governorate === s.governorate);
  }
  matches.sort((a, b) => b.rank - a.rank || (a.nin < b.nin ? -1 : 1));
  // More than the cap, or a lookup that stopped at it: "more than 500" (of a governorate: more
  // than those counted, which are the ones born there of the first 500 read).
  const capped = matches.length > cap || full;
  const ranked = matches.slice(0, cap);
  const slice = ranked.slice(offset, offset + s.limit);
  const missing = slice.filter((m) => !people.has(m.nin)).map((m) => m.nin);
  for (const p of await deps.persons.existing(missing)) people.set(p._id, p);
  const items = slice.flatMap((m) => people.get(m.nin) ?? []);
  const next = offset + s.limit < ranked.length ? `@${offset + s.limit}` : null;
  return { items, last: next, total: { count: ranked.length, capped } };
}

/** Matches read, and whether a lookup stopped at the cap. */
interface Found {
  matches: Match[];
  full: boolean;
}

/** Each person once, at their best rank. */
function best(matches: Match[]): Match[] {
  const rank = new Map<string, number>();
  for (const m of matches) if (m.rank > (rank.get(m.nin) ?? -1)) rank.set(m.nin, m.rank);
  return [...rank].map(([nin, r]) => ({ nin, rank: r }));
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const beginsWith = (field: NameField, prefix: string) => ({ [field]: { $regex: `^${escapeRegex(prefix)}` } });
const RANKING_FIELDS = Object.fromEntries(SAID_FIELDS.map((f) => [f, 1]));

/**
 * The people whose keys begin with the query read as a name (name-keys.ts `keyPrefixesOf`): one
 * `$or` of prefixes, read lazily up to the cap (the engine stops there); `full` when there were
 * more. A full read is followed by one of the exact matches, so that they are never left past the cap.
 */
async function byKeys(deps: Deps, query: string[], cap: number): Promise<Found> {
  const prefixes = keyPrefixesOf(query);
  const anyOf = [
    ...prefixes.said.flatMap((p) => SAID_FIELDS.map((f) => beginsWith(f, p))),
    ...prefixes.familySecond.flatMap((p) => FAMILY_SECOND_FIELDS.map((f) => beginsWith(f, p))),
  ];
  const rows = await readRows(deps, anyOf, cap + 1);
  const full = rows.length > cap;
  if (full)
    rows.push(
      ...(await readRows(
        deps,
        SAID_FIELDS.map((f) => ({ [f]: keyOf(query) })),
        cap + 1,
      )),
    );
  return { matches: rows.map((r) => ({ nin: r._id, rank: rowRank(query, r) })), full };
}

/** The holders of one token, up to the cap: those whose given name it is first; `full` when there are more. */
async function byToken(deps: Deps, token: string, cap: number): Promise<Found> {
  const rows = await readRows(deps, holding(token), cap + 1);
  return { matches: rows.map((r) => ({ nin: r._id, rank: rowRank([token], r) })), full: rows.length > cap };
}

const holding = (token: string) => TOKEN_FIELDS.map((f) => ({ [f]: token }));

/**
 * Rows of the name index matching any of these conditions, up to `limit`, with what ranks them:
 * in one batch (the default first batch is 101 rows), so a read of the cap is one round trip,
 * not a find, a getMore and a killCursors.
 */
const readRows = (deps: Deps, anyOf: object[], limit: number) =>
  deps.nameIndex.collection
    .find({ $or: anyOf }, { projection: RANKING_FIELDS, batchSize: limit })
    .limit(limit)
    .toArray();

/**
 * The people holding every token of the query, wherever they stand, up to the cap: the holders
 * of the first token read in turn, kept when their row holds the others. Ranked by the name as
 * it is said (in the query's script).
 */
async function byAllTokens(deps: Deps, query: string[], cap: number): Promise<Match[]> {
  const [first, ...others] = [...new Set(query)];
  const found: Match[] = [];
  const rows = deps.nameIndex.collection.find({ $or: holding(first!) });
  for await (const row of rows) {
    const tokens = new Set(tokensOf(row));
    if (others.every((t) => tokens.has(t))) found.push({ nin: row._id, rank: rowRank(query, row) });
    if (found.length > cap) break;
  }
  await rows.close();
  return found;
}
