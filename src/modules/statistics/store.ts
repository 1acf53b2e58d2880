import type { ProjectionStore } from '../../db/store';

/**
 * The counters of one month and governorate (`_id`: `2026-03|IQ-BG`), kept by the journal's
 * projections: a read of a year is one range over `_id`, whatever the registry's size.
 */
export interface VitalCount {
  _id: string;
  month: string;
  governorate: string;
  births?: { female?: number; male?: number };
  deaths?: { total?: number; byChapter?: Record<string, number> };
  marriages?: number;
  divorces?: number;
  seq: number;
}

export type VitalCountStore = ProjectionStore<VitalCount>;
