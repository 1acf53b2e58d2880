import { VITAL_TABLES } from '../../src/record-kinds';
import type { VitalTable } from '../../src/modules/records/tally';
import { periodOf } from '../../src/modules/statistics/periods';
import { vitalView } from '../../src/modules/statistics/schemas';
import { countersOf } from '../../src/modules/statistics/shapes';
import type { VitalCount } from '../../src/modules/statistics/store';
import { vitalAnswer, yearTables } from '../../src/modules/statistics/tables';
import { statisticsRoutes } from '../../src/modules/statistics/routes';
import { must } from '../support/checked';

/**
 * The statistics are built from the table descriptors the kinds supply: a fifth kind counted in
 * a `count` table (foetal deaths) is one more descriptor, published and suppressed like the
 * others, and the four before it do not change.
 */
const FOETAL: VitalTable = { name: 'foetalDeaths', shape: 'count' };
// The five tables by date of occurrence; the tables of registrations by timeliness follow them (test/timeliness.test.ts),
// then the breakdowns of births and deaths (test/unit/statistics-breakdowns.test.ts).
const FIVE = VITAL_TABLES.filter((t) => t.shape !== 'by-timeliness' && !('of' in t));
const FOUR = FIVE.filter((t) => t.name !== FOETAL.name);

/** A year with a few small and large cells; foetal deaths counted exactly as marriages, to compare their suppression. */
const cell = (month: string, governorate: string, n: number, rest: Partial<VitalCount> = {}): VitalCount => ({
  _id: `${month}|${governorate}`,
  month,
  governorate,
  seq: 1,
  births: { female: n + 1, male: 2 },
  deaths: { total: n, byChapter: { IX: n } },
  marriages: n,
  divorces: 9,
  foetalDeaths: n,
  ...rest,
});
const DOCS = [
  cell('2026-03', 'IQ-BG', 3),
  cell('2026-03', 'IQ-BA', 7),
  cell('2026-04', 'IQ-BG', 12),
  cell('2026-07', 'IQ-NI', 1),
];
const ANSWERS = [
  ['2026-03', '2026-03', 'governorate'],
  ['2026-01', '2026-03', 'month'],
  ['2026-01', '2026-12', 'governorate'],
  ['2026-01', '2026-12', 'month'],
] as const;

const answers = (tables: readonly VitalTable[]) =>
  ANSWERS.map(([from, to, by]) => vitalAnswer(yearTables(tables, 2026, DOCS), periodOf(from, to), by));
const withoutFoetal = ({ foetalDeaths: _, ...rest }: Record<string, unknown>) => rest;

