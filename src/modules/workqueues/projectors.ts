import type { StoredEntry } from '../../journal/types';
import type { RecordKinds } from '../records/contract';
import type { CivilRecord, RecordStore } from '../records/store';
import {
  bucketOf,
  courtReferenceOf,
  flagsOf,
  queueBucketKey,
  queueKey,
  queueOf,
  queueOfKey,
  timelinessFlags,
  type QueueId,
} from '../records/rules';
import type { Timeliness } from '../records/rules';
import type { QueueCountStore } from './store';

export interface WorkQueueDeps {
  records: RecordStore;
  kinds: RecordKinds;
  queueCounts: QueueCountStore;
  /** A record's timeliness under the law in force (civil-status/timeliness.ts), none for a kind without a deadline. */
  timeliness: (record: CivilRecord) => Timeliness | undefined;
}

const isRecordId = (id: string) => id.startsWith('r_');

/**
 * After every entry, the records it names get their flags and queue again from what they now
 * are, and each office's counts move with them. The counts change first, once per entry and
 * office (`incrementOnce`), then the records: after a crash in between, the entry applied again
 * finds the counts done and the records not, and finishes. (Two instances applying consecutive
 * entries of one record at the same moment could both move it; the service runs its projections
 * in one process per database until the multi-instance work.)
 */
export function followWorkQueues(
  journal: { afterEach(follower: (entry: StoredEntry) => Promise<void>): void },
  deps: WorkQueueDeps,
): void {
  journal.afterEach(async (entry) => {
    const ids = entry.entityIds.filter(isRecordId);
    if (ids.length === 0) return;
    const moves = new Map<string, Record<string, number>>();
    const changed: { record: CivilRecord; set: Record<string, unknown>; unset: string[] }[] = [];
    for (const record of await deps.records.existing(ids)) {
      const timeliness = deps.timeliness(record);
      const flags = flagsOf(
        deps.kinds.of(record.kind).work,
        record,
        timelinessFlags(timeliness, courtReferenceOf(record.data)),
      );
      const queue = queueOf({ status: record.status, flags, certificatesIssued: record.certificatesIssued });
      const key = queue && queueKey(record.office, queue);
      const sameFlags = JSON.stringify(record.flags ?? []) === JSON.stringify(flags);
      if (sameFlags && record.queue === key && record.timeliness === timeliness) continue;
      // Records declared before buckets were kept have their first seq only: as good an order.
      const bucket = bucketOf(record.declaredSeq ?? record.seq);
      if (record.queue !== key) {
        const inc = moves.get(record.office) ?? {};
        const add = (q: QueueId, n: number) => {
          inc[`counts.${q}`] = (inc[`counts.${q}`] ?? 0) + n;
          inc[`buckets.${q}.${bucket}`] = (inc[`buckets.${q}.${bucket}`] ?? 0) + n;
        };
        if (record.queue) add(queueOfKey(record.queue), -1);
        if (queue) add(queue, +1);
        moves.set(record.office, inc);
      }
      changed.push({
        record,
        set: {
          flags,
          ...(key ? { queue: key, queueBucket: queueBucketKey(key, bucket) } : {}),
          ...(timeliness ? { timeliness } : {}),
        },
        unset: [...(key ? [] : ['queue', 'queueBucket']), ...(timeliness ? [] : ['timeliness'])],
      });
    }
    for (const [office, inc] of moves) await deps.queueCounts.incrementOnce(office, entry.seq, inc);
    for (const { record, set, unset } of changed) await deps.records.setDerived(record._id, set, unset);
  });
}
