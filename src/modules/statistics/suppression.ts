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
import { must } from '../../lib/must';

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
    this.up = parent.map((_, i) => {
      const path = [i];
      for (let p = parent[i] ?? -1; p >= 0; p = parent[p] ?? -1) path.push(p);
      return path;
    });
    const leaves = this.up.flatMap((path, i) => (isParent.has(i) ? [] : [{ leaf: i, path }]));
    this.leaves = leaves.map(({ leaf }) => leaf);
    this.under = parent.map((_, i) => leaves.filter(({ path }) => path.includes(i)).map(({ leaf }) => leaf));
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
    const under = this.underOf(node);
    const parent = this.parent[node] ?? -1; // node is in range: underOf checked it
    const partners = parent < 0 ? [] : this.underOf(parent).filter((l) => !under.includes(l));
    const out: { node: number; sign: number }[][] = [];
    for (const leaf of under) {
      const path = this.upOf(leaf);
      out.push(path.map((n) => ({ node: n, sign: 1 })));
      for (const other of partners) {
        const theirPath = this.upOf(other);
        const mine = path.filter((n) => !theirPath.includes(n));
        const theirs = theirPath.filter((n) => !path.includes(n));
        out.push([...mine.map((n) => ({ node: n, sign: 1 })), ...theirs.map((n) => ({ node: n, sign: -1 }))]);
      }
    }
    return out;
  }

  /** The leaves under a node; a node outside the dimension is a bug of the caller. */
  underOf(node: number): readonly number[] {
    return must(this.under[node], `node ${node} in a dimension of ${this.size}`);
  }

  /** A node and its ancestors; a node outside the dimension is a bug of the caller. */
  upOf(node: number): readonly number[] {
    return must(this.up[node], `node ${node} in a dimension of ${this.size}`);
  }
}

const UNMOVABLE = 1e12;

/** One dimension's part of a cube: the nodes whose pattern sum is not zero, with its sign. */
export type Pattern = readonly { node: number; sign: number }[];

/** A cube a suppression chose: its pattern in each dimension; its corners are their product. */
export type Cube = readonly [Pattern, Pattern, Pattern];

/** A pattern with its corners' offsets into the cells (stride folded in), each followed by the corner's sign, for a tight loop. */
interface Compiled {
  pattern: Pattern;
  at: Int32Array;
}

/** The counts of every node combination of three dimensions, and which of them are withheld. */
export class LinkedTable {
  readonly values: Float64Array;
  readonly hidden: Uint8Array;
  /** The cubes `suppress` withheld, in the order it chose them (a breakdown of the table extends them: linked.ts). */
  readonly cubes: Cube[] = [];

  constructor(
    readonly dims: readonly [Dimension, Dimension, Dimension],
    leafValue: (a: number, b: number, c: number) => number,
  ) {
    const [A, B, C] = dims;
    this.values = new Float64Array(A.size * B.size * C.size);
    this.hidden = new Uint8Array(this.values.length);
    const { values } = this;
    for (const a of A.leaves)
      for (const b of B.leaves)
        for (const c of C.leaves) {
          const v = leafValue(a, b, c);
          if (v === 0) continue;
          for (const x of A.upOf(a))
            for (const y of B.upOf(b))
              for (const z of C.upOf(c)) {
                const i = this.index(x, y, z);
                values[i] = must(values[i], 'cell of the table') + v;
              }
        }
  }

  index(a: number, b: number, c: number) {
    return (a * this.dims[1].size + b) * this.dims[2].size + c;
  }

  /** A cell as published: its count, or null when withheld. */
  published(a: number, b: number, c: number): number | null {
    const i = this.index(a, b, c);
    return this.hidden[i] ? null : must(this.values[i], 'cell of the table');
  }

  /** The count of a cell, withheld or not. */
  value(a: number, b: number, c: number): number {
    return must(this.values[this.index(a, b, c)], 'cell of the table');
  }

  /** The patterns of a dimension's nodes, compiled for a stride. */
  static compiled(d: Dimension, stride: number, allowed: (p: Pattern) => boolean = () => true): Compiled[][] {
    return Array.from({ length: d.size }, (_, n) =>
      d
        .patterns(n)
        .filter(allowed)
        .map((pattern) => ({ pattern, at: Int32Array.from(pattern.flatMap((x) => [x.node * stride, x.sign])) })),
    );
  }

