import { applyOnce, insertOnce } from '../../db/apply-once';
import type { Journal } from '../../journal/journal';
import type { JournalEntry } from '../../journal/types';
import type { Models } from '../../services';
import { applyBirthCorrectionToPerson } from '../births/projection';
import type { ChildFacts } from '../births/schemas';
import type { CivilRecord, RecordKind } from './model';

/** Builds a record from its declaration entry; a second application changes nothing. */
export async function insertRecord(models: Models, entry: JournalEntry, kind: RecordKind): Promise<void> {
  const d = entry.data as { recordId: string; office: string; facts: Record<string, unknown>; personNins: string[] };
  const doc: CivilRecord = {
    _id: d.recordId,
    kind,
    status: 'declared',
    office: d.office,
    data: d.facts,
    declaredBy: { id: entry.actor.id, ...(entry.actor.office ? { office: entry.actor.office } : {}) },
    declaredAt: entry.at,
    personNins: d.personNins,
    updatedAt: entry.at,
    version: 1,
    seq: entry.seq,
  };
  await insertOnce(models.records.collection as never, doc);
}

/** Changes a record once per entry and counts a new version. */
export async function updateRecord(
  models: Models, entry: JournalEntry, recordId: string,
  change: { set: Record<string, unknown>; addPersonNin?: string },
): Promise<void> {
  await applyOnce(models.records.collection as never, models.traits, recordId, entry.seq, {
    $set: { ...change.set, updatedAt: entry.at },
    $inc: { version: 1 },
    ...(change.addPersonNin ? { $addToSet: { personNins: change.addPersonNin } } : {}),
  });
}

export interface FieldChange { path: string; before: unknown; after: unknown }

export function registerRecordProjectors(journal: Journal, models: Models): void {
  journal.on('record.rejected', (entry) =>
    updateRecord(models, entry, entry.data.recordId as string, { set: { status: 'rejected', rejectionReason: entry.reason } }));

  journal.on('record.voided', (entry) =>
    updateRecord(models, entry, entry.data.recordId as string, { set: { status: 'voided', voidReason: entry.reason } }));

  journal.on('record.corrected', async (entry) => {
    const { recordId, changes, facts } = entry.data as { recordId: string; changes: FieldChange[]; facts: Record<string, unknown> };
    const record = await models.records.findById(recordId).lean<CivilRecord>();
    await updateRecord(models, entry, recordId, { set: { data: facts } });
    if (record?.kind === 'birth' && record.subjectNin && changes.some((c) => c.path.startsWith('child.'))) {
      await applyBirthCorrectionToPerson(models, entry, record.subjectNin, facts.child as ChildFacts);
    }
  });
}
