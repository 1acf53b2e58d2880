import { chapterOf, isIcd10Code } from '../../src/modules/statistics/icd10';
import { periodOf } from '../../src/modules/statistics/periods';
import { Dimension, isSmall, LinkedTable } from '../../src/modules/statistics/suppression';
import { recoveredCells, type Cell } from '../support/disclosure';
import { counterChanges } from '../../src/modules/statistics/tally';
import { factsBefore, fieldChanges } from '../../src/modules/records/rules';
import { monthsBetween } from '../../src/modules/statistics/tables';
import { must } from '../support/checked';

describe('ICD-10', () => {
  it('takes codes of the right form in a chapter', () => {
    expect(chapterOf('I21.9')).toBe('IX');
    expect(chapterOf('A00')).toBe('I');
    expect(chapterOf('D48.7')).toBe('II');
    expect(chapterOf('D50')).toBe('III');
    expect(chapterOf('U07.1')).toBe('XXII');
    expect(chapterOf('V01')).toBe('XX');
    expect(isIcd10Code('D49')).toBe(false);
    expect(isIcd10Code('I21-9')).toBe(false);
    expect(isIcd10Code('i21.9')).toBe(false);
    expect(isIcd10Code('U99')).toBe(false);
  });
});

/** A table of months (two of a quarter, under it), two governorates (under the country) and one category. */
const months2 = new Dimension([2, 2, -1]);
const places2 = new Dimension([2, 2, -1]);
const one = new Dimension([-1]);

/** The cells of a LinkedTable as an outsider sees them, with their leaves, for the attacker. */
function cellsOf(t: LinkedTable): Cell[] {
  const [A, B, C] = t.dims;
  const cells: Cell[] = [];
  for (let a = 0; a < A.size; a++)
    for (let b = 0; b < B.size; b++)
      for (let c = 0; c < C.size; c++) {
        const leaves = A.underOf(a).flatMap((x) =>
          B.underOf(b).flatMap((y) => C.underOf(c).map((z) => t.index(x, y, z))),
        );
        cells.push({ key: String(t.index(a, b, c)), leaves, value: t.published(a, b, c) });
      }
  return cells;
}

describe('small-cell suppression', () => {
  it('withholds 1 to 4, shows 0 and 5', () => {
    expect([0, 1, 4, 5].map(isSmall)).toEqual([false, true, true, false]);
  });

  it('knows the leaves and ancestors of each node', () => {
    const time = new Dimension([3, 3, 3, -1]);
    expect(time.leaves).toEqual([0, 1, 2]);
    expect(time.under[3]).toEqual([0, 1, 2]);
    expect(time.up[1]).toEqual([1, 3]);
    // A leaf pairs with a sibling (the parent cancels) or stands alone (the parent is a corner too).
    expect(time.patterns(1)).toEqual([
      [
        { node: 1, sign: 1 },
        { node: 3, sign: 1 },
      ],
      [
        { node: 1, sign: 1 },
        { node: 0, sign: -1 },
      ],
      [
        { node: 1, sign: 1 },
        { node: 2, sign: -1 },
      ],
    ]);
  });

  it('gives the months of the Muthanna example no difference to take: a withheld month takes a partner month and governorate, the corners of one square', () => {
    // January 5 and February 2 births in Muthanna (governorate 0), 9 and 8 elsewhere (governorate 1).
    const leaf = [
      [5, 9],
      [2, 8],
    ];
    const t = new LinkedTable([months2, places2, one], (m, g) => must(leaf[m]?.[g], 'leaf count')).suppress();
    expect(t.published(1, 0, 0)).toBeNull();
    expect(recoveredCells(cellsOf(t))).toEqual([]);
    // The four corners of one square are withheld; the quarter and the country stay published.
    expect([t.published(0, 0, 0), t.published(0, 1, 0), t.published(1, 1, 0)]).toEqual([null, null, null]);
    expect([t.published(2, 0, 0), t.published(2, 1, 0), t.published(0, 2, 0), t.published(2, 2, 0)]).toEqual([
      7, 17, 14, 24,
    ]);
  });

  it('protects a small aggregate whose leaves are each published as zero or small', () => {
    // A quarter of 3 deaths in one governorate and chapter: months 0, 0, 3.
    // Six months (0-5) in two quarters (6, 7) of a year (8).
    const time = new Dimension([6, 6, 6, 7, 7, 7, 8, 8, -1]);
    const t = new LinkedTable([time, places2, one], (m, g) =>
      must(g === 0 ? [0, 0, 3, 6, 7, 8][m] : [10, 11, 12, 13, 14, 15][m], 'leaf count'),
    ).suppress();
    expect(t.published(6, 0, 0)).toBeNull();
    expect(recoveredCells(cellsOf(t))).toEqual([]);
  });

  it('the attacker finds what withholding only the small cells leaves open, and what a rule of two per sum misses', () => {
    const primaryOnly = new LinkedTable([months2, places2, one], (m, g) =>
      must(
        [
          [5, 9],
          [2, 8],
        ][m]?.[g],
        'leaf count',
      ),
    );
    primaryOnly.hidden[primaryOnly.index(1, 0, 0)] = 1;
    expect(recoveredCells(cellsOf(primaryOnly)).length).toBeGreaterThan(0);
    // Two withheld squares joined by one withheld cell: every row and column has two withheld, yet the bridge is determined.
    const rows = new Dimension([6, 6, 6, 6, 6, 6, -1]);
    const cols = new Dimension([6, 6, 6, 6, 6, 6, -1]);
    const t = new LinkedTable([rows, cols, one], () => 7);
    for (const [r, c] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
      [0, 2],
    ] as const)
      t.hidden[t.index(r, c, 0)] = 1;
    const cells = cellsOf(t);
    expect(recoveredCells(cells).map((c) => c.key)).toEqual([String(t.index(0, 2, 0))]);
  });
});

