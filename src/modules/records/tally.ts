import type { CivilRecord } from './store';

/**
 * The vocabulary in which a record kind says what it counts for in the vital statistics, and
 * statistics/ builds its tables from: a kind names its table and its shape, statistics/ knows
 * how each shape is counted, suppressed and published, and never names a kind.
 *
 * - `count`: one count (marriages);
 * - `by-sex`: female, male and their total (births);
 * - `by-cause`: the total and the 22 ICD-10 chapters, each with its title (deaths);
 * - `by-timeliness`: registrations on time, late and delayed, and their total (a kind's `timelinessTable`).
 */
export type VitalTable =
  | { name: string; shape: 'count' }
  | { name: string; shape: 'by-sex' }
  | { name: string; shape: 'by-cause' }
  | { name: string; shape: 'by-timeliness' };

/**
 * What one registered record counts for in its kind's table: the month and governorate of the
 * event's occurrence and, for a table with categories, the record's one.
 */
export interface Tally {
  /** The date the event occurred (YYYY-MM-DD); counted in its month. */
  date: string;
  /** ISO 3166-2:IQ code of where it occurred. */
  governorate: string;
  /**
   * by-sex: the sex (`female` or `male`); by-cause: the ICD-10 code of the underlying cause as
   * declared (`I21.9`), which statistics/ puts in its chapter, so that no kind has to know the
   * chapters; count: none.
   */
  category?: string;
}

/** A kind's part in the vital statistics: its table and what one of its registered records adds to it. */
export interface KindStatistics<F extends object = object> {
  table: VitalTable;
  tally(record: CivilRecord<F>): Tally;
  /**
   * For a kind with a legal deadline: the name of its table of registrations by timeliness (the
   * completeness indicator the UN asks for), counted by the month of registration, in the
   * governorate where the event occurred.
   */
  timelinessTable?: string;
}
