import type { PersonEvents } from './events';
import type { ProjectionChange, ProjectionStore } from '../../db/store';
import type { Journal } from '../../journal/journal';
import type { LegacyRef, NameToken, NewPerson, Person, PersonName } from './store';
import { nameTokens } from './normalise';

export type PersonStore = ProjectionStore<Person>;
export type LegacyRefStore = ProjectionStore<LegacyRef>;
export type NameTokenStore = ProjectionStore<NameToken>;

/** The stores a person's projection writes. */
export interface PersonStores {
  persons: PersonStore;
  nameTokens: NameTokenStore;
}

/** The entry that caused a change: its seq (for apply-once) and its time. */
export interface Cause {
  seq: number;
  at: string;
}

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

/** Inserts a person from an entry; a second application of the same entry changes nothing. */
export async function insertPerson(stores: PersonStores, cause: Cause, p: NewPerson): Promise<void> {
  const doc = personDoc(cause, p);
  await stores.nameTokens.insertManyOnce(tokenDocs(cause, doc._id, doc.searchTokens));
  await stores.persons.insertOnce(doc);
}

const tokenDocs = (cause: Cause, nin: string, tokens: string[]): NameToken[] =>
  tokens.map((token) => ({ _id: `${token} ${nin}`, token, nin, seq: cause.seq }));

function personDoc(cause: Cause, p: NewPerson): Person {
  return {
    _id: p.nin,
    name: p.name,
    sex: p.sex,
    dateOfBirth: p.dateOfBirth,
    placeOfBirth: p.placeOfBirth,
    status: 'alive',
    maritalStatus: 'single',
    ...(p.motherNin ? { motherNin: p.motherNin } : {}),
    ...(p.fatherNin ? { fatherNin: p.fatherNin } : {}),
    ...(p.legacyReference ? { legacyReference: p.legacyReference } : {}),
    recordIds: p.recordIds ?? [],
    searchTokens: searchTokensOf(p.name),
    createdAt: cause.at,
    version: 1,
    seq: cause.seq,
  };
}

const legacyRefDoc = (cause: Cause, p: NewPerson): LegacyRef[] =>
  p.legacyReference ? [{ _id: p.legacyReference, nin: p.nin, sex: p.sex, seq: cause.seq }] : [];

/** Changes a person once per entry and counts a new version; a new name gets new search tokens. */
export async function updatePerson(
  stores: PersonStores,
  cause: Cause,
  nin: string,
  change: { set?: Partial<Omit<Person, '_id' | 'seq' | 'version'>>; addRecordId?: string },
): Promise<void> {
  if (change.set?.name) await retoken(stores, cause, nin, searchTokensOf(change.set.name));
  const update: ProjectionChange<Person> = {
    set: { ...change.set, ...(change.set?.name ? { searchTokens: searchTokensOf(change.set.name) } : {}) },
    inc: { version: 1 },
    ...(change.addRecordId ? { addToSet: { recordIds: change.addRecordId } } : {}),
  };
  await stores.persons.applyOnce(nin, cause.seq, update);
}

/** Replaces a person's name tokens, unless this entry was applied to the person already. */
async function retoken(stores: PersonStores, cause: Cause, nin: string, tokens: string[]): Promise<void> {
  const person = await stores.persons.get(nin);
  if (!person || person.seq >= cause.seq) return;
  await stores.nameTokens.removeIds(person.searchTokens.filter((t) => !tokens.includes(t)).map((t) => `${t} ${nin}`));
  await stores.nameTokens.insertManyOnce(tokenDocs(cause, nin, tokens));
}

export function registerPersonProjectors(
  journal: Journal<PersonEvents>,
  stores: PersonStores & { legacyRefs: LegacyRefStore },
): void {
  journal.on('person.enrolled', async (entry) => {
    await insertPerson(stores, entry, entry.data);
    await stores.legacyRefs.insertManyOnce(legacyRefDoc(entry, entry.data));
  });
  // A batch of the legacy register's import: one entry, two bulk inserts.
  journal.on('person.enrolled-batch', async (entry) => {
    const docs = entry.data.persons.map((p) => personDoc(entry, p));
    // Three collections at once: the engine encodes documents in parallel (SQLite still writes one at a time).
    await Promise.all([
      stores.nameTokens.insertManyOnce(docs.flatMap((d) => tokenDocs(entry, d._id, d.searchTokens))),
      stores.persons.insertManyOnce(docs),
      stores.legacyRefs.insertManyOnce(entry.data.persons.flatMap((p) => legacyRefDoc(entry, p))),
    ]);
  });
}
