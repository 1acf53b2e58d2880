import { GOVERNORATES } from '../../src/modules/common/governorates';
import { ICD10_CHAPTERS } from '../../src/modules/statistics/icd10';

/**
 * The attacker of small-cell suppression: given published cells, each the sum of a set of
 * unknowns (leaf counts), and withheld cells, finds every withheld cell that some linear
 * combination of published cells gives back. Exact: the published sums, minus what published
 * leaves already tell, span a space (integer Gaussian elimination, BigInt, no rounding); a
 * withheld cell is recovered exactly when its sum over the unknown leaves lies in that span.
 */
export interface Cell {
  /** What it counts (the same key for the same cell in two answers). */
  key: string;
  /** The leaves it sums. */
  leaves: readonly number[];
  value: number | null;
}

type Row = Map<number, bigint>;

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

function normalise(row: Row): Row {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g > 1n) for (const [k, v] of row) row.set(k, v / g);
  return row;
}

/** Eliminates `basis`'s pivots from `row` (in insertion order, each basis row is zero at the earlier pivots). */
function reduce(row: Row, basis: readonly { pivot: number; row: Row }[]): Row {
  for (const b of basis) {
    const f = row.get(b.pivot);
    if (!f) continue;
    const p = b.row.get(b.pivot)!;
    const next: Row = new Map();
    for (const [k, v] of row) next.set(k, v * p);
    for (const [k, v] of b.row) {
      const x = (next.get(k) ?? 0n) - v * f;
      if (x === 0n) next.delete(k);
      else next.set(k, x);
    }
    row = normalise(next);
  }
  return row;
}

/** The withheld cells that the published ones give back. */
export function recoveredCells(cells: readonly Cell[]): Cell[] {
  const known = new Set<number>();
  for (const c of cells) if (c.value !== null && c.leaves.length === 1) known.add(c.leaves[0]!);
  const unknown = new Map<number, number>();
  const vector = (c: Cell): Row => {
    const row: Row = new Map();
    for (const leaf of c.leaves) {
      if (known.has(leaf)) continue;
      if (!unknown.has(leaf)) unknown.set(leaf, unknown.size);
      const i = unknown.get(leaf)!;
      row.set(i, (row.get(i) ?? 0n) + 1n);
    }
    return row;
  };
  const basis: { pivot: number; row: Row }[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    if (c.value === null) continue;
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    const row = reduce(vector(c), basis);
    if (row.size > 0) basis.push({ pivot: row.keys().next().value as number, row });
  }
  return cells.filter((c) => c.value === null && reduce(vector(c), basis).size === 0);
}

/** Every period published of a year: its months, quarters and the year. */
export const PERIODS = (year: number) =>
  [
    ...Array.from({ length: 12 }, (_, m): [number, number] => [m, m]),
    ...Array.from({ length: 4 }, (_, q): [number, number] => [3 * q, 3 * q + 2]),
    [0, 11] as const,
  ].map(([a, b]) => ({
    from: `${year}-${String(a + 1).padStart(2, '0')}`,
    to: `${year}-${String(b + 1).padStart(2, '0')}`,
  }));

type Count = number | null;
interface Counts {
  births: { female: Count; male: Count; total: Count };
  deaths: { total: Count; byCause: { icd10Chapter: string; count: Count }[] };
  marriages: Count;
  divorces: Count;
}
/** An answer of GET /v1/statistics/vital. */
export interface Answer {
  from: string;
  to: string;
  by: 'governorate' | 'month';
  rows: (Counts & { governorate?: string; month?: string })[];
  total: Counts;
}

/** The leaves: a month of the year, a governorate and a category (female, male, the 22 chapters, marriages, divorces). */
export const CATEGORIES = ['female', 'male', ...ICD10_CHAPTERS.map((c) => c.chapter), 'marriages', 'divorces'];
export const leafOf = (month: number, governorate: number, category: string) =>
  (month * GOVERNORATES.length + governorate) * CATEGORIES.length + CATEGORIES.indexOf(category);

/** The published cells of one row of an answer, each over its leaves. */
function rowCells(months: readonly number[], governorates: readonly number[], c: Counts): Cell[] {
  const box = (categories: readonly string[]) => ({
    key: `${months.join()}|${governorates.join()}|${categories.join()}`,
    leaves: months.flatMap((m) => governorates.flatMap((g) => categories.map((k) => leafOf(m, g, k)))),
  });
  const chapters = ICD10_CHAPTERS.map((ch) => ch.chapter);
  expect(c.deaths.byCause.map((b) => b.icd10Chapter)).toEqual(chapters);
  return [
    { ...box(['female']), value: c.births.female },
    { ...box(['male']), value: c.births.male },
    { ...box(['female', 'male']), value: c.births.total },
    { ...box(chapters), value: c.deaths.total },
    ...c.deaths.byCause.map((b) => ({ ...box([b.icd10Chapter]), value: b.count })),
    { ...box(['marriages']), value: c.marriages },
    { ...box(['divorces']), value: c.divorces },
  ];
}

/** Every cell of the answers about one year, as an outsider reads them off the answers. */
export function cellsOfAnswers(answers: readonly Answer[]): Cell[] {
  const all = GOVERNORATES.map((_, i) => i);
  const monthOf = (m: string) => Number(m.slice(5, 7)) - 1;
  return answers.flatMap((a) => {
    const months = Array.from({ length: monthOf(a.to) - monthOf(a.from) + 1 }, (_, i) => monthOf(a.from) + i);
    return [
      ...a.rows.flatMap((r) =>
        a.by === 'governorate'
          ? rowCells(months, [GOVERNORATES.findIndex((g) => g.code === r.governorate)], r)
          : rowCells([monthOf(r.month!)], all, r),
      ),
      ...rowCells(months, all, a.total),
    ];
  });
}
