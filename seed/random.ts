import { createHash } from 'node:crypto';

/** A small deterministic PRNG (mulberry32) seeded from a string: the same seed, the same people. */
export function seededRandom(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('seed: picking from an empty list');
      return item;
    },
    date: (fromYear: number, toYear: number) => {
      const y = min(fromYear, toYear, next);
      const m = 1 + Math.floor(next() * 12);
      const d = 1 + Math.floor(next() * 28);
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    },
  };
}

function min(from: number, to: number, next: () => number): number {
  return from + Math.floor(next() * (to - from + 1));
}
