/**
 * A breakdown of a main table: births by sex and age of the mother, or by attendant, of births by
 * sex; deaths by sex and age of deaths by ICD-10 chapter. The two count the same records in the
 * same months and governorates, so they share cells (the total, and births by sex, are cells of
 * both): suppressed each on its own, one could publish a cell the other withholds, and the
 * difference would give the other's small cells back. So the two are protected as one table of
 * the records' joint categories (sex x age of mother x attendant), of which each publishes margins:
 *
 * - every cube of the main table is carried into the breakdown: its move of one record between
 *   the main table's categories is the move of a record of some breakdown category (a leaf under
 *   the common node above it), so the breakdown withholds the corners that move makes there;
 * - the breakdown's own cubes never change a common cell (their category pattern pairs categories
 *   under the same common node), so the main table, and any other breakdown of it, sees nothing move.
 *
 * Each withheld cell of either is then a corner of one move of the joint counts that changes no
 * published cell of either table, nor of another breakdown of the same main table (each moves
 * only its own categories, routed through one category of the others): the same protection as
 * within one table (suppression.ts), across the linked tables. The common cells end up withheld
 * in both or in neither, which `suppressBreakdown` checks.
 */
import { must } from '../../lib/must';
import type { LinkedTable, Pattern } from './suppression';

/** The breakdown's nodes that are cells of the main table too: breakdown node -> main node. */
export type CommonNodes = ReadonlyMap<number, number>;

/** The cheapest route of a main cube's category move into the breakdown, and its corners. */
function carried(
  table: LinkedTable,
  main: LinkedTable,
  common: CommonNodes,
  [pa, pb, pc]: readonly [Pattern, Pattern, Pattern],
) {
  const [A, B, C] = table.dims;
  const mainCategories = main.dims[2];
  const toBreakdown = new Map([...common].map(([node, of]) => [of, node]));
  const moved = new Map(pc.map((x) => [x.node, x.sign]));
  if (![...common.values()].some((of) => moved.has(of))) return undefined;
  // Each main leaf the cube moves goes to a leaf under the nearest common node above it; the
  // leaves under one common node go to one leaf, so that what cancels in the main table cancels here.
  const groups = new Map<number, number>();
  const leaves = new Set(mainCategories.leaves);
  for (const { node, sign } of pc) {
    if (!leaves.has(node)) continue;
    const anchor = must(
      mainCategories
        .upOf(node)
        .map((n) => toBreakdown.get(n))
        .find((n) => n !== undefined),
      'a common node above every main category (the root at least)',
    );
    groups.set(anchor, (groups.get(anchor) ?? 0) + sign);
  }
  const moves = [...groups]
    .filter(([, sign]) => sign !== 0)
    .map(([anchor, sign]) => ({ sign, leaves: C.underOf(anchor) }));
  const [ta, tb] = [
    Int32Array.from(pa.flatMap((x) => [x.node * B.size * C.size, x.sign])),
    Int32Array.from(pb.flatMap((x) => [x.node * C.size, x.sign])),
  ];
  // The main cube's move must stay non-negative in the breakdown in a direction it allows itself.
  const mainAt = (p: Pattern, stride: number) => Int32Array.from(p.flatMap((x) => [x.node * stride, x.sign]));
  const open = main.directions(
    mainAt(pa, main.dims[1].size * mainCategories.size),
    mainAt(pb, mainCategories.size),
    mainAt(pc, 1),
  );
  let best: Int32Array | undefined;
  let bestCost = Infinity;
  const choose = (i: number, chosen: readonly number[]) => {
    const move = moves[i];
    if (move) {
      for (const leaf of move.leaves) choose(i + 1, [...chosen, leaf]);
      return;
    }
    const d = new Map<number, number>();
    for (const [j, leaf] of chosen.entries())
      for (const n of C.upOf(leaf)) d.set(n, (d.get(n) ?? 0) + must(moves[j], 'move').sign);
    const tc = Int32Array.from([...d].filter(([, s]) => s !== 0).flatMap(([n, s]) => [n, s]));
    const cost = table.cost(ta, tb, tc, bestCost, open);
    if (cost < bestCost) [best, bestCost] = [tc, cost];
  };
  if (A.size !== main.dims[0].size || B.size !== main.dims[1].size)
    throw new Error('internal error: a breakdown has the time and place of its main table');
  choose(0, []);
  return { ta, tb, tc: must(best, 'a route of a main cube into its breakdown') };
}

/**
 * Suppresses a breakdown of a suppressed main table: the main table's cubes carried over, then
 * the breakdown's own small cells, by cubes that leave the common cells as they are.
 */
export function suppressBreakdown(table: LinkedTable, main: LinkedTable, common: CommonNodes): LinkedTable {
  const [A, B] = table.dims;
  for (const [node, of] of common)
    for (let a = 0; a < A.size; a++)
      for (let b = 0; b < B.size; b++)
        if (table.value(a, b, node) !== main.value(a, b, of))
          throw new Error(`internal error: a breakdown's common cell ${a}/${b}/${node} differs from its main table's`);
  for (const cube of main.cubes) {
    const route = carried(table, main, common, cube);
    if (route) table.withhold(route.ta, route.tb, route.tc);
  }
  table.suppress(new Set(common.keys()));
  for (const [node, of] of common)
    for (let a = 0; a < A.size; a++)
      for (let b = 0; b < B.size; b++)
        if ((table.published(a, b, node) === null) !== (main.published(a, b, of) === null))
          throw new Error(`internal error: a common cell ${a}/${b}/${node} is withheld in one table only`);
  return table;
}
