import type { ProjectionStore } from '../../db/store';
import type { QueueId } from '../records/rules';

/** The number of records waiting in each queue of one office (`_id`: the office code). */
export interface QueueCounts {
  _id: string;
  seq: number;
  counts?: Partial<Record<QueueId, number>>;
}

export type QueueCountStore = ProjectionStore<QueueCounts>;
