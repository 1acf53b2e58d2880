import { must } from '../../lib/must';
import type { MainTable, VitalTable } from '../records/tally';
import { BREAKDOWNS, isBreakdownShape } from './breakdowns';
import { chapterOf, ICD10_CHAPTERS } from './icd10';
import { Dimension, type LinkedTable } from './suppression';

/**
 * How each shape of table (records/tally.ts) is counted and published: its categories under
 * their total (the third dimension of its suppressed table), the counter of each leaf category
 * in the counter documents, the counters a tally adds one to, and its counts as published.
 * The counter paths are the ones stored since the first registration, so that no counter
 * document changes meaning.
 */
interface Shape {
  categories: Dimension;
  /** The counter (a dotted path in a counter document) of a leaf category, by its node. */
  leaf(name: string, category: number): string;
  /** The counters one record adds one to, from its tally's category. */
  counters(name: string, category: string | undefined): string[];
  /** The table's counts at a node of time and place, as published (null where withheld). */
  present(t: LinkedTable, time: number, place: number): unknown;
}

const SEXES = ['female', 'male'] as const;
/** The counter of each timeliness (records/rules.ts TIMELINESS), in camelCase like the answer's fields. */
const TIMELINESS_COUNTERS = { 'on-time': 'onTime', late: 'late', delayed: 'delayed' } as const;
const TIMELINESS_LEAVES = Object.values(TIMELINESS_COUNTERS);
const TITLES = ICD10_CHAPTERS.map((c) => `${c.title} (${c.from}-${c.to})`);

export const SHAPES: Record<MainTable['shape'], Shape> = {
  count: {
    categories: new Dimension([-1]),
    leaf: (name) => name,
    counters: (name) => [name],
    present: (t, time, place) => t.published(time, place, 0),
  },
  'by-sex': {
    categories: new Dimension([2, 2, -1]),
    leaf: (name, c) => `${name}.${must(SEXES[c], 'sex')}`,
    counters(name, sex) {
      // The kinds' schemas allow these two only: anything else is a bug, and counting it would hide it.
      if (!SEXES.some((s) => s === sex)) throw new Error(`internal error: ${name} by sex tallied with sex ${sex}`);
      return [`${name}.${sex}`];
    },
    present: (t, time, place) => ({
      female: t.published(time, place, 0),
      male: t.published(time, place, 1),
      total: t.published(time, place, 2),
    }),
  },
  'by-timeliness': {
    categories: new Dimension([3, 3, 3, -1]),
    leaf: (name, c) => `${name}.${must(TIMELINESS_LEAVES[c], 'timeliness')}`,
    counters(name, timeliness) {
      const counter = TIMELINESS_COUNTERS[timeliness as keyof typeof TIMELINESS_COUNTERS] as string | undefined;
      if (!counter) throw new Error(`internal error: ${name} tallied with timeliness ${timeliness}`);
      return [`${name}.${counter}`];
    },
    present: (t, time, place) => ({
      onTime: t.published(time, place, 0),
      late: t.published(time, place, 1),
      delayed: t.published(time, place, 2),
      total: t.published(time, place, 3),
    }),
  },
  'by-cause': {
    categories: new Dimension([...ICD10_CHAPTERS.map(() => ICD10_CHAPTERS.length), -1]),
    leaf: (name, c) => `${name}.byChapter.${must(ICD10_CHAPTERS[c], 'ICD-10 chapter').chapter}`,
    // The category is the ICD-10 code of the cause; a code in no chapter counts in the total counter only.
    counters(name, code) {
      const chapter = code === undefined ? undefined : chapterOf(code);
      return [`${name}.total`, ...(chapter ? [`${name}.byChapter.${chapter}`] : [])];
    },
    // Every chapter listed, withheld ones as null; the total is the sum of the chapters (see tables.ts).
    present: (t, time, place) => ({
      total: t.published(time, place, ICD10_CHAPTERS.length),
      byCause: ICD10_CHAPTERS.map((c, i) => ({
        icd10Chapter: c.chapter,
        title: TITLES[i],
        count: t.published(time, place, i),
      })),
    }),
  },
};

/** The counters a record adds one to in a table or a breakdown (breakdowns.ts). */
export function countersOf(table: { name: string; shape: VitalTable['shape'] }, category: string | undefined) {
  const { name, shape } = table;
  return isBreakdownShape(shape) ? BREAKDOWNS[shape].counters(name, category) : SHAPES[shape].counters(name, category);
}
