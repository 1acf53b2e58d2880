import { createHash } from 'node:crypto';
import { GOVERNORATES } from '../common/governorates';
import { must } from '../../lib/must';
import type { MainTable, VitalTable } from '../records/tally';
import { BREAKDOWNS, isBreakdown } from './breakdowns';
import { suppressBreakdown } from './linked';
import { SHAPES } from './shapes';
import { counterAt, type VitalCount, type VitalCountStore } from './store';
import type { Period } from './periods';
import { Dimension, LinkedTable, SUPPRESS_BELOW } from './suppression';

/** Months counted from year 0, so that a range is a subtraction. */
export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
export const monthAt = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The months from `from` to `to`, both included (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthAt(i));
  return months;
}

/** Time: months 0-11, quarters 12-15, the year 16. */
const TIME = new Dimension([...Array.from({ length: 12 }, (_, m) => 12 + Math.floor(m / 3)), 16, 16, 16, 16, -1]);
const YEAR = 16;
/** Place: the 18 governorates, then the country. */
const NATION = GOVERNORATES.length;
const PLACE = new Dimension([...GOVERNORATES.map(() => NATION), -1]);

/** The suppressed tables of one year, in the order of their descriptors (the order of the answer's fields). */
export type YearTables = readonly { table: VitalTable; counts: LinkedTable }[];

/**
 * The suppressed tables of one year from its counter documents. Every answer about the year reads
 * these, so no two answers withhold differently. A total over categories is the sum of their
 * leaves (a death's cause must fall in one chapter), so that the published total is the sum the
 * table links. A breakdown is built and suppressed after its main table, with it (linked.ts):
 * its leaf of the rest counts what the main table has beyond its stated leaves.
 */
export function yearTables(tables: readonly VitalTable[], year: number, docs: readonly VitalCount[]): YearTables {
  const at = new Map(docs.map((d) => [d._id, d]));
  const doc = (m: number, g: number) => {
    const governorate = GOVERNORATES[g]; // none at the node of the whole country
    return governorate ? at.get(`${monthAt(year * 12 + m)}|${governorate.code}`) : undefined;
  };
  const counted = (m: number, g: number, path: string) => {
    const d = doc(m, g);
    return d ? (counterAt(d, path) ?? 0) : 0;
  };
  const mains = new Map<string, { table: MainTable; counts: LinkedTable }>();
  for (const table of tables) {
    if (isBreakdown(table)) continue;
    const shape = SHAPES[table.shape];
    const counters = new Map(shape.categories.leaves.map((c) => [c, shape.leaf(table.name, c)]));
    const counts = new LinkedTable([TIME, PLACE, shape.categories], (m, g, c) =>
      counted(m, g, must(counters.get(c), 'counter of a leaf category')),
    ).suppress();
    mains.set(table.name, { table, counts });
  }
  return tables.map((table) => {
    if (!isBreakdown(table)) return must(mains.get(table.name), 'a main table built');
    const main = mains.get(table.of);
    if (!main) throw new Error(`internal error: ${table.name} breaks down ${table.of}, which is not among the tables`);
    const shape = BREAKDOWNS[table.shape];
    const common = shape.common(main.table.shape, main.counts.dims[2].parent.indexOf(-1));
    const C = shape.categories;
    const counter = (c: number) => shape.leaf(table.name, c);
    const value = (m: number, g: number, c: number): number => {
      const path = counter(c);
      if (path !== undefined) return counted(m, g, path);
      // The rest: what the main table counts at the common node above, beyond the stated leaves under it.
      const parent = must(C.parent[c], 'the parent of a leaf of the rest');
      const stated = C.underOf(parent).filter((l) => l !== c);
      const rest =
        main.counts.value(m, g, must(common.get(parent), 'a common node above the rest')) -
        stated.reduce((n, l) => n + counted(m, g, must(counter(l), 'one leaf of the rest per node')), 0);
      if (rest < 0) throw new Error(`internal error: ${table.name} counts more than ${table.of} in ${m}/${g}`);
      return rest;
    };
    return { table, counts: suppressBreakdown(new LinkedTable([TIME, PLACE, C], value), main.counts, common) };
  });
}

/** The last few years' tables, keyed by the tables asked and their counters: suppressing a year takes milliseconds, and most reads find nothing changed. */
const recent = new Map<string, YearTables>();

function cachedYearTables(tables: readonly VitalTable[], year: number, docs: readonly VitalCount[]): YearTables {
  const key = `${year}|${createHash('sha256')
    .update(JSON.stringify([tables, docs]))
    .digest('base64')}`;
  let cached = recent.get(key);
  if (!cached) {
    cached = yearTables(tables, year, docs);
    if (recent.size >= 8) recent.delete(recent.keys().next().value as string);
    recent.set(key, cached);
  }
  return cached;
}

/** The counts of one time node and place, as published: each table under its name. */
const present = (t: YearTables, time: number, place: number): Record<string, unknown> =>
  Object.fromEntries(
    t.map(({ table, counts }) => [
      table.name,
      (isBreakdown(table) ? BREAKDOWNS[table.shape] : SHAPES[table.shape]).present(counts, time, place),
    ]),
  );

/** The time node of a period: a month, a quarter or the year. */
const timeNode = (p: Period) => (p.kind === 'month' ? p.first : p.kind === 'quarter' ? 12 + p.first / 3 : YEAR);

/** An answer: its rows and total list each table's counts under the table's name (schemas.ts, vitalView). */
export interface VitalAnswer {
  from: string;
  to: string;
  by: 'governorate' | 'month';
  suppressedBelow: number;
  rows: { governorate?: string; month?: string; [table: string]: unknown }[];
  total: Record<string, unknown>;
}

/** The registered events of a period, by governorate or by month, as parts of its year's suppressed table. */
export function vitalAnswer(tables: YearTables, period: Period, by: 'governorate' | 'month'): VitalAnswer {
  const time = timeNode(period);
  const rows: VitalAnswer['rows'] =
    by === 'governorate'
      ? GOVERNORATES.map((g, i) => ({ governorate: g.code, ...present(tables, time, i) }))
      : TIME.underOf(time).map((m) => ({ month: monthAt(period.year * 12 + m), ...present(tables, m, NATION) }));
  return {
    from: period.from,
    to: period.to,
    by,
    suppressedBelow: SUPPRESS_BELOW,
    rows,
    total: present(tables, time, NATION),
  };
}

/** Reads the year of the period (at most 216 small documents) and answers from its suppressed table. */
export async function vitalStatistics(
  store: VitalCountStore,
  tables: readonly VitalTable[],
  period: Period,
  by: 'governorate' | 'month',
): Promise<VitalAnswer> {
  const from = monthAt(period.year * 12);
  const docs = await store.list({ _id: { $gte: from, $lt: `${monthAt(period.year * 12 + 11)}|~` } });
  return vitalAnswer(cachedYearTables(tables, period.year, docs), period, by);
}
