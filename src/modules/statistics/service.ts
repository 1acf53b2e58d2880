import { GOVERNORATES } from '../offices/reference';
import { ICD10_CHAPTERS } from './icd10';
import type { VitalCount, VitalCountStore } from './model';
import { cell, protectSums, published, SUPPRESS_BELOW, type Cell, type SumGroup } from './suppression';

export interface VitalQuery {
  /** First and last month counted, YYYY-MM. */
  from: string;
  to: string;
  by: 'governorate' | 'month';
}

/** Months counted from year 0, so that a range is a subtraction. */
export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
export const monthAt = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The months from `from` to `to`, both included (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthAt(i));
  return months;
}

interface RowCells {
  key: string;
  female: Cell;
  male: Cell;
  births: Cell;
  deaths: Cell;
  chapters: Map<string, Cell>;
  marriages: Cell;
  divorces: Cell;
}

function sumRow(key: string, docs: readonly VitalCount[]): RowCells {
  const sum = (f: (d: VitalCount) => number | undefined) => docs.reduce((n, d) => n + (f(d) ?? 0), 0);
  const chapters = new Map<string, Cell>();
  for (const { chapter } of ICD10_CHAPTERS) {
    const n = sum((d) => d.deaths?.byChapter?.[chapter]);
    if (n > 0) chapters.set(chapter, cell(n));
  }
  const female = sum((d) => d.births?.female);
  const male = sum((d) => d.births?.male);
  return {
    key,
    female: cell(female),
    male: cell(male),
    births: cell(female + male),
    deaths: cell(sum((d) => d.deaths?.total)),
    chapters,
    marriages: cell(sum((d) => d.marriages)),
    divorces: cell(sum((d) => d.divorces)),
  };
}

/** Every published sum of the table: within a row (sexes, causes) and down each column to the total. */
function sumGroups(rows: readonly RowCells[], total: RowCells): SumGroup[] {
  const groups: SumGroup[] = [];
  for (const r of [...rows, total]) {
    groups.push({ members: [r.female, r.male], total: r.births });
    groups.push({ members: [...r.chapters.values()], total: r.deaths });
  }
  for (const column of ['female', 'male', 'births', 'deaths', 'marriages', 'divorces'] as const) {
    groups.push({ members: rows.map((r) => r[column]), total: total[column] });
  }
  for (const [chapter, totalCell] of total.chapters) {
    groups.push({ members: rows.flatMap((r) => r.chapters.get(chapter) ?? []), total: totalCell });
  }
  return groups;
}

const TITLES = new Map<string, string>(ICD10_CHAPTERS.map((c) => [c.chapter, `${c.title} (${c.from}-${c.to})`]));

const presentRow = (r: RowCells) => ({
  births: { female: published(r.female), male: published(r.male), total: published(r.births) },
  deaths: {
    total: published(r.deaths),
    byCause: [...r.chapters].map(([chapter, c]) => ({ icd10Chapter: chapter, title: TITLES.get(chapter) ?? chapter, count: published(c) })),
  },
  marriages: published(r.marriages),
  divorces: published(r.divorces),
});

/** The registered events of the months asked, by governorate or by month, with small cells withheld. */
export async function vitalStatistics(store: VitalCountStore, q: VitalQuery) {
  const months = monthsBetween(q.from, q.to);
  const docs = await store.list({ _id: { $gte: q.from, $lt: `${q.to}|~` } });
  const keys = q.by === 'governorate' ? GOVERNORATES.map((g) => g.code) : months;
  const rows = keys.map((key) =>
    sumRow(
      key,
      docs.filter((d) => (q.by === 'governorate' ? d.governorate : d.month) === key),
    ),
  );
  const total = sumRow('total', docs);
  protectSums(sumGroups(rows, total));
  return {
    from: q.from,
    to: q.to,
    by: q.by,
    suppressedBelow: SUPPRESS_BELOW,
    rows: rows.map((r) => ({ [q.by]: r.key, ...presentRow(r) })),
    total: presentRow(total),
  };
}
