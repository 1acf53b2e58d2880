/**
 * Small-cell suppression for published counts, consistent across every answer of a year.
 *
 * A count from 1 to 4 could point at a family, so it is withheld (primary suppression). Withholding
 * it alone protects nothing: whoever can add and subtract published counts (a quarter minus two of
 * its months, a national total minus seventeen governorates, deaths minus the other chapters) gets
 * it back. So the counts of a year are one linked table of three dimensions, each a hierarchy
 * (time: months, quarters, the year; place: governorates, the country; category: sexes or ICD-10
 * chapters under their total), every node combination a published cell, and the withheld cells are
 * chosen for the whole table at once, whatever an answer shows of it (secondary suppression by the
 * hypercube method, as in tau-argus's GHMITER):
 *
 * for each primary cell not yet withheld, choose one leaf pattern per dimension (the cell's own
 * leaf, or a leaf under it, +1, and optionally a leaf elsewhere, -1) and withhold every cell whose
 * sum of the product pattern d is not zero: the corners of a (hyper)cube. Every other published
 * cell then has a d-sum of zero, so the counts x and x + d agree on everything published and differ
 * on each corner: no linear combination of published counts, over nested periods, places or
 * categories, gives a corner back. Each withheld cell is a corner of the cube that withheld it,
 * so one pass protects them all, and withholding more never undoes a cube.
 *
 * Among the cubes the cheapest is taken (the sum of count + 1 of the cells newly withheld, so small
 * cells go before totals), preferring one where x + d or x - d stays non-negative, so that knowing
 * counts are not negative does not pin a corner either (sparse tables may leave no such cube).
 */
export const SUPPRESS_BELOW = 5;

export const isSmall = (value: number) => value > 0 && value < SUPPRESS_BELOW;

/** A hierarchy: the parent of each node, -1 at the root. A node no other names as parent is a leaf. */
export class Dimension {
  readonly leaves: number[];
  /** The leaves under each node (a leaf: itself). */
  readonly under: number[][];
  /** Each node and its ancestors, up to the root. */
  readonly up: number[][];

  constructor(readonly parent: readonly number[]) {
    const isParent = new Set(parent);
    this.leaves = parent.map((_, i) => i).filter((i) => !isParent.has(i));
    this.up = parent.map((_, i) => {
      const path = [i];
      while (parent[path[path.length - 1]] >= 0) path.push(parent[path[path.length - 1]]);
      return path;
    });
    this.under = parent.map((_, i) => this.leaves.filter((leaf) => this.up[leaf].includes(i)));
  }

  get size() {
    return this.parent.length;
  }

  /**
   * The nodes whose pattern sum is not zero, with its sign, for each leaf pattern that makes `node`
   * one of them: a leaf under it (+1), and a leaf under one of its siblings (-1) or none (then
   * every ancestor is a corner too). Partners further away would only make more corners.
   */
  patterns(node: number): { node: number; sign: number }[][] {
    const parent = this.parent[node];
    const partners = parent < 0 ? [] : this.under[parent].filter((l) => !this.under[node].includes(l));
    const out: { node: number; sign: number }[][] = [];
    for (const leaf of this.under[node]) {
      out.push(this.up[leaf].map((n) => ({ node: n, sign: 1 })));
      for (const other of partners) {
        const mine = this.up[leaf].filter((n) => !this.up[other].includes(n));
        const theirs = this.up[other].filter((n) => !this.up[leaf].includes(n));
        out.push([...mine.map((n) => ({ node: n, sign: 1 })), ...theirs.map((n) => ({ node: n, sign: -1 }))]);
      }
    }
    return out;
  }
}

const UNMOVABLE = 1e12;

/** The counts of every node combination of three dimensions, and which of them are withheld. */
export class LinkedTable {
  readonly values: Float64Array;
  readonly hidden: Uint8Array;

  constructor(
    readonly dims: readonly [Dimension, Dimension, Dimension],
    leafValue: (a: number, b: number, c: number) => number,
  ) {
    const [A, B, C] = dims;
    this.values = new Float64Array(A.size * B.size * C.size);
    this.hidden = new Uint8Array(this.values.length);
    for (const a of A.leaves)
      for (const b of B.leaves)
        for (const c of C.leaves) {
          const v = leafValue(a, b, c);
          if (v !== 0) for (const x of A.up[a]) for (const y of B.up[b]) for (const z of C.up[c]) this.values[this.index(x, y, z)] += v;
        }
  }

  index(a: number, b: number, c: number) {
    return (a * this.dims[1].size + b) * this.dims[2].size + c;
  }

  /** A cell as published: its count, or null when withheld. */
  published(a: number, b: number, c: number): number | null {
    const i = this.index(a, b, c);
    return this.hidden[i] ? null : this.values[i];
  }

  /** Withholds the small cells and, for each, the other corners of its cheapest cube. */
  suppress(): this {
    const [A, B, C] = this.dims;
    // Each dimension's patterns as offsets into the cells (stride folded in) and signs, for a tight loop.
    const strides = [B.size * C.size, C.size, 1];
    const patterns = this.dims.map((d, k) =>
      Array.from({ length: d.size }, (_, n) =>
        d.patterns(n).map((p) => ({ at: Int32Array.from(p, (x) => x.node * strides[k]), sign: Int8Array.from(p, (x) => x.sign) })),
      ),
    );
    const { values, hidden } = this;
    for (let a = 0; a < A.size; a++)
      for (let b = 0; b < B.size; b++)
        for (let c = 0; c < C.size; c++) {
          const target = this.index(a, b, c);
          if (!isSmall(values[target]) || hidden[target]) continue;
          let best: Int32Array[] = [];
          let bestCost = Infinity;
          for (const pa of patterns[0][a])
            for (const pb of patterns[1][b])
              for (const pc of patterns[2][c]) {
                let cost = 0;
                let up = true; // x + d lowers the corners of sign -1
                let down = true; // x - d lowers those of sign +1
                for (let i = 0; i < pa.at.length && cost < bestCost; i++)
                  for (let j = 0; j < pb.at.length && cost < bestCost; j++)
                    for (let k = 0; k < pc.at.length; k++) {
                      const at = pa.at[i] + pb.at[j] + pc.at[k];
                      if (!hidden[at]) cost += values[at] + 1;
                      if (values[at] < 1) {
                        if (pa.sign[i] * pb.sign[j] * pc.sign[k] < 0) up = false;
                        else down = false;
                      }
                    }
                if (!up && !down) cost += UNMOVABLE;
                if (cost < bestCost) [best, bestCost] = [[pa.at, pb.at, pc.at], cost];
              }
          for (const x of best[0]) for (const y of best[1]) for (const z of best[2]) hidden[x + y + z] = 1;
        }
    return this;
  }
}
