import { createHash } from 'node:crypto';
import { GOVERNORATES } from '../offices/reference';
import { must } from '../../lib/must';
import { ICD10_CHAPTERS } from './icd10';
import type { VitalCount, VitalCountStore } from './store';
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
/** Categories under their total: births by sex, deaths by chapter; marriages and divorces have one. */
const SEXES = new Dimension([2, 2, -1]);
const CHAPTERS = new Dimension([...ICD10_CHAPTERS.map(() => ICD10_CHAPTERS.length), -1]);
const ONE = new Dimension([-1]);

export interface YearTables {
  births: LinkedTable;
  deaths: LinkedTable;
  marriages: LinkedTable;
  divorces: LinkedTable;
}

/**
 * The suppressed tables of one year from its counter documents. Every answer about the year reads
 * these, so no two answers withhold differently. A death's total is the sum of its chapters (a
 * cause must fall in one), so that the published total is the sum the table links.
 */
export function yearTables(year: number, docs: readonly VitalCount[]): YearTables {
  const at = new Map(docs.map((d) => [d._id, d]));
  const doc = (m: number, g: number) => {
    const governorate = GOVERNORATES[g]; // none at the node of the whole country
    return governorate ? at.get(`${monthAt(year * 12 + m)}|${governorate.code}`) : undefined;
  };
  const table = (categories: Dimension, leaf: (d: VitalCount, c: number) => number | undefined) =>
    new LinkedTable([TIME, PLACE, categories], (m, g, c) => {
      const d = doc(m, g);
      return d ? (leaf(d, c) ?? 0) : 0;
    }).suppress();
  return {
    births: table(SEXES, (d, c) => (c === 0 ? d.births?.female : d.births?.male)),
    deaths: table(CHAPTERS, (d, c) => d.deaths?.byChapter?.[must(ICD10_CHAPTERS[c], 'ICD-10 chapter').chapter]),
    marriages: table(ONE, (d) => d.marriages),
    divorces: table(ONE, (d) => d.divorces),
  };
}

/** The last few years' tables, keyed by their counters: suppressing a year takes milliseconds, and most reads find nothing changed. */
const recent = new Map<string, YearTables>();

function cachedYearTables(year: number, docs: readonly VitalCount[]): YearTables {
  const key = `${year}|${createHash('sha256').update(JSON.stringify(docs)).digest('base64')}`;
  let tables = recent.get(key);
  if (!tables) {
    tables = yearTables(year, docs);
    if (recent.size >= 8) recent.delete(recent.keys().next().value as string);
    recent.set(key, tables);
  }
  return tables;
}

const TITLES = ICD10_CHAPTERS.map((c) => `${c.title} (${c.from}-${c.to})`);

/** The counts of one time node and place, as published: every chapter listed, withheld ones as null. */
function present(t: YearTables, time: number, place: number) {
  return {
    births: {
      female: t.births.published(time, place, 0),
      male: t.births.published(time, place, 1),
      total: t.births.published(time, place, 2),
    },
    deaths: {
      total: t.deaths.published(time, place, ICD10_CHAPTERS.length),
      byCause: ICD10_CHAPTERS.map((c, i) => ({
        icd10Chapter: c.chapter,
        title: TITLES[i],
        count: t.deaths.published(time, place, i),
      })),
    },
    marriages: t.marriages.published(time, place, 0),
    divorces: t.divorces.published(time, place, 0),
  };
}

/** The time node of a period: a month, a quarter or the year. */
const timeNode = (p: Period) => (p.kind === 'month' ? p.first : p.kind === 'quarter' ? 12 + p.first / 3 : YEAR);

/** The registered events of a period, by governorate or by month, as parts of its year's suppressed table. */
export function vitalAnswer(tables: YearTables, period: Period, by: 'governorate' | 'month') {
  const time = timeNode(period);
  const rows =
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
export async function vitalStatistics(store: VitalCountStore, period: Period, by: 'governorate' | 'month') {
  const from = monthAt(period.year * 12);
  const docs = await store.list({ _id: { $gte: from, $lt: `${monthAt(period.year * 12 + 11)}|~` } });
  return vitalAnswer(cachedYearTables(period.year, docs), period, by);
}
