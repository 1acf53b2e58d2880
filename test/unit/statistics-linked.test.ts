import fc from 'fast-check';
import { suppressBreakdown, type CommonNodes } from '../../src/modules/statistics/linked';
import { Dimension, isSmall, LinkedTable } from '../../src/modules/statistics/suppression';
import { recoveredCells, type Cell } from '../support/disclosure';
import { must } from '../support/checked';

/**
 * Births by sex (the main table) and two breakdowns of it: by sex and age of the mother, by
 * attendant. The attacker knows every published cell of the three and reasons over the records'
 * joint categories (month, governorate, sex, age of mother, attendant), the unknowns of which all
 * three tables are margins: no linear combination may give back a withheld cell of any of them.
 */
const TIME = new Dimension([3, 3, 3, -1]);
const PLACE = new Dimension([2, 2, -1]);
const SEX = new Dimension([2, 2, -1]);
/** Three ages (the last one "unknown") under each sex: female 0-2 under 6, male 3-5 under 7, the root 8. */
const SEX_AGE = new Dimension([6, 6, 6, 7, 7, 7, 8, 8, -1]);
/** Two attendants and "not stated" under the root. */
const ATTENDANT = new Dimension([3, 3, 3, -1]);
const AGE_COMMON: CommonNodes = new Map([
  [6, 0],
  [7, 1],
  [8, 2],
]);
const ATTENDANT_COMMON: CommonNodes = new Map([[3, 2]]);

const [T, P, S, G, W] = [3, 2, 2, 3, 3];
const jointIndex = (t: number, p: number, s: number, g: number, w: number) => (((t * P + p) * S + s) * G + g) * W + w;

interface Entry {
  t: number;
  p: number;
  s: number;
  g: number;
  w: number;
  n: number;
}

function joint(entries: readonly Entry[]): Float64Array {
  const x = new Float64Array(T * P * S * G * W);
  for (const e of entries) x[jointIndex(e.t, e.p, e.s, e.g, e.w)] = e.n;
  return x;
}

/** The three tables of the joint counts, each on its own leaves (as the counters hold them). */
function tables(x: Float64Array) {
  const sum = (pick: (s: number, g: number, w: number) => boolean) => (t: number, p: number) => {
    let n = 0;
    for (let s = 0; s < S; s++)
      for (let g = 0; g < G; g++)
        for (let w = 0; w < W; w++) if (pick(s, g, w)) n += must(x[jointIndex(t, p, s, g, w)], 'joint count');
    return n;
  };
  const main = new LinkedTable([TIME, PLACE, SEX], (t, p, c) => sum((s) => s === c)(t, p));
  const byAge = new LinkedTable([TIME, PLACE, SEX_AGE], (t, p, c) =>
    sum((s, g) => s === Math.floor(c / G) && g === c % G)(t, p),
  );
  const byAttendant = new LinkedTable([TIME, PLACE, ATTENDANT], (t, p, c) => sum((_s, _g, w) => w === c)(t, p));
  return { main, byAge, byAttendant };
}

/** The joint leaves under a node of each category dimension. */
const underSex = (c: number) =>
  SEX.underOf(c).flatMap((s) =>
    [...Array(G).keys()].flatMap((g) => [...Array(W).keys()].map((w) => [s, g, w] as const)),
  );
const underSexAge = (c: number) =>
  SEX_AGE.underOf(c).flatMap((leaf) => [...Array(W).keys()].map((w) => [Math.floor(leaf / G), leaf % G, w] as const));
const underAttendant = (c: number) =>
  ATTENDANT.underOf(c).flatMap((w) =>
    [...Array(S).keys()].flatMap((s) => [...Array(G).keys()].map((g) => [s, g, w] as const)),
  );

function cellsOf(name: string, t: LinkedTable, under: (c: number) => (readonly [number, number, number])[]): Cell[] {
  const [A, B, C] = t.dims;
  const cells: Cell[] = [];
  for (let a = 0; a < A.size; a++)
    for (let b = 0; b < B.size; b++)
      for (let c = 0; c < C.size; c++)
        cells.push({
          key: `${name}|${a}|${b}|${c}`,
          leaves: A.underOf(a).flatMap((m) =>
            B.underOf(b).flatMap((g) => under(c).map(([s, age, w]) => jointIndex(m, g, s, age, w))),
          ),
          value: t.published(a, b, c),
        });
  return cells;
}

const allCells = (t: ReturnType<typeof tables>) => [
  ...cellsOf('main', t.main, underSex),
  ...cellsOf('age', t.byAge, underSexAge),
  ...cellsOf('attendant', t.byAttendant, underAttendant),
];

const entry = fc.record({
  t: fc.nat({ max: T - 1 }),
  p: fc.nat({ max: P - 1 }),
  s: fc.nat({ max: S - 1 }),
  g: fc.nat({ max: G - 1 }),
  w: fc.nat({ max: W - 1 }),
  n: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 })),
});