  /**
   * Withholds the small cells and, for each, the other corners of its cheapest cube.
   *
   * `keep`: category nodes whose cells no cube may change, the cells this table shares with the
   * main table it breaks down (linked.ts): they are the main table's to protect, so they are no
   * target here, and a cube whose category pattern has one of them for a corner is not tried.
   */
  suppress(keep: ReadonlySet<number> = new Set()): this {
    const [A, B, C] = this.dims;
    const [cubesA, cubesB] = [LinkedTable.compiled(A, B.size * C.size), LinkedTable.compiled(B, C.size)];
    const cubesC = LinkedTable.compiled(C, 1, (p) => !p.some((x) => keep.has(x.node)));
    const { values, hidden } = this;
    for (const [a, ofA] of cubesA.entries())
      for (const [b, ofB] of cubesB.entries())
        for (const [c, ofC] of cubesC.entries()) {
          if (keep.has(c)) continue;
          const target = this.index(a, b, c);
          if (!isSmall(must(values[target], 'small cell')) || hidden[target]) continue;
          let best: readonly [Compiled, Compiled, Compiled] | undefined;
          let bestCost = Infinity;
          for (const pa of ofA)
            for (const pb of ofB)
              for (const pc of ofC) {
                const cost = this.cost(pa.at, pb.at, pc.at, bestCost);
                if (cost < bestCost) [best, bestCost] = [[pa, pb, pc], cost];
              }
          // Every node has a leaf under it, so every cell has at least one cube; a node kept
          // unchanged aside, every other has a partner under its parent (linked.ts checks the shapes).
          const [ba, bb, bc] = must(best, `cube for a small cell of category ${c}`);
          this.withhold(ba.at, bb.at, bc.at);
          this.cubes.push([ba.pattern, bb.pattern, bc.pattern]);
        }
    return this;
  }

  /**
   * What a cube costs: the count + 1 of each corner not yet withheld, and UNMOVABLE more when
   * neither x + d nor x - d stays non-negative on its corners (`also`: what else the move must
   * keep non-negative, given as the directions left open). Stops counting at `bound`.
   */
  cost(pa: Int32Array, pb: Int32Array, pc: Int32Array, bound: number, also = { up: true, down: true }): number {
    const { values, hidden } = this;
    let cost = 0;
    let up = also.up; // x + d lowers the corners of sign -1
    let down = also.down; // x - d lowers those of sign +1
    for (let i = 0; i + 1 < pa.length && cost < bound; i += 2) {
      const atA = pa[i]!;
      const signA = pa[i + 1]!;
      for (let j = 0; j + 1 < pb.length && cost < bound; j += 2) {
        const atAB = atA + pb[j]!;
        const signAB = signA * pb[j + 1]!;
        for (let k = 0; k + 1 < pc.length; k += 2) {
          const at = atAB + pc[k]!;
          const value = values[at];
          if (value === undefined) throw new Error(`internal error: corner ${at} outside the table`);
          if (!hidden[at]) cost += value + 1;
          if (value < 1) {
            if (signAB * pc[k + 1]! < 0) up = false;
            else down = false;
          }
        }
      }
    }
    return !up && !down ? cost + UNMOVABLE : cost;
  }

  /** The directions in which a cube's move keeps its corners non-negative. */
  directions(pa: Int32Array, pb: Int32Array, pc: Int32Array): { up: boolean; down: boolean } {
    let [up, down] = [true, true];
    for (let i = 0; i < pa.length; i += 2)
      for (let j = 0; j < pb.length; j += 2)
        for (let k = 0; k < pc.length; k += 2)
          if (must(this.values[pa[i]! + pb[j]! + pc[k]!], 'corner') < 1) {
            if (pa[i + 1]! * pb[j + 1]! * pc[k + 1]! < 0) up = false;
            else down = false;
          }
    return { up, down };
  }

  /** Withholds every corner of a cube. */
  withhold(pa: Int32Array, pb: Int32Array, pc: Int32Array): void {
    for (let i = 0; i < pa.length; i += 2)
      for (let j = 0; j < pb.length; j += 2)
        for (let k = 0; k < pc.length; k += 2) this.hidden[pa[i]! + pb[j]! + pc[k]!] = 1;
  }
}
