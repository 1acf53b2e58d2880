import type { ProjectionStore } from '../../db/store';
import type { QueueId } from '../records/rules';

/** The number of records waiting in each queue of one office (`_id`: the office code). */
export interface QueueCounts {
  _id: string;
  seq: number;
  counts?: Partial<Record<QueueId, number>>;
  /** For each queue, how many of its records are in each bucket of declarations (records/rules.ts bucketOf). */
  buckets?: Partial<Record<QueueId, Record<string, number>>>;
}

export type QueueCountStore = ProjectionStore<QueueCounts>;
