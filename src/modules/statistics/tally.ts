import type { Tally } from '../records/tally';

/** What one record adds to the counter documents: one to each counter, in the month and governorate of its tally. */
export interface Counted extends Omit<Tally, 'category'> {
  counters: readonly string[];
}

/** The counter document of a month and governorate. */
export const cellId = (month: string, governorate: string) => `${month}|${governorate}`;

/**
 * The changes to counter documents of adding and removing tallies: one `$inc` per document,
 * with the changes that cancel out left away (a correction of a record's name changes no count).
 */
export function counterChanges(
  add: readonly Counted[],
  remove: readonly Counted[],
): Map<string, Record<string, number>> {
  const changes = new Map<string, Record<string, number>>();
  const apply = (t: Counted, by: number) => {
    const id = cellId(t.date.slice(0, 7), t.governorate);
    const inc = changes.get(id) ?? {};
    for (const counter of t.counters) inc[counter] = (inc[counter] ?? 0) + by;
    changes.set(id, inc);
  };
  add.forEach((t) => apply(t, 1));
  remove.forEach((t) => apply(t, -1));
  for (const [id, inc] of changes) {
    for (const [k, v] of Object.entries(inc)) if (v === 0) delete inc[k];
    if (Object.keys(inc).length === 0) changes.delete(id);
  }
  return changes;
}
