import type { BirthDeps } from './commands';
import type { RecordEvents } from '../records/events';
import type { JournalEntry } from '../../journal/types';
import { insertPerson, updatePerson, type PersonStores } from '../persons/projectors';
import type { CivilRecord } from '../records/store';
import { insertRecord, notifyChange, updateRecord } from '../records/projectors';
import { childPersonName } from './names';
import type { BirthFacts } from './schemas';

export function registerBirthProjectors(deps: BirthDeps): void {
  const { journal } = deps;
  journal.on('birth.declared', (entry) => insertRecord(deps.records, entry, 'birth'));

  journal.on('birth.registered', async (entry) => {
    const { recordId, registrationNumber, child, derived } = entry.data;
    await updateRecord(deps.records, entry, recordId, {
      set: {
        status: 'registered',
        registrationNumber,
        registeredBy: entry.actor.id,
        registeredAt: entry.at,
        subjectNin: child.nin,
        ...(derived ? { derived } : {}),
      },
      addPersonNin: child.nin,
    });
    await insertPerson(deps, entry, { ...child, recordIds: [recordId] });
    for (const parent of [child.motherNin, child.fatherNin]) {
      if (parent) await updatePerson(deps, entry, parent, { addRecordId: recordId });
    }
    await notifyChange(deps, entry, recordId, { type: 'registered' });
  });
}

/** A correction of a registered birth's child also corrects the child's person record. */
export async function applyBirthCorrection(
  persons: PersonStores,
  entry: JournalEntry<RecordEvents, 'record.corrected'>,
  record: CivilRecord<BirthFacts>,
): Promise<void> {
  if (!record.subjectNin || !entry.data.changes.some((c) => c.path.startsWith('child.'))) return;
  const child = record.data.child;
  // A registered birth always has the child's given name (registration requires it).
  if (!child.givenName) return;
  await updatePerson(persons, entry, record.subjectNin, {
    set: {
      name: childPersonName({ ...child, givenName: child.givenName }),
      sex: child.sex,
      dateOfBirth: child.dateOfBirth,
      placeOfBirth: child.placeOfBirth,
    },
  });
}
