import { badRequest } from '../../http/problem';

/**
 * The periods statistics are published for: a calendar month, quarter or year. Two of them are
 * nested or apart, never overlapping in part, and none spans two years, so that every answer is a
 * part of its year's one table, suppressed once (see suppression.ts): a free range (January to
 * February minus January) would give a withheld month back.
 */
export interface Period {
  kind: 'month' | 'quarter' | 'year';
  year: number;
  /** First and last month, YYYY-MM. */
  from: string;
  to: string;
  /** The months of the year it covers, 0 to 11. */
  first: number;
  last: number;
}

const ALLOWED =
  'Statistics are published for a calendar month (from=2026-02&to=2026-02), quarter (from=2026-04&to=2026-06) or year (from=2026-01&to=2026-12) only';

const month = (year: number, m: number) => `${String(year).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;

/** The period of `from` and `to` (YYYY-MM), both or neither (this calendar year); anything else is a 400 naming what is allowed. */
export function periodOf(from: string | undefined, to: string | undefined, today = new Date()): Period {
  if (from === undefined && to === undefined) {
    const year = today.getUTCFullYear();
    return { kind: 'year', year, from: month(year, 0), to: month(year, 11), first: 0, last: 11 };
  }
  if (from === undefined || to === undefined)
    throw badRequest(`${ALLOWED}: give both from and to`, [
      { path: from === undefined ? 'query.from' : 'query.to', message: 'required with the other' },
    ]);
  const year = Number(from.slice(0, 4));
  const [first, last] = [Number(from.slice(5, 7)) - 1, Number(to.slice(5, 7)) - 1];
  const kind =
    to.slice(0, 4) !== from.slice(0, 4)
      ? undefined
      : first === last
        ? 'month'
        : first % 3 === 0 && last === first + 2
          ? 'quarter'
          : first === 0 && last === 11
            ? 'year'
            : undefined;
  if (!kind)
    throw badRequest(`${ALLOWED}: ${from} to ${to} is none of them`, [
      { path: 'query.from', message: 'must start a month, quarter or year that to ends' },
    ]);
  return { kind, year, from, to, first, last };
}
