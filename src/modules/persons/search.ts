import type { Page } from '../../db/page';
import type { Person } from './store';
import { foldedTokens, nameTokens } from './normalise';
import {
  FAMILY_SECOND_FIELDS,
  SAID_FIELDS,
  TOKEN_FIELDS,
  EXACT_RANK,
  familyFirstPrefixesOf,
  keyOf,
  keyPrefixesOf,
  rowRank,
  tokensOf,
  type NameField,
  type NameRow,
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

/** A name matched by at most this many people is read whole and ranked, ties by NIN; more, a page at a time. */
const RANKED_WHOLE = 50;

/**
 * A name alone, ranked: an exact folded match first, then by how many parts stand in their place.
 * The query is looked up as beginnings of the keys of names as they are said (name-keys.ts), and
 * one token also in the token fields (a father's or family name alone): anchored prefixes and
 * equalities on indexed fields, which the engine counts from its indexes, up to the cap ("more
 * than 500"). A name few people have is then read whole and ranked; a common one a page at a time
 * (`pageRanked`): a search reads its page, not its matches, so it costs about the same at 10,000
 * people as at a million. When no name begins so, the query is read with the family name first
 * (`familyFirst`: again beginnings of a key); when none begins so either (the father's and the
 * family name where nobody is given the father's name, other orders), the people holding every
 * token answer: that intersection reads every holder of the query's first token, and grows with
 * the registry.
 */
async function byName(deps: Deps, s: PersonSearch, query: string[]): Promise<SearchPage> {
  const at = { offset: s.after ? Number(AT.exec(s.after)?.[1] ?? 0) : 0, limit: s.limit };
  const cap = s.cap ?? SEARCH_CAP;
  const terms = termsOf(query);
  if (s.governorate) return inGovernorate(deps, s.governorate, query, terms, at, cap);
  const count = await deps.nameIndex.countUpTo({ $or: terms.any }, cap + 1);
  if (count === 0) {
    const turned = await familyFirst(deps, query, at.offset + at.limit, cap);
    if (turned) return pageOf(deps, turned.matches, new Map(), { ...at, ...turned.total });
  }
  if (count > RANKED_WHOLE) {
    const ranked = await pageRanked(deps, query, terms, at.offset + at.limit, cap);
    return pageOf(deps, ranked, new Map(), { ...at, count: Math.min(count, cap), capped: count > cap });
  }
  const ranked = byRank(
    count > 0 ? (await rankedWhole(deps, query, terms, cap)).matches : await byAllTokens(deps, query, cap),
  );
  return pageOf(deps, ranked, new Map(), { ...at, count: Math.min(ranked.length, cap), capped: ranked.length > cap });
}

/**
 * A name and a governorate (the person's place of birth): the matches read whole, up to the cap,
 * and their people, to keep those born there (when the read was full, "more than" those counted:
 * they are the ones born there of the first 500 read).
 */
async function inGovernorate(
  deps: Deps,
  governorate: string,
  query: string[],
  terms: Terms,
  at: { offset: number; limit: number },
  cap: number,
): Promise<SearchPage> {
  let { matches, full } = await rankedWhole(deps, query, terms, cap);
  if (matches.length === 0) {
    const turned = await familyFirst(deps, query, cap + 1, cap);
    [matches, full] = turned ? [turned.matches, turned.total.capped] : [await byAllTokens(deps, query, cap), false];
  }
  const people = new Map((await deps.persons.existing(matches.map((m) => m.nin))).map((p) => [p._id, p]));
  const ranked = byRank(matches.filter((m) => people.get(m.nin)?.placeOfBirth.governorate === governorate));
  return pageOf(deps, ranked, people, {
    ...at,
    count: Math.min(ranked.length, cap),
    capped: ranked.length > cap || full,
  });
}

/** The page at `offset` of the first `count` ranked matches, as people (those already read reused). */
async function pageOf(
  deps: Deps,
  ranked: Match[],
  people: Map<string, Person>,
  at: { offset: number; limit: number; count: number; capped: boolean },
): Promise<SearchPage> {
  const slice = ranked.slice(at.offset, Math.min(at.offset + at.limit, at.count));
  const missing = slice.filter((m) => !people.has(m.nin)).map((m) => m.nin);
  for (const p of await deps.persons.existing(missing)) people.set(p._id, p);
  const items = slice.flatMap((m) => people.get(m.nin) ?? []);
  const next = at.offset + at.limit < at.count ? `@${at.offset + at.limit}` : null;
  return { items, last: next, total: { count: at.count, capped: at.capped } };
}

/** A row of the name index as a match of the query. */
const matchOf = (query: string[], row: NameRow): Match => ({ nin: row._id, rank: rowRank(query, row) });

/** Matches by rank, best first, then by NIN. */
const byRank = (matches: Match[]) => matches.sort((a, b) => b.rank - a.rank || (a.nin < b.nin ? -1 : 1));

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const beginsWith = (field: NameField, prefix: string) => ({ [field]: { $regex: `^${escapeRegex(prefix)}` } });
/** The family-second keys (each script's) that begin with any of these prefixes. */
const onFamilySecondKeys = (prefixes: string[]) =>
  prefixes.flatMap((p) => FAMILY_SECOND_FIELDS.map((f) => beginsWith(f, p)));
const holding = (token: string) => TOKEN_FIELDS.map((f) => ({ [f]: token }));
const RANKING_FIELDS = Object.fromEntries(SAID_FIELDS.map((f) => [f, 1]));

/**
 * The conditions a name is looked up by, in groups that rank one below the other: its exact
 * match (the whole name as said), the names that begin with it as said (every part in its place),
 * and the others (the family name second, name-keys.ts `keyPrefixesOf`; a token anywhere); `any`
 * is all of them (the exact match begins with the query too).
 */
interface Terms {
  exact: object[];
  said: object[];
  others: object[];
  any: object[];
}

function termsOf(query: string[]): Terms {
  const prefixes = keyPrefixesOf(query);
  const said = prefixes.said.flatMap((p) => SAID_FIELDS.map((f) => beginsWith(f, p)));
  const others = [...onFamilySecondKeys(prefixes.familySecond), ...(query.length === 1 ? holding(query[0]!) : [])];
  return { exact: SAID_FIELDS.map((f) => ({ [f]: keyOf(query) })), said, others, any: [...said, ...others] };
}

/**
 * Every match up to the cap, ranked, and whether there were more (`full`); a full read is followed
 * by one of the exact matches, so that they are never left past the cap.
 */
async function rankedWhole(deps: Deps, query: string[], terms: Terms, cap: number) {
  const rows = await readRows(deps, terms.any, cap + 1);
  const full = rows.length > cap;
  if (full) rows.push(...(await readRows(deps, terms.exact, cap + 1)));
  return { matches: best(rows.map((r) => matchOf(query, r))), full };
}

/**
 * The first `need` matches in rank order, read a group of terms at a time, as the name index
 * gives them: the exact matches, then the names that begin with the query (which all rank alike,
 * below the exact ones), then the others (which all rank below those). A group is read until
 * `need` matches rank as well as its best can: no row read later can rank above them. So a page
 * of a common name reads that page's rows, whatever the registry's size. Ties stay in the order
 * read (the index's: by the name's key, then as filed), for every page of the same search alike.
 */
async function pageRanked(deps: Deps, query: string[], terms: Terms, need: number, cap: number): Promise<Match[]> {
  // The first batches of the exact matches and of the names that begin so are asked together: a
  // common name's page needs both (its exact matches are seldom a page), and the engine answers
  // the two side by side. The exact matches are among those names, so a batch of them one
  // longer than the page is enough, whatever number of exact matches came first.
  const firstSaid = { limit: need + 1, rows: readRows(deps, terms.said, need + 1) };
  // Handled here, so that an error while the exact matches are awaited is not unhandled; it is
  // still thrown where the batch is used.
  firstSaid.rows.catch(() => undefined);
  const groups = [
    { anyOf: terms.exact, best: EXACT_RANK + query.length },
    { anyOf: terms.said, best: query.length, first: firstSaid },
    { anyOf: terms.others, best: query.length - 1 },
  ];
  const found = new Map<string, Match>();
  const asGood = (rank: number) => [...found.values()].filter((m) => m.rank >= rank).length;
  for (const group of groups) {
    // First as many rows as the page needs (with those read before, which may come again), in
    // one batch; the group up to the cap only if they were not enough (lower ranks among them).
    for (const [i, limit] of [need + found.size + 1, cap + 1].entries()) {
      if (asGood(group.best) >= need || found.size > cap) break;
      const batch = i === 0 && group.first ? group.first : { limit, rows: readRows(deps, group.anyOf, limit) };
      const rows = await batch.rows;
      for (const row of rows) if (!found.has(row._id)) found.set(row._id, matchOf(query, row));
      if (rows.length < batch.limit) break;
    }
  }
  // A stable sort: ties keep the order they were read in.
  return [...found.values()].sort((a, b) => b.rank - a.rank);
}

/**
 * The family name typed first (name-keys.ts, `familyFirstPrefixesOf`), asked when no name begins
 * as the query is typed: the people whose family-second key begins so, counted up to the cap,
 * then the first `need` of them, or all when 50 or fewer (NIN order). They rank alike (no part
 * stands in its place), so a page of a common name is read in the index's order, as far as the
 * page: flat, where the tokens' intersection reads every holder of the first. Nothing when no
 * name begins so either.
 */
async function familyFirst(deps: Deps, query: string[], need: number, cap: number) {
  const anyOf = onFamilySecondKeys(familyFirstPrefixesOf(query));
  if (anyOf.length === 0) return undefined;
  const count = await deps.nameIndex.countUpTo({ $or: anyOf }, cap + 1);
  if (count === 0) return undefined;
  const whole = count <= RANKED_WHOLE;
  const matches = (await readRows(deps, anyOf, whole ? count : Math.min(need, cap + 1))).map((row) => ({
    nin: row._id,
    rank: 0,
  }));
  return {
    matches: whole ? byRank(matches) : matches,
    total: { count: Math.min(count, cap), capped: count > cap },
  };
}

/** Each person once, at their best rank. */
function best(matches: Match[]): Match[] {
  const rank = new Map<string, number>();
  for (const m of matches) if (m.rank > (rank.get(m.nin) ?? -1)) rank.set(m.nin, m.rank);
  return [...rank].map(([nin, r]) => ({ nin, rank: r }));
}

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
  // One token alone was looked up in the token fields already.
  if (query.length < 2) return [];
  const [first, ...others] = [...new Set(query)];
  const found: Match[] = [];
  const rows = deps.nameIndex.collection.find({ $or: holding(first!) });
  for await (const row of rows) {
    const tokens = new Set(tokensOf(row));
    if (others.every((t) => tokens.has(t))) found.push(matchOf(query, row));
    if (found.length > cap) break;
  }
  await rows.close();
  return found;
}
