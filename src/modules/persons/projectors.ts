import type { PersonEvents } from './events';
import type { ProjectionChange, ProjectionStore } from '../../db/store';
import type { Journal } from '../../journal/journal';
import type { LegacyRef, NewPerson, Person, PersonName } from './store';
import { nameFieldsOf, searchTokensOf, type NameRow } from './name-keys';
import { familyRegisterKey } from './schemas';
import { personKey } from '../duplicates/keys';
import { filePersons, unfilePerson, type PersonKeyStore } from '../duplicates/store';

export type PersonStore = ProjectionStore<Person>;
export type LegacyRefStore = ProjectionStore<LegacyRef>;
export type NameIndexStore = ProjectionStore<NameRow>;

/** The stores a person's projection writes. */
export interface PersonStores {
  persons: PersonStore;
  nameIndex: NameIndexStore;
  /** People by folded full name, sex and date of birth: the enrolment's duplicate rule. */
  personKeys: PersonKeyStore;
}

/** The entry that caused a change: its seq (for apply-once) and its time. */
export interface Cause {
  seq: number;
  at: string;
}

/** Inserts a person from an entry; a second application of the same entry changes nothing. */
export async function insertPerson(stores: PersonStores, cause: Cause, p: NewPerson): Promise<void> {
  const doc = personDoc(cause, p);
  await stores.nameIndex.insertManyOnce([nameRowOf(cause, doc._id, p.name, doc.searchTokens)]);
  await filePersons(stores.personKeys, cause.seq, [{ key: personKey(p), nin: p.nin }]);
  await stores.persons.insertOnce(doc);
}

/** A person's row of the name index: their name's keys and tokens (name-keys.ts). */
export const nameRowOf = (cause: Cause, nin: string, name: PersonName, tokens?: string[]): NameRow => ({
  _id: nin,
  ...nameFieldsOf(name, tokens),
  seq: cause.seq,
});

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
    ...(p.familyRegister
      ? { familyRegister: p.familyRegister, familyRegisterKey: familyRegisterKey(p.familyRegister) }
      : {}),
    ...(p.motherName ? { motherName: p.motherName } : {}),
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
  if (change.set?.name) await refile(stores, cause, nin, change.set.name);
  if (change.set?.name || change.set?.sex || change.set?.dateOfBirth) await rekey(stores, cause, nin, change.set);
  const update: ProjectionChange<Person> = {
    set: { ...change.set, ...(change.set?.name ? { searchTokens: searchTokensOf(change.set.name) } : {}) },
    inc: { version: 1 },
    ...(change.addRecordId ? { addToSet: { recordIds: change.addRecordId } } : {}),
  };
  await stores.persons.applyOnce(nin, cause.seq, update);
}

/** Files a person under their enrolment key again when their name, sex or date of birth changes. */
async function rekey(stores: PersonStores, cause: Cause, nin: string, set: Partial<Person>): Promise<void> {
  const person = await stores.persons.get(nin);
  if (!person || person.seq >= cause.seq) return;
  const [before, after] = [personKey(person), personKey({ ...person, ...set })];
  if (before === after) return;
  await unfilePerson(stores.personKeys, before, nin);
  await filePersons(stores.personKeys, cause.seq, [{ key: after, nin }]);
}

/** Replaces a person's row of the name index, unless this entry was applied to the person already. */
async function refile(stores: PersonStores, cause: Cause, nin: string, name: PersonName): Promise<void> {
  const person = await stores.persons.get(nin);
  if (!person || person.seq >= cause.seq) return;
  await stores.nameIndex.removeIds([nin]);
  await stores.nameIndex.insertManyOnce([nameRowOf(cause, nin, name)]);
}

/**
 * Files a batch's people under their keys: one bulk insert (the import enrols nobody whose key is
 * taken, so the keys are new), and one by one for any key that exists (an entry applied again).
 */
async function fileBatch(store: PersonKeyStore, seq: number, people: NewPerson[]): Promise<void> {
  const byKey = new Map<string, string[]>();
  for (const p of people) byKey.set(personKey(p), [...(byKey.get(personKey(p)) ?? []), p.nin]);
  const docs = [...byKey].map(([key, nins]) => ({ _id: key, nins, seq }));
  try {
    await store.collection.insertMany(docs, { ordered: false });
  } catch (err) {
    const failed = (err as { writeErrors?: { index: number }[] | { index: number } }).writeErrors;
    if (!failed) throw err;
    const again = (Array.isArray(failed) ? failed : [failed]).flatMap((e) => docs[e.index] ?? []);
    await filePersons(
      store,
      seq,
      again.flatMap((d) => d.nins.map((nin) => ({ key: d._id, nin }))),
    );
  }
}

export function registerPersonProjectors(
  journal: Journal<PersonEvents>,
  stores: PersonStores & { legacyRefs: LegacyRefStore },
): void {
  journal.on('person.enrolled', async (entry) => {
    await insertPerson(stores, entry, entry.data);
    await stores.legacyRefs.insertManyOnce(legacyRefDoc(entry, entry.data));
  });
  // The Latin form joins the name: its tokens are searched, identity verification compares it.
  journal.on('person.latin-confirmed', async (entry) => {
    const person = await stores.persons.get(entry.data.nin);
    if (!person) return;
    await updatePerson(stores, entry, entry.data.nin, { set: { name: { ...person.name, latin: entry.data.latin } } });
  });
  // A batch of the legacy register's import: one entry, two bulk inserts.
  journal.on('person.enrolled-batch', async (entry) => {
    const docs = entry.data.persons.map((p) => personDoc(entry, p));
    // Three collections at once: the engine encodes documents in parallel (SQLite still writes one at a time).
    await Promise.all([
      stores.nameIndex.insertManyOnce(docs.map((d) => nameRowOf(entry, d._id, d.name, d.searchTokens))),
      fileBatch(stores.personKeys, entry.seq, entry.data.persons),
      stores.persons.insertManyOnce(docs),
      stores.legacyRefs.insertManyOnce(entry.data.persons.flatMap((p) => legacyRefDoc(entry, p))),
    ]);
  });
}
