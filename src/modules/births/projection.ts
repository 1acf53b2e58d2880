import type { Journal } from '../../journal/journal';
import type { JournalEntry } from '../../journal/types';
import type { Models } from '../../services';
import { insertPerson, updatePerson, type NewPerson } from '../persons/projection';
import { insertRecord, updateRecord } from '../records/projection';
import { childPersonName } from './names';
import type { ChildFacts } from './schemas';

export function registerBirthProjectors(journal: Journal, models: Models): void {
  journal.on('birth.declared', (entry) => insertRecord(models, entry, 'birth'));

  journal.on('birth.registered', async (entry) => {
    const { recordId, registrationNumber, child } = entry.data as { recordId: string; registrationNumber: string; child: NewPerson };
    await updateRecord(models, entry, recordId, {
      set: { status: 'registered', registrationNumber, registeredBy: entry.actor.id, registeredAt: entry.at, subjectNin: child.nin },
      addPersonNin: child.nin,
    });
    await insertPerson(models, entry, { ...child, recordIds: [recordId] });
    for (const parent of [child.motherNin, child.fatherNin]) {
      if (parent) await updatePerson(models, entry, parent, { addRecordId: recordId });
    }
  });
}

/** A correction of a registered birth also corrects the child's person record. */
export async function applyBirthCorrectionToPerson(models: Models, entry: JournalEntry, childNin: string, child: ChildFacts): Promise<void> {
  await updatePerson(models, entry, childNin, {
    set: { name: childPersonName(child), sex: child.sex, dateOfBirth: child.dateOfBirth, placeOfBirth: child.placeOfBirth },
  });
}
