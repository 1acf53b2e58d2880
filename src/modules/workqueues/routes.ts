import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { errorResponses } from '../common/responses';
import { staffOffice } from '../offices/commands';
import { QUEUES } from '../records/rules';
import type { QueueCountStore } from './store';

/** What these routes use. */
type RouteDeps = { queueCounts: QueueCountStore };
const defineRoute = routesOf<RouteDeps>();

const workQueuesView = z
  .object({
    office: z.string(),
    queues: z.array(z.object({ id: z.enum(QUEUES), count: z.number().int().min(0) })),
  })
  .openapi('WorkQueues', {
    example: {
      office: 'BGD',
      queues: [
        { id: 'to-register', count: 12 },
        { id: 'possible-duplicates', count: 2 },
        { id: 'incomplete', count: 3 },
        { id: 'evidence-required', count: 1 },
        { id: 'rejected', count: 0 },
        { id: 'to-print', count: 7 },
      ],
    },
  });

export const workQueueRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/workqueues',
    operationId: 'getWorkQueues',
    permission: 'workqueues.read',
    tag: 'Office work',
    summary: "The caller's office's work queues and how many records wait in each (GET /v1/records?queue= lists them)",
    responses: {
      200: { description: 'The queues and their counts', schema: workQueuesView },
      ...errorResponses(401, 403),
    },
    async handle(_input, { deps, actor }) {
      const office = staffOffice(actor);
      // Counts kept from the journal as records move (workqueues/projectors.ts): one read at any size.
      const counts = (await deps.queueCounts.get(office))?.counts ?? {};
      return { status: 200, body: { office, queues: QUEUES.map((id) => ({ id, count: counts[id] ?? 0 })) } };
    },
  }),
];