describe('periods', () => {
  it('takes a month, a quarter or a calendar year, and this year by default', () => {
    expect(periodOf('2026-02', '2026-02')).toMatchObject({ kind: 'month', year: 2026, first: 1, last: 1 });
    expect(periodOf('2026-04', '2026-06')).toMatchObject({ kind: 'quarter', first: 3, last: 5 });
    expect(periodOf('2026-01', '2026-12')).toMatchObject({ kind: 'year', first: 0, last: 11 });
    expect(periodOf(undefined, undefined, new Date('2027-05-03'))).toMatchObject({
      kind: 'year',
      from: '2027-01',
      to: '2027-12',
    });
  });

  it('refuses ranges that overlap others in part, span two years, or miss an end, naming what is allowed', () => {
    for (const [from, to] of [
      ['2026-01', '2026-02'],
      ['2026-02', '2026-04'],
      ['2026-01', '2026-06'],
      ['2025-12', '2026-02'],
      ['2025-01', '2026-12'],
      ['2026-01', undefined],
      [undefined, '2026-01'],
    ]) {
      expect(() => periodOf(from, to)).toThrow(/calendar month .* quarter .* or year/);
    }
  });
});

describe('counter changes', () => {
  it('adds and removes tallies per month and governorate, and drops what cancels out', () => {
    const t = (date: string, governorate: string, counters: string[]) => ({ date, governorate, counters });
    const changes = counterChanges(
      [t('2026-03-14', 'IQ-BG', ['births.female'])],
      [t('2026-03-01', 'IQ-BG', ['births.male'])],
    );
    expect(Object.fromEntries(changes)).toEqual({ '2026-03|IQ-BG': { 'births.female': 1, 'births.male': -1 } });
    const none = counterChanges([t('2026-03-14', 'IQ-BG', ['marriages'])], [t('2026-03-20', 'IQ-BG', ['marriages'])]);
    expect(none.size).toBe(0);
  });

  it('months between two months, both included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('facts before a correction', () => {
  it('inverts fieldChanges', () => {
    const before = {
      dateOfDeath: '2026-01-01',
      causeOfDeath: { icd10: 'I21.9' },
      placeOfDeath: { governorate: 'IQ-BG' },
    };
    const after = {
      dateOfDeath: '2026-01-02',
      causeOfDeath: { icd10: 'J18.9', text: 'Pneumonia' },
      placeOfDeath: { governorate: 'IQ-BG' },
      mannerOfDeath: 'disease',
    };
    expect(factsBefore(after, fieldChanges(before, after))).toEqual(before);
  });
});
