import type { CivilRecord } from './store';

/**
 * The vocabulary in which a record kind says what it counts for in the vital statistics, and
 * statistics/ builds its tables from: a kind names its table and its shape, statistics/ knows
 * how each shape is counted, suppressed and published, and never names a kind.
 *
 * - `count`: one count (marriages);
 * - `by-sex`: female, male and their total (births);
 * - `by-cause`: the total and the 22 ICD-10 chapters, each with its title (deaths);
 * - `by-timeliness`: registrations on time, late and delayed, and their total (a kind's `timelinessTable`);
 *
 * and the breakdowns of a kind's table (`of`: its name), which count the same records in the same
 * months and governorates by more of their characteristics, and are suppressed with it:
 *
 * - `by-sex-and-mother-age`: each sex of the child by the mother's age group (births);
 * - `by-attendant`: physician, midwife, nurse, other, not stated (births);
 * - `by-age-and-sex`: each sex by age group, and the sex not stated (deaths).
 */
export type VitalTable =
  | { name: string; shape: 'count' }
  | { name: string; shape: 'by-sex' }
  | { name: string; shape: 'by-cause' }
  | { name: string; shape: 'by-timeliness' }
  | { name: string; shape: BreakdownShape; of: string };

export type BreakdownShape = 'by-sex-and-mother-age' | 'by-attendant' | 'by-age-and-sex';

/** A kind's own table (not a breakdown of another). */
export type MainTable = Exclude<VitalTable, { of: string }>;

/**
 * A breakdown of a kind's table, and the category one registered record has in it:
 * by-sex-and-mother-age, the child's sex and the mother's age in completed years (`female/27`);
 * by-attendant, who attended (`midwife`); by-age-and-sex, the sex and the age in completed years
 * (`male/73`; `male/` when the age is not known). None: not stated (counted as such, never dropped).
 */
export interface Breakdown<F extends object = object> {
  name: string;
  shape: BreakdownShape;
  category(record: CivilRecord<F>): string | undefined;
}

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
  table: MainTable;
  tally(record: CivilRecord<F>): Tally;
  /**
   * For a kind with a legal deadline: the name of its table of registrations by timeliness (the
   * completeness indicator the UN asks for), counted by the month of registration, in the
   * governorate where the event occurred.
   */
  timelinessTable?: string;
  /** Tables breaking the kind's table down by more of each record's characteristics. */
  breakdowns?: readonly Breakdown<F>[];
}
