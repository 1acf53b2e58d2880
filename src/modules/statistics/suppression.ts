/**
 * Small-cell suppression for published counts. A count from 1 to 4 could point at a family, so
 * it is withheld (primary suppression); and where a published sum would give a withheld cell
 * back by subtraction, the smallest other count of that sum is withheld too (secondary).
 */
export const SUPPRESS_BELOW = 5;

export interface Cell {
  value: number;
  hidden: boolean;
}

/** A set of cells whose sum is published as `total`. */
export interface SumGroup {
  members: Cell[];
  total: Cell;
}

export const cell = (value: number): Cell => ({ value, hidden: value > 0 && value < SUPPRESS_BELOW });

/** Withholds further cells until no published sum reveals a withheld one. */
export function protectSums(groups: readonly SumGroup[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const { members, total } of groups) {
      if (total.hidden || members.filter((c) => c.hidden).length !== 1) continue;
      const next = members.filter((c) => !c.hidden && c.value > 0).sort((a, b) => a.value - b.value)[0];
      if (next) {
        next.hidden = true;
        changed = true;
      }
    }
  }
}

/** A cell as published: its count, or null when withheld. */
export const published = (c: Cell): number | null => (c.hidden ? null : c.value);
