import { applyOnce, insertOnce } from '../../db/apply-once';
import type { Journal } from '../../journal/journal';
import type { JournalEntry } from '../../journal/types';
import type { Models } from '../../services';
import type { Person, PersonName, Place } from './model';
import { nameTokens } from './normalise';

export interface NewPerson {
  nin: string;
  name: PersonName;
  sex: 'female' | 'male';
  dateOfBirth: string;
  placeOfBirth: Place;
  motherNin?: string;
  fatherNin?: string;
  legacyReference?: string;
  recordIds?: string[];
}

export function searchTokensOf(name: PersonName): string[] {
  const l = name.latin;
  return nameTokens(name.givenName, name.fatherName, name.grandfatherName, name.familyName, l?.givenName, l?.fatherName, l?.grandfatherName, l?.familyName);
}

/** Inserts a person from an entry; a second application of the same entry changes nothing. */
export async function insertPerson(models: Models, entry: JournalEntry, p: NewPerson): Promise<void> {
  const doc: Person = {
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
    createdAt: entry.at,
    version: 1,
    seq: entry.seq,
  };
  await insertOnce(models.persons.collection as never, doc);
}

/** Applies `$set`/`$addToSet` changes to a person once per entry. */
export async function updatePerson(
  models: Models, entry: JournalEntry, nin: string,
  change: { set?: Partial<Person>; addRecordId?: string },
): Promise<void> {
  const set: Record<string, unknown> = { ...change.set };
  if (change.set?.name) set.searchTokens = searchTokensOf(change.set.name);
  await applyOnce(models.persons.collection as never, models.traits, nin, entry.seq, {
    $set: set,
    $inc: { version: 1 },
    ...(change.addRecordId ? { $addToSet: { recordIds: change.addRecordId } } : {}),
  });
}

export function registerPersonProjectors(journal: Journal, models: Models): void {
  journal.on('person.enrolled', (entry) => insertPerson(models, entry, entry.data as unknown as NewPerson));
}
