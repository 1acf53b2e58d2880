import fc from 'fast-check';
import { GOVERNORATES } from '../src/modules/offices/reference';
import { ICD10_CHAPTERS } from '../src/modules/statistics/icd10';
import { VITAL_TABLES } from '../src/record-kinds';
import { counterAt, type VitalCount } from '../src/modules/statistics/store';
import { periodOf } from '../src/modules/statistics/periods';
import { vitalAnswer, yearTables } from '../src/modules/statistics/tables';
import {
  CATEGORIES,
  cellsOfAnswers,
  leafOf,
  PERIODS,
  recoveredCells,
  type Answer,
  type Cell,
} from './support/disclosure';
import { must } from './support/checked';

/**
 * Random years of counters, sparse and small where it is hard (a few governorates and chapters,
 * counts around the threshold), and every answer the API gives about them: each month, quarter
 * and the year, by governorate and by month. No linear combination of all the counts published
 * (sums and differences over nested periods, governorates, sexes and chapters) may give back a
 * withheld one, and every count from 1 to 4 must be withheld. PROPERTY_RUNS sets the number of years.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 50);
const YEAR = 2026;

const counter = fc.oneof(
  fc.constantFrom('births.female', 'births.male', 'marriages', 'divorces'),
  fc.constantFrom(...ICD10_CHAPTERS.slice(0, 4).map((c) => `deaths.byChapter.${c.chapter}`)),
  fc.constantFrom(...ICD10_CHAPTERS.map((c) => `deaths.byChapter.${c.chapter}`)),
);
const entry = fc.record({
  month: fc.oneof(fc.nat({ max: 2 }), fc.nat({ max: 11 })),
  governorate: fc.oneof(fc.nat({ max: 2 }), fc.nat({ max: GOVERNORATES.length - 1 })),
  counter,
  n: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 })),
});

/** Sets the counter at a dotted path, as `$inc` creates it. */
function setCounter(doc: VitalCount, path: string, n: number) {
  const keys = path.split('.');
  let at: Record<string, unknown> = doc;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[must(keys.at(-1), 'name of a counter')] = n;
}

const chapterCounter = (chapter: string) => `deaths.byChapter.${chapter}`;

function counters(
  entries: readonly { month: number; governorate: number; counter: string; n: number }[],
): VitalCount[] {
  const docs = new Map<string, VitalCount>();
  for (const e of entries) {
    const month = `${YEAR}-${String(e.month + 1).padStart(2, '0')}`;
    const governorate = must(GOVERNORATES[e.governorate], 'governorate').code;
    const id = `${month}|${governorate}`;
    const d = docs.get(id) ?? { _id: id, month, governorate, seq: 1 };
    setCounter(d, e.counter, e.n);
    docs.set(id, d);
  }
  for (const d of docs.values())
    if (d.deaths)
      setCounter(
        d,
        'deaths.total',
        ICD10_CHAPTERS.reduce((a, c) => a + (counterAt(d, chapterCounter(c.chapter)) ?? 0), 0),
      );
  return [...docs.values()];
}

/** The counter of each leaf category of the attacker's (test/support/disclosure.ts). */
const counterOfCategory = (category: string) =>
  category === 'female' || category === 'male'
    ? `births.${category}`
    : category === 'marriages' || category === 'divorces'
      ? category
      : chapterCounter(category);

/** The true count of each leaf. */
function leafCounts(docs: readonly VitalCount[]): Float64Array {
  const counts = new Float64Array(12 * GOVERNORATES.length * CATEGORIES.length);
  for (const d of docs) {
    const [m, g] = [Number(d.month.slice(5, 7)) - 1, GOVERNORATES.findIndex((x) => x.code === d.governorate)];
    for (const category of CATEGORIES) counts[leafOf(m, g, category)] = counterAt(d, counterOfCategory(category)) ?? 0;
  }
  return counts;
}

describe('small-cell suppression across all answers of a year', () => {
  it(`gives no withheld count back by any combination of published counts, over ${RUNS} random years`, () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 60 }), (entries) => {
        const docs = counters(entries);
        const tables = yearTables(VITAL_TABLES, YEAR, docs);
        const cells = cellsOfAnswers(
          PERIODS(YEAR).flatMap((p) =>
            // The answer's fields are the tables' (its schema is checked against the contract in statistics.test.ts).
            (['governorate', 'month'] as const).map(
              (by) => vitalAnswer(tables, periodOf(p.from, p.to), by) as unknown as Answer,
            ),
          ),
        );
        const counts = leafCounts(docs);
        const truth = (c: Cell) => c.leaves.reduce((n, leaf) => n + must(counts[leaf], `count of leaf ${leaf}`), 0);
        // Published counts are true, and every count from 1 to 4 is withheld.
        expect(
          cells.filter(
            (c) => (c.value !== null && c.value !== truth(c)) || (c.value !== null && c.value > 0 && c.value < 5),
          ),
        ).toEqual([]);
        expect(cells.filter((c) => truth(c) > 0 && truth(c) < 5 && c.value !== null)).toEqual([]);
        expect(recoveredCells(cells).map((c) => ({ cell: c.key, truth: truth(c) }))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
