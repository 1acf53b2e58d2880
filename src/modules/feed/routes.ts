import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { errorResponses } from '../common/responses';
import { nin, recordId } from '../common/schemas';
import type { JournalReader } from '../../journal/journal';
import type { AccessLog } from '../access-log/access-log';
import { readFeed, type FeedTypes } from './reader';

/** What these routes use. */
type RouteDeps = { journal: JournalReader; accessLog: Pick<AccessLog, 'record'> };
const defineRoute = routesOf<RouteDeps>();

const feedQuery = z
  .object({
    after: z.coerce
      .number()
      .int()
      .min(0)
      .default(0)
      .openapi({ description: 'The `next` of the previous answer (0 to start)' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

const feedView = (types: FeedTypes) =>
  z
    .object({
      events: z.array(
        z.object({ seq: z.number().int(), type: z.enum(types), at: z.string(), recordId, nin: nin.optional() }),
      ),
      next: z.number().int().openapi({ description: 'Ask again with after=next: nothing before it will appear later' }),
    })
    .openapi('Feed');

/** The feed of the journal's events of these types. */
export function feedRoutes(types: FeedTypes) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/feed',
      operationId: 'readFeed',
      permission: 'feed.read',
      tag: 'Sectoral systems',
      summary:
        'Registered events in journal order (registrations, corrections, voidings): seq, type, time, record id and NIN only',
      query: feedQuery,
      responses: {
        200: { description: 'The events after `after`', schema: feedView(types) },
        ...errorResponses(400, 401, 403),
      },
      async handle({ query }, { deps, actor }) {
        const page = await readFeed(deps.journal, query.after, query.limit, types);
        // Each person named gets an entry of their own saying which event the client received, so
        // this route logs its reads itself rather than through `accessLog` (which names the route only).
        for (const e of page.events)
          if (e.nin) deps.accessLog.record([e.nin], actor, 'GET /v1/feed', { type: e.type, recordId: e.recordId });
        return { status: 200, body: page };
      },
    }),
  ];
}