describe('vital statistics from table descriptors', () => {
  it('are the tables of births, deaths, marriages, divorces and foetal deaths, then registrations by timeliness, then the breakdowns, in the order of the answer', () => {
    expect(VITAL_TABLES).toEqual([
      { name: 'births', shape: 'by-sex' },
      { name: 'deaths', shape: 'by-cause' },
      { name: 'marriages', shape: 'count' },
      { name: 'divorces', shape: 'count' },
      FOETAL,
      { name: 'birthsByTimeliness', shape: 'by-timeliness' },
      { name: 'deathsByTimeliness', shape: 'by-timeliness' },
      { name: 'foetalDeathsByTimeliness', shape: 'by-timeliness' },
      { name: 'birthsByMotherAge', shape: 'by-sex-and-mother-age', of: 'births' },
      { name: 'birthsByAttendant', shape: 'by-attendant', of: 'births' },
      { name: 'deathsByAgeAndSex', shape: 'by-age-and-sex', of: 'deaths' },
    ]);
  });

  it('publish a fifth count table after the others, suppressed like them, and leave the four unchanged', () => {
    const [four, five] = [answers(FOUR), answers(FIVE)];
    for (const [i, answer] of five.entries()) {
      const before = four[i]!;
      for (const [j, row] of [...answer.rows, answer.total].entries()) {
        const rowBefore = [...before.rows, before.total][j]!;
        expect(Object.keys(row)).toEqual([...Object.keys(rowBefore), 'foetalDeaths']);
        expect(withoutFoetal(row)).toEqual(rowBefore);
        // The same counters as marriages, so the same cells withheld.
        expect(row.foetalDeaths).toBe(row.marriages);
      }
    }
    // Byte for byte: the answer about the four tables is what it was, and the fifth only adds its field.
    expect(
      JSON.stringify(five.map((a) => ({ ...a, rows: a.rows.map(withoutFoetal), total: withoutFoetal(a.total) }))),
    ).toBe(JSON.stringify(four));
  });

  it('withhold the counts from 1 to 4 of the fifth table, and some other cell with each', () => {
    const [march] = answers(FIVE);
    const row = (g: string) => march!.rows.find((r) => r.governorate === g)!;
    expect(row('IQ-BG').foetalDeaths).toBeNull(); // 3
    // Baghdad's 3 is the national total minus Babil's 7: one of them is withheld too.
    expect([row('IQ-BA').foetalDeaths, march!.total.foetalDeaths]).toContain(null);
    const published = answers(FIVE).flatMap((a) => [...a.rows, a.total].map((r) => r.foetalDeaths));
    expect(published.filter((n) => typeof n === 'number' && n > 0 && n < 5)).toEqual([]);
    expect(published.filter((n) => n === 12 || n === 22 || n === 23).length).toBeGreaterThan(0);
  });

  it('give the fifth table to the schema of the answer, after the four', () => {
    const view = vitalView(FIVE);
    expect(Object.keys(view.shape.total.shape)).toEqual(['births', 'deaths', 'marriages', 'divorces', 'foetalDeaths']);
    expect(Object.keys(view.shape.rows.element.shape)).toEqual([
      'governorate',
      'month',
      'births',
      'deaths',
      'marriages',
      'divorces',
      'foetalDeaths',
    ]);
    const [march] = answers(FIVE);
    expect(view.parse(march)).toEqual(march);
    // The answer without the fifth table does not meet it: the field is required, like the others.
    expect(view.safeParse(answers(FOUR)[0]).success).toBe(false);
    expect(vitalView(FOUR).safeParse(answers(FOUR)[0]).success).toBe(true);
  });
});

describe('the counters of a tally', () => {
  it('are the paths counter documents have always had, from the shape of the table', () => {
    expect(countersOf(FOETAL, undefined)).toEqual(['foetalDeaths']);
    expect(countersOf({ name: 'births', shape: 'by-sex' }, 'female')).toEqual(['births.female']);
    expect(countersOf({ name: 'deaths', shape: 'by-cause' }, 'I21.9')).toEqual(['deaths.total', 'deaths.byChapter.IX']);
    // A code in no chapter counts in the total counter only, as before.
    expect(countersOf({ name: 'deaths', shape: 'by-cause' }, 'D49')).toEqual(['deaths.total']);
  });

  it('refuse a sex a table by sex does not have: a bug of the kind, not a count', () => {
    expect(() => countersOf({ name: 'births', shape: 'by-sex' }, 'unknown')).toThrow(/by sex tallied with sex unknown/);
    expect(() => countersOf({ name: 'births', shape: 'by-sex' }, undefined)).toThrow(/internal error/);
  });
});

describe('the route of the vital statistics', () => {
  it('says what the tables count and refuses two tables of one name, or one named like a row key', () => {
    expect(must(statisticsRoutes(FIVE)[0], 'route').summary).toMatch(
      /^Registered births by sex, deaths by ICD-10 chapter, marriages, divorces and foetalDeaths of a calendar month/,
    );
    expect(() => statisticsRoutes([...FOUR, { name: 'births', shape: 'count' }])).toThrow(/names of their own/);
    expect(() => statisticsRoutes([...FOUR, { name: 'month', shape: 'count' }])).toThrow(/names of their own/);
    expect(() => statisticsRoutes([...FIVE, FOETAL])).toThrow(/names of their own/);
  });
});
