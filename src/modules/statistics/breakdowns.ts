import { must } from '../../lib/must';
import { ATTENDANTS } from '../common/schemas';
import type { BreakdownShape, MainTable, VitalTable } from '../records/tally';
import { DEATH_AGE_GROUPS, deathAgeGroup, MOTHER_AGE_GROUPS, motherAgeGroup } from './ages';
import type { CommonNodes } from './linked';
import { Dimension, type LinkedTable } from './suppression';

/**
 * How each shape of breakdown (records/tally.ts) is counted and published. A breakdown counts the
 * records of its main table by more of their characteristics; what a record does not state it
 * counts as `unknown` / `notStated`, never leaving it out: that leaf has no counter of its own, it
 * is what the main table counts there beyond the stated leaves beside it (so a record registered
 * before the characteristic was kept counts as not stated, without a rebuild, and the breakdown's
 * totals are the main table's by construction). Its common nodes are the cells it shares with the
 * main table (linked.ts protects them with it).
 */
interface BreakdownShapeOf {
  categories: Dimension;
  /** The counter of a leaf category; none for a leaf of the rest (under a common node). */
  leaf(name: string, category: number): string | undefined;
  /** The counters one record adds one to, from its category (none: not stated). */
  counters(name: string, category: string | undefined): string[];
  /** The nodes that are cells of the main table too, on a main table of that shape. */
  common(main: MainTable['shape'], mainRoot: number): CommonNodes;
  present(t: LinkedTable, time: number, place: number): unknown;
}

const SEXES = ['female', 'male'] as const;

/** The sex and age of a category `female/27` (`female/`: the age not known); anything else is a bug of the kind. */
function sexAndAge(name: string, category: string): { sex: (typeof SEXES)[number]; age: number | undefined } {
  const [sex, age, ...rest] = category.split('/');
  const years = age === '' ? undefined : Number(age);
  const known = SEXES.find((s) => s === sex);
  if (!known || rest.length > 0 || (years !== undefined && !(Number.isInteger(years) && years >= 0)))
    throw new Error(`internal error: ${name} tallied with ${category}, not sex/age`);
  return { sex: known, age: years };
}

const M = MOTHER_AGE_GROUPS.length;
const D = DEATH_AGE_GROUPS.length;
/** A breakdown sharing only its total with its main table. */
const rootOnly = (root: number) => (_main: MainTable['shape'], mainRoot: number) => new Map([[root, mainRoot]]);

export const BREAKDOWNS: Record<BreakdownShape, BreakdownShapeOf> = {
  // Female ages 0..M-1 under 2M, male ages M..2M-1 under 2M+1, the root 2M+2; `unknown` is the rest of each sex.
  'by-sex-and-mother-age': {
    categories: new Dimension([
      ...MOTHER_AGE_GROUPS.map(() => 2 * M),
      ...MOTHER_AGE_GROUPS.map(() => 2 * M + 1),
      2 * M + 2,
      2 * M + 2,
      -1,
    ]),
    leaf(name, c) {
      const group = must(MOTHER_AGE_GROUPS[c % M], 'age group');
      return group === 'unknown' ? undefined : `${name}.${must(SEXES[Math.floor(c / M)], 'sex')}.${group}`;
    },
    counters(name, category) {
      if (category === undefined) return [];
      const { sex, age } = sexAndAge(name, category);
      const group = motherAgeGroup(age);
      return group === 'unknown' ? [] : [`${name}.${sex}.${group}`];
    },
    common(main) {
      if (main !== 'by-sex') throw new Error(`internal error: a breakdown by sex and age of mother of a table ${main}`);
      return new Map([
        [2 * M, 0],
        [2 * M + 1, 1],
        [2 * M + 2, 2],
      ]);
    },
    // Every age group listed, in order, as the Yearbook's table lists them; the sexes' totals are the main table's.
    present: (t, time, place) =>
      MOTHER_AGE_GROUPS.map((ageGroup, i) => ({
        ageGroup,
        female: t.published(time, place, i),
        male: t.published(time, place, M + i),
      })),
  },
  // The attendants, `notStated` (the rest), the root.
  'by-attendant': {
    categories: new Dimension([...ATTENDANTS.map(() => ATTENDANTS.length + 1), ATTENDANTS.length + 1, -1]),
    leaf: (name, c) => (c < ATTENDANTS.length ? `${name}.${must(ATTENDANTS[c], 'attendant')}` : undefined),
    counters(name, category) {
      if (category === undefined) return [];
      if (!ATTENDANTS.some((a) => a === category))
        throw new Error(`internal error: ${name} tallied with attendant ${category}`);
      return [`${name}.${category}`];
    },
    common: rootOnly(ATTENDANTS.length + 1),
    present: (t, time, place) => ({
      ...Object.fromEntries(ATTENDANTS.map((a, i) => [a, t.published(time, place, i)])),
      notStated: t.published(time, place, ATTENDANTS.length),
    }),
  },
  // Female ages 0..D-1 under 2D, male ages D..2D-1 under 2D+1, `notStated` 2D+2 (the rest), the root 2D+3.
  'by-age-and-sex': {
    categories: new Dimension([
      ...DEATH_AGE_GROUPS.map(() => 2 * D),
      ...DEATH_AGE_GROUPS.map(() => 2 * D + 1),
      2 * D + 3,
      2 * D + 3,
      2 * D + 3,
      -1,
    ]),
    leaf: (name, c) =>
      c < 2 * D
        ? `${name}.${must(SEXES[Math.floor(c / D)], 'sex')}.${must(DEATH_AGE_GROUPS[c % D], 'age group')}`
        : undefined,
    counters(name, category) {
      if (category === undefined) return [];
      const { sex, age } = sexAndAge(name, category);
      return [`${name}.${sex}.${deathAgeGroup(age)}`];
    },
    common: rootOnly(2 * D + 3),
    present: (t, time, place) => ({
      female: t.published(time, place, 2 * D),
      male: t.published(time, place, 2 * D + 1),
      notStated: t.published(time, place, 2 * D + 2),
      byAge: DEATH_AGE_GROUPS.map((ageGroup, i) => ({
        ageGroup,
        female: t.published(time, place, i),
        male: t.published(time, place, D + i),
      })),
    }),
  },
};

/** Whether a shape is a breakdown's. */
export const isBreakdownShape = (shape: VitalTable['shape']): shape is BreakdownShape => shape in BREAKDOWNS;

/** Whether a table is a breakdown of another. */
export const isBreakdown = (t: VitalTable): t is Extract<VitalTable, { of: string }> => isBreakdownShape(t.shape);
