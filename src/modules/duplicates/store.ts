import type { IndexDeclaration, ProjectionStore } from '../../db/store';

/**
 * One duplicate key of one record (`_id`: key, space, record id). A declaration looks its
 * candidates up here, one equality per key on a scalar indexed field: the embedded engine answers
 * that from its index (an array field on the record would be read for every record that has one).
 */
export interface DuplicateKey {
  _id: string;
  key: string;
  recordId: string;
  seq: number;
}

export type DuplicateKeyStore = ProjectionStore<DuplicateKey>;

export const DUPLICATE_KEY_INDEXES: IndexDeclaration[] = [
  { key: { key: 1 }, serves: 'the duplicate check of a declaration: the records filed under one key' },
];

/**
 * The people filed under one enrolment key (folded full name, sex, date of birth). Keyed by the
 * key itself, so that an import looks up a whole batch in one `_id $in` read.
 */
export interface PersonKey {
  _id: string;
  nins: string[];
  seq: number;
}

export type PersonKeyStore = ProjectionStore<PersonKey>;

/**
 * Files people under their enrolment keys. Idempotent without a seq guard: adding a NIN that is
 * there already changes nothing, so an entry applied again after a crash files nobody twice.
 */
export async function filePersons(store: PersonKeyStore, seq: number, people: { key: string; nin: string }[]) {
  for (const { key, nin } of people) {
    await store.collection.updateOne({ _id: key }, { $addToSet: { nins: nin }, $set: { seq } }, { upsert: true });
  }
}

/** Takes a person out of a key (their name or date of birth was corrected). */
export async function unfilePerson(store: PersonKeyStore, key: string, nin: string) {
  await store.collection.updateOne({ _id: key }, { $pull: { nins: nin } });
}
