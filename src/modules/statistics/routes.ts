import { routesOf } from '../../http/route';
import type { VitalTable } from '../records/tally';
import { errorResponses } from '../common/responses';
import { isBreakdown } from './breakdowns';
import { periodOf } from './periods';
import { vitalQuery, vitalView } from './schemas';
import type { VitalCountStore } from './store';
import { vitalStatistics } from './tables';

/** What these routes use. */
type RouteDeps = { vitalCounts: VitalCountStore };
const defineRoute = routesOf<RouteDeps>();

const WHAT: Record<VitalTable['shape'], string> = {
  count: '',
  'by-sex': ' by sex',
  'by-cause': ' by ICD-10 chapter',
  'by-timeliness': '',
  'by-sex-and-mother-age': ' (births by sex of the child and age of the mother)',
  'by-attendant': ' (births by attendant at birth)',
  'by-age-and-sex': ' (deaths by sex and age)',
};

const listed = (parts: readonly string[]) =>
  parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

/**
 * What the tables count, in words: `births by sex, deaths by ICD-10 chapter and marriages`, then
 * the tables of registrations by timeliness, which count by the month of registration, then the
 * breakdowns of the tables by more of their records' characteristics.
 */
const described = (tables: readonly VitalTable[]) => {
  const byTimeliness = tables.filter((t) => t.shape === 'by-timeliness').map((t) => t.name);
  const breakdowns = tables.filter(isBreakdown).map((t) => `${t.name}${WHAT[t.shape]}`);
  const occurred = listed(
    tables.filter((t) => t.shape !== 'by-timeliness' && !isBreakdown(t)).map((t) => `${t.name}${WHAT[t.shape]}`),
  );
  const withTimeliness =
    byTimeliness.length === 0
      ? occurred
      : `${occurred}, and registrations by timeliness (on time, late, delayed; by month of registration) in ${listed(byTimeliness)}`;
  return breakdowns.length === 0 ? withTimeliness : `${withTimeliness}; and the breakdowns ${listed(breakdowns)}`;
};

/** The vital statistics of the tables given, in their order (the kinds supply them). */
export function statisticsRoutes(tables: readonly VitalTable[]) {
  // A table's name is its field in each row, beside the row's governorate or month.
  const names = tables.map((t) => t.name);
  if (new Set([...names, 'governorate', 'month']).size !== names.length + 2)
    throw new Error(`vital statistics tables need names of their own, not ${names.join(', ')}`);
  return [
    defineRoute({
      method: 'get',
      path: '/v1/statistics/vital',
      operationId: 'getVitalStatistics',
      permission: 'statistics.read',
      tag: 'Statistics',
      summary: `Registered ${described(tables)} of a calendar month, quarter or year, by governorate or month; counts under 5 withheld`,
      query: vitalQuery,
      rateLimit: (c) => c.RATE_LIMIT_PUBLIC_PER_MINUTE,
      responses: {
        200: { description: 'The counts of the period asked', schema: vitalView(tables) },
        ...errorResponses(400, 429),
      },
      async handle({ query }, { deps }) {
        const body = await vitalStatistics(deps.vitalCounts, tables, periodOf(query.from, query.to), query.by);
        return { status: 200, body, headers: { 'Cache-Control': 'public, max-age=60' } };
      },
    }),
  ];
}
