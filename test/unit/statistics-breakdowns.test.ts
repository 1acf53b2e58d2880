import { VITAL_TABLES } from '../../src/record-kinds';
import { birthOrderAmong } from '../../src/modules/births/rules';
import { certifiedByPhysician } from '../../src/modules/deaths/rules';
import { DEATH_AGE_GROUPS, deathAgeGroup, MOTHER_AGE_GROUPS, motherAgeGroup } from '../../src/modules/statistics/ages';
import { periodOf } from '../../src/modules/statistics/periods';
import { vitalView } from '../../src/modules/statistics/schemas';
import { countersOf } from '../../src/modules/statistics/shapes';
import type { VitalCount } from '../../src/modules/statistics/store';
import { vitalAnswer, yearTables } from '../../src/modules/statistics/tables';

describe('age groups', () => {
  it("of the mother at the birth: under 15, five years from 15 to 49, 50 and over, unknown (the Demographic Yearbook's)", () => {
    expect(MOTHER_AGE_GROUPS).toHaveLength(10);
    expect([14, 15, 19, 20, 34, 45, 49, 50, 61].map(motherAgeGroup)).toEqual([
      'under-15',
      '15-19',
      '15-19',
      '20-24',
      '30-34',
      '45-49',
      '45-49',
      '50-plus',
      '50-plus',
    ]);
    expect([undefined, -1, 2.5].map(motherAgeGroup)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('at death: under 1, 1-4, five years from 5 to 84, 85 and over, unknown', () => {
    expect(DEATH_AGE_GROUPS).toHaveLength(20);
    expect(DEATH_AGE_GROUPS.slice(0, 4)).toEqual(['under-1', '1-4', '5-9', '10-14']);
    expect(DEATH_AGE_GROUPS.slice(-3)).toEqual(['80-84', '85-plus', 'unknown']);
    expect([0, 1, 4, 5, 9, 10, 73, 84, 85, 104].map(deathAgeGroup)).toEqual([
      'under-1',
      '1-4',
      '1-4',
      '5-9',
      '5-9',
      '10-14',
      '70-74',
      '80-84',
      '85-plus',
      '85-plus',
    ]);
    expect([undefined, -3].map(deathAgeGroup)).toEqual(['unknown', 'unknown']);
    // Every group an age falls in is one the tables list.
    for (let age = 0; age < 120; age++) expect(DEATH_AGE_GROUPS).toContain(deathAgeGroup(age));
    for (let age = 0; age < 70; age++) expect(MOTHER_AGE_GROUPS).toContain(motherAgeGroup(age));
  });
});

describe('the rules behind the derived facts', () => {
  it("birth order: the mother's children born before, or on the day and registered before (a twin), and this one", () => {
    expect(birthOrderAmong([], '2026-03-14')).toBe(1);
    const older = [{ dateOfBirth: '2019-05-01' }, { dateOfBirth: '2022-11-30' }];
    expect(birthOrderAmong(older, '2026-03-14')).toBe(3);
    // A child born later (its birth registered first) does not count before this one.
    expect(birthOrderAmong([...older, { dateOfBirth: '2027-01-02' }], '2026-03-14')).toBe(3);
    expect(birthOrderAmong([{ dateOfBirth: '2026-03-14' }], '2026-03-14')).toBe(2);
  });

  it("certified by a physician: the certifier's type, nothing without one", () => {
    expect(certifiedByPhysician({ type: 'physician', name: 'Dr. Huda Salim' })).toBe(true);
    expect(certifiedByPhysician({ type: 'coroner', name: 'Dr. Ali Kareem' })).toBe(false);
    expect(certifiedByPhysician({ type: 'facility', name: 'Basra Teaching Hospital' })).toBe(false);
    expect(certifiedByPhysician(undefined)).toBeUndefined();
  });
});

describe('the counters of a breakdown', () => {
  it('are the stated category, grouped; nothing for what is not stated (the rest of the main table counts it)', () => {
    const byMotherAge = { name: 'birthsByMotherAge', shape: 'by-sex-and-mother-age' } as const;
    const byAttendant = { name: 'birthsByAttendant', shape: 'by-attendant' } as const;
    const byAgeAndSex = { name: 'deathsByAgeAndSex', shape: 'by-age-and-sex' } as const;
    expect(countersOf(byMotherAge, 'female/27')).toEqual(['birthsByMotherAge.female.25-29']);
    expect(countersOf(byMotherAge, 'male/14')).toEqual(['birthsByMotherAge.male.under-15']);
    expect(countersOf(byMotherAge, undefined)).toEqual([]);
    expect(countersOf(byMotherAge, 'female/')).toEqual([]);
    expect(countersOf(byAttendant, 'midwife')).toEqual(['birthsByAttendant.midwife']);
    expect(countersOf(byAttendant, undefined)).toEqual([]);
    expect(countersOf(byAgeAndSex, 'male/73')).toEqual(['deathsByAgeAndSex.male.70-74']);
    expect(countersOf(byAgeAndSex, 'female/0')).toEqual(['deathsByAgeAndSex.female.under-1']);
    expect(countersOf(byAgeAndSex, 'female/')).toEqual(['deathsByAgeAndSex.female.unknown']);
    expect(countersOf(byAgeAndSex, undefined)).toEqual([]);
    // A category the kinds cannot give is a bug, not a count.
    expect(() => countersOf(byAttendant, 'doula')).toThrow(/internal error/);
    expect(() => countersOf(byAgeAndSex, 'unknown/40')).toThrow(/internal error/);
    expect(() => countersOf(byMotherAge, 'female/27/2')).toThrow(/internal error/);
  });
});

/** March 2026 in Baghdad (births with mothers' ages and attendants, deaths with age and sex), and births counted before either was kept. */
const DOCS: VitalCount[] = [
  {
    _id: '2026-03|IQ-BG',
    month: '2026-03',
    governorate: 'IQ-BG',
    seq: 1,
    births: { female: 14, male: 9 },
    birthsByMotherAge: { female: { '25-29': 8, '30-34': 5 }, male: { '25-29': 9 } },
    birthsByAttendant: { physician: 12, midwife: 9 },
    deaths: { total: 12, byChapter: { IX: 7, X: 5 } },
    deathsByAgeAndSex: { male: { '70-74': 6 }, female: { '70-74': 5 } },
  },
  { _id: '2026-04|IQ-BA', month: '2026-04', governorate: 'IQ-BA', seq: 2, births: { female: 7, male: 6 } },
];
const OCCURRENCE = VITAL_TABLES.filter((t) => t.shape !== 'by-timeliness');
const MAINS = OCCURRENCE.filter((t) => !('of' in t));
const answer = (tables = OCCURRENCE, from = '2026-01', to = '2026-12', by: 'governorate' | 'month' = 'governorate') =>
  vitalAnswer(yearTables(tables, 2026, DOCS), periodOf(from, to), by);

describe('the breakdowns in the answer', () => {
  it("count what a record does not state as unknown / not stated: a main table's count beyond the stated ones", () => {
    const year = answer();
    const basra = year.rows.find((r) => r.governorate === 'IQ-BA')!;
    // April's births in Basra were counted before the mothers' ages and attendants were kept.
    expect(basra.birthsByMotherAge).toContainEqual({ ageGroup: 'unknown', female: 7, male: 6 });
    expect(basra.birthsByAttendant).toEqual({ physician: 0, midwife: 0, nurse: 0, other: 0, notStated: 13 });
    const baghdad = year.rows.find((r) => r.governorate === 'IQ-BG')!;
    expect(baghdad.births).toEqual({ female: 14, male: 9, total: 23 });
    // 14 girls, 13 of known mother's age: one unknown, withheld (1), and a partner with it.
    const ages = baghdad.birthsByMotherAge as { ageGroup: string; female: number | null; male: number | null }[];
    expect(ages.map((a) => a.ageGroup)).toEqual([...MOTHER_AGE_GROUPS]);
    expect(ages.find((a) => a.ageGroup === 'unknown')?.female).toBeNull();
    expect(ages.find((a) => a.ageGroup === '25-29')?.male).toBe(9);
    // 23 births, 21 of stated attendant: 2 not stated, withheld.
    expect((baghdad.birthsByAttendant as Record<string, number | null>).notStated).toBeNull();
    // 12 deaths, 11 of known sex and age: one not stated, withheld, with a partner of it.
    const deaths = baghdad.deathsByAgeAndSex as { notStated: number | null; byAge: { ageGroup: string }[] };
    expect(deaths).toMatchObject({ male: 6, notStated: null });
    expect(deaths.byAge.find((a) => a.ageGroup === '70-74')).toEqual({ ageGroup: '70-74', female: 5, male: 6 });
  });

  it('leave the tables they break down as they were, and meet the schema of the answer', () => {
    for (const [from, to, by] of [
      ['2026-03', '2026-03', 'governorate'],
      ['2026-01', '2026-03', 'month'],
      ['2026-01', '2026-12', 'governorate'],
    ] as const) {
      const withBreakdowns = answer(OCCURRENCE, from, to, by);
      const without = answer(MAINS, from, to, by);
      const strip = ({
        birthsByMotherAge: _a,
        birthsByAttendant: _b,
        deathsByAgeAndSex: _c,
        ...rest
      }: Record<string, unknown>) => rest;
      expect(withBreakdowns.rows.map(strip)).toEqual(without.rows);
      expect(strip(withBreakdowns.total)).toEqual(without.total);
      expect(vitalView(OCCURRENCE).parse(withBreakdowns)).toEqual(withBreakdowns);
    }
  });

  it('withhold every count from 1 to 4, and add up to the births of each sex where all are published', () => {
    const answers = [
      answer(OCCURRENCE, '2026-03', '2026-03'),
      answer(OCCURRENCE, '2026-01', '2026-03', 'month'),
      answer(),
    ];
    const numbers = (v: unknown): number[] =>
      typeof v === 'number' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(numbers) : [];
    for (const a of answers)
      for (const row of [...a.rows, a.total]) {
        const { birthsByMotherAge, birthsByAttendant, deathsByAgeAndSex } = row;
        expect(
          numbers([birthsByMotherAge, birthsByAttendant, deathsByAgeAndSex]).filter((n) => n > 0 && n < 5),
        ).toEqual([]);
        // Each sex's births by mother's age add up to births of that sex where all are published.
        const births = row.births as { female: number | null; male: number | null };
        const ages = birthsByMotherAge as { female: number | null; male: number | null }[];
        for (const sex of ['female', 'male'] as const)
          if (ages.every((a) => a[sex] !== null)) expect(ages.reduce((n, a) => n + a[sex]!, 0)).toBe(births[sex]);
      }
  });
});
