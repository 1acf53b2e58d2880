import type { RecordEvents } from './events';
import type { ProjectionChange } from '../../db/store';
import type { RecordDeclared } from './events';
import type { Journal } from '../../journal/journal';
import type { Actor } from '../../journal/types';
import type { RecordChange, RecordKinds } from './contract';
import type { CivilRecord, RecordKind, RecordStore } from './store';
import { factsBefore } from './rules';

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
    ...(d.notification ? { notification: d.notification } : {}),
    ...(d.duplicates && d.duplicates.length > 0 ? { duplicates: d.duplicates } : {}),
    updatedAt: entry.at,
    version: 1,
    declaredSeq: entry.seq,
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

/**
 * Tells the listeners (statistics, civil status) that an entry changed a record's standing; call
 * it once the entry's own changes (the record, the people it links) are applied.
 */
export async function notifyChange(
  deps: { records: RecordStore; kinds: RecordKinds },
  cause: RecordChange['cause'],
  recordId: string,
  change: Pick<RecordChange, 'type' | 'factsBefore'>,
): Promise<void> {
  const record = await deps.records.get(recordId);
  if (record) await deps.kinds.notify({ cause, record, ...change });
}

/** The projectors of the lifecycle events every kind shares. */
export function registerRecordProjectors(
  journal: Journal<RecordEvents>,
  deps: { records: RecordStore; kinds: RecordKinds },
): void {
  const { records, kinds } = deps;
  journal.on('record.rejected', (entry) =>
    updateRecord(records, entry, entry.data.recordId, { set: { status: 'rejected', rejectionReason: entry.reason } }),
  );

  journal.on('record.voided', async (entry) => {
    await updateRecord(records, entry, entry.data.recordId, { set: { status: 'voided', voidReason: entry.reason } });
    await notifyChange(deps, entry, entry.data.recordId, { type: 'voided' });
  });

  journal.on('record.duplicate-reviewed', (entry) => {
    const { recordId, decision, duplicateOf } = entry.data;
    const reason = entry.reason ?? '';
    const duplicateReview = {
      decision,
      ...(duplicateOf ? { duplicateOf } : {}),
      reason,
      by: entry.actor.id,
      at: entry.at,
    };
    // A duplicate is rejected with the reviewer's reason: the earlier record stands.
    const rejected = decision === 'duplicate' ? { status: 'rejected' as const, rejectionReason: reason } : {};
    return updateRecord(records, entry, recordId, { set: { duplicateReview, ...rejected } });
  });

  journal.on('record.corrected', async (entry) => {
    const record = await records.get(entry.data.recordId);
    const courtOrder = entry.data.evidence?.courtOrder;
    await updateRecord(records, entry, entry.data.recordId, {
      set: {
        data: entry.data.facts,
        // A registered record's court orders are its certificates' marginal notes.
        ...(courtOrder && record?.status === 'registered'
          ? { courtOrders: [...(record.courtOrders ?? []), courtOrder] }
          : {}),
      },
    });
    if (record) await kinds.of(record.kind).applyCorrection?.(entry, { ...record, data: entry.data.facts });
    await notifyChange(deps, entry, entry.data.recordId, {
      type: 'corrected',
      factsBefore: factsBefore(entry.data.facts, entry.data.changes),
    });
  });
}
