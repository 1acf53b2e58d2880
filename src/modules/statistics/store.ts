import type { ProjectionStore } from '../../db/store';

/** A counter, or counters under their names (a table by sex keeps `female` and `male`). */
export type Counters = number | { [name: string]: Counters | undefined };

/**
 * The counters of one month and governorate (`_id`: `2026-03|IQ-BG`), kept by the journal's
 * projections: a read of a year is one range over `_id`, whatever the registry's size. Each
 * table's counters are under its name (shapes.ts says which).
 */
export interface VitalCount {
  _id: string;
  month: string;
  governorate: string;
  seq: number;
  [table: string]: Counters | string | undefined;
}

/** The counter at a dotted path (`births.female`); none when nothing was counted there yet. */
export function counterAt(doc: VitalCount, path: string): number | undefined {
  let at: unknown = doc;
  for (const key of path.split('.'))
    at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'number' ? at : undefined;
}

export type VitalCountStore = ProjectionStore<VitalCount>;