describe('a main table and its breakdowns, suppressed as one', () => {
  it('give no withheld cell back by any combination of their published cells, over the joint categories', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), (entries) => {
        const x = joint(entries);
        const t = tables(x);
        t.main.suppress();
        suppressBreakdown(t.byAge, t.main, AGE_COMMON);
        suppressBreakdown(t.byAttendant, t.main, ATTENDANT_COMMON);
        const cells = allCells(t);
        const truth = (c: Cell) => c.leaves.reduce((n, leaf) => n + must(x[leaf], 'joint count'), 0);
        expect(cells.filter((c) => c.value !== null && (c.value !== truth(c) || isSmall(c.value)))).toEqual([]);
        expect(recoveredCells(cells).map((c) => ({ cell: c.key, truth: truth(c) }))).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  });

  it('are what the attacker breaks when each is suppressed apart: one birth is enough', () => {
    const x = joint([{ t: 0, p: 0, s: 0, g: 0, w: 0, n: 1 }]);
    const t = tables(x);
    t.main.suppress();
    t.byAge.suppress();
    t.byAttendant.suppress();
    // Each table alone gives nothing back, but a cell one withholds is published by another.
    for (const [name, table, under] of [
      ['main', t.main, underSex],
      ['age', t.byAge, underSexAge],
      ['attendant', t.byAttendant, underAttendant],
    ] as const)
      expect(recoveredCells(cellsOf(name, table, under))).toEqual([]);
    expect(recoveredCells(allCells(t)).length).toBeGreaterThan(0);
    // Linked, the same birth gives nothing back.
    const linked = tables(x);
    linked.main.suppress();
    suppressBreakdown(linked.byAge, linked.main, AGE_COMMON);
    suppressBreakdown(linked.byAttendant, linked.main, ATTENDANT_COMMON);
    expect(recoveredCells(allCells(linked))).toEqual([]);
  });

  it("refuse a breakdown whose common cells are not the main table's counts", () => {
    const t = tables(joint([{ t: 0, p: 0, s: 0, g: 0, w: 0, n: 7 }]));
    const wrong = new LinkedTable([TIME, PLACE, ATTENDANT], (m, g, c) => (m === 0 && g === 0 && c === 0 ? 6 : 0));
    t.main.suppress();
    expect(() => suppressBreakdown(wrong, t.main, ATTENDANT_COMMON)).toThrow(/common cell .* differs/);
  });
});

/**
 * Deaths by chapter (the main table) and by sex and age, whose sexes are no cells of the main
 * table: the breakdown's own cubes may move a death between sexes, never its total.
 */
describe('a breakdown that shares the total only, with categories of its own above its leaves', () => {
  const CHAPTER = new Dimension([3, 3, 3, -1]);
  /** Two ages under each sex (female 0-1 under 5, male 2-3 under 6), "sex not stated" 4, the root 7. */
  const SEX_AGE_DEATHS = new Dimension([5, 5, 6, 6, 7, 7, 7, -1]);
  const [K, L] = [3, 5];
  const at = (t: number, p: number, k: number, l: number) => ((t * P + p) * K + k) * L + l;

  it('give no withheld cell of either back, over the joint categories', () => {
    const death = fc.record({
      t: fc.nat({ max: T - 1 }),
      p: fc.nat({ max: P - 1 }),
      k: fc.nat({ max: K - 1 }),
      l: fc.constantFrom(0, 1, 2, 3, 4),
      n: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 })),
    });
    fc.assert(
      fc.property(fc.array(death, { minLength: 1, maxLength: 30 }), (entries) => {
        const x = new Float64Array(T * P * K * L);
        for (const e of entries) x[at(e.t, e.p, e.k, e.l)] = e.n;
        const sum = (t: number, p: number, pick: (k: number, l: number) => boolean) => {
          let n = 0;
          for (let k = 0; k < K; k++)
            for (let l = 0; l < L; l++) if (pick(k, l)) n += must(x[at(t, p, k, l)], 'joint count');
          return n;
        };
        const main = new LinkedTable([TIME, PLACE, CHAPTER], (t, p, c) => sum(t, p, (k) => k === c)).suppress();
        const bySexAge = new LinkedTable([TIME, PLACE, SEX_AGE_DEATHS], (t, p, c) => sum(t, p, (_k, l) => l === c));
        suppressBreakdown(bySexAge, main, new Map([[7, 3]]));
        const cells = (name: string, t: LinkedTable, under: (c: number) => (readonly [number, number])[]) =>
          [...Array(TIME.size).keys()].flatMap((a) =>
            [...Array(PLACE.size).keys()].flatMap((b) =>
              [...Array(t.dims[2].size).keys()].map((c): Cell => ({
                key: `${name}|${a}|${b}|${c}`,
                leaves: TIME.underOf(a).flatMap((m) =>
                  PLACE.underOf(b).flatMap((g) => under(c).map(([k, l]) => at(m, g, k, l))),
                ),
                value: t.published(a, b, c),
              })),
            ),
          );
        const all = [
          ...cells('chapter', main, (c) =>
            CHAPTER.underOf(c).flatMap((k) => [0, 1, 2, 3, 4].map((l) => [k, l] as const)),
          ),
          ...cells('sex-age', bySexAge, (c) =>
            SEX_AGE_DEATHS.underOf(c).flatMap((l) => [0, 1, 2].map((k) => [k, l] as const)),
          ),
        ];
        const truth = (c: Cell) => c.leaves.reduce((n, leaf) => n + must(x[leaf], 'joint count'), 0);
        expect(all.filter((c) => c.value !== null && (c.value !== truth(c) || isSmall(c.value)))).toEqual([]);
        expect(recoveredCells(all).map((c) => ({ cell: c.key, truth: truth(c) }))).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  });
});
