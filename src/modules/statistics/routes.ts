import { defineRoute } from '../../http/route';
import { errorResponses } from '../common/responses';
import { periodOf } from './periods';
import { vitalQuery, vitalView } from './schemas';
import { vitalStatistics } from './tables';

export const statisticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/statistics/vital',
    operationId: 'getVitalStatistics',
    permission: 'statistics.read',
    tag: 'Statistics',
    summary:
      'Registered births by sex, deaths by ICD-10 chapter, marriages and divorces of a calendar month, quarter or year, by governorate or month; counts under 5 withheld',
    query: vitalQuery,
    rateLimit: (c) => c.RATE_LIMIT_PUBLIC_PER_MINUTE,
    responses: {
      200: { description: 'The counts of the period asked', schema: vitalView },
      ...errorResponses(400, 429),
    },
    async handle({ query }, { services }) {
      const body = await vitalStatistics(services.vitalCounts, periodOf(query.from, query.to), query.by);
      return { status: 200, body, headers: { 'Cache-Control': 'public, max-age=60' } };
    },
  }),
];
