import { badRequest } from '../../http/problem';
import { defineRoute } from '../../http/route';
import { errorResponses } from '../common/responses';
import { vitalQuery, vitalView } from './schemas';
import { monthAt, monthIndex, vitalStatistics } from './service';

/** The widest range one answer covers, in months. */
const MAX_MONTHS = 1200;

export const statisticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/statistics/vital',
    operationId: 'getVitalStatistics',
    permission: 'statistics.read',
    tag: 'Statistics',
    summary: 'Registered births by sex, deaths by ICD-10 chapter, marriages and divorces, by governorate or month; counts under 5 withheld',
    query: vitalQuery,
    rateLimit: (c) => c.RATE_LIMIT_PUBLIC_PER_MINUTE,
    responses: { 200: { description: 'The counts of the months asked', schema: vitalView }, ...errorResponses(400, 429) },
    async handle({ query }, { services }) {
      const to = query.to ?? new Date().toISOString().slice(0, 7);
      const from = query.from ?? monthAt(monthIndex(to) - 11);
      if (from > to) throw badRequest('`from` comes after `to`', [{ path: 'query.from', message: 'must not come after to' }]);
      if (monthIndex(to) - monthIndex(from) + 1 > MAX_MONTHS)
        throw badRequest(`At most ${MAX_MONTHS} months in one answer`, [{ path: 'query.from', message: 'range too wide' }]);
      const body = await vitalStatistics(services.vitalCounts, { from, to, by: query.by });
      return { status: 200, body, headers: { 'Cache-Control': 'public, max-age=60' } };
    },
  }),
];
