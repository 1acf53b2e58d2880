/**
 * The value of a lookup whose absence would be a bug (an index computed in range, a key put there
 * just before), or a clear error naming what was missing instead of a later "cannot read
 * properties of undefined". Where absence is a normal case, use `?.`/`??` instead.
 */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal error: no ${what}`);
  return value;
}

/** A list that must hold at least one item (a list the registry builds), as the tuple zod's enum takes. */
export function nonEmpty<T>(list: readonly T[], what: string): readonly [T, ...T[]] {
  const [first, ...rest] = list;
  return [must(first, what), ...rest];
}
