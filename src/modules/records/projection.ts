import type { ProjectionChange } from '../../db/store';
import type { RecordDeclared } from '../../events';
import type { Journal } from '../../journal/journal';
import type { Actor } from '../../journal/types';
import type { RecordKinds } from './kinds';
import type { CivilRecord, RecordKind, RecordStore } from './model';

/** Builds a record from its declaration entry (of any kind); a second application changes nothing. */
export async function insertRecord(
  records: RecordStore,
  entry: { seq: number; at: string; actor: Actor; data: RecordDeclared<object> },
  kind: RecordKind,
): Promise<void> {
  const d = entry.data;
  await records.insertOnce({
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
  });
}

/** Changes a record once per entry and counts a new version. */
export async function updateRecord(
  records: RecordStore,
  entry: { seq: number; at: string },
  recordId: string,
  change: { set: ProjectionChange<CivilRecord>['set']; addPersonNin?: string },
): Promise<void> {
  await records.applyOnce(recordId, entry.seq, {
    set: { ...change.set, updatedAt: entry.at },
    inc: { version: 1 },
    ...(change.addPersonNin ? { addToSet: { personNins: change.addPersonNin } } : {}),
  });
}

/** The projectors of the lifecycle events every kind shares. */
export function registerRecordProjectors(journal: Journal, deps: { records: RecordStore; kinds: RecordKinds }): void {
  const { records, kinds } = deps;
  journal.on('record.rejected', (entry) => updateRecord(records, entry, entry.data.recordId, { set: { status: 'rejected', rejectionReason: entry.reason } }));

  journal.on('record.voided', (entry) => updateRecord(records, entry, entry.data.recordId, { set: { status: 'voided', voidReason: entry.reason } }));

  journal.on('record.corrected', async (entry) => {
    const record = await records.get(entry.data.recordId);
    await updateRecord(records, entry, entry.data.recordId, { set: { data: entry.data.facts } });
    if (record) await kinds.of(record.kind).applyCorrection?.(entry, { ...record, data: entry.data.facts });
  });
}
