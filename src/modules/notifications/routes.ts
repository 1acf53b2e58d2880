import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { errorResponses } from '../common/responses';
import { birthNotificationBody, deathNotificationBody, fhirBundle, notificationAnswer } from './schemas';
import {
  notifyBirth,
  notifyDeath,
  readBirthNotification,
  readDeathNotification,
  type NotificationDeps,
} from './commands';

/** What these routes use. */
type RouteDeps = NotificationDeps;
const defineRoute = routesOf<RouteDeps>();

const accepted = (record: { _id: string; status: 'declared' | 'registered' | 'rejected' | 'voided' }) => ({
  status: 202,
  body: { recordId: record._id, status: record.status },
  headers: { Location: `/v1/records/${record._id}` },
});

export const notificationRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/notifications/births',
    operationId: 'notifyBirth',
    permission: 'notifications.write',
    tag: 'Sectoral systems',
    summary:
      "A hospital's birth notification (ours, or a FHIR R4 Bundle): a declared record for an officer to complete",
    body: z.union([birthNotificationBody, fhirBundle]),
    responses: {
      202: { description: 'A declared record (the same one for the same notificationId)', schema: notificationAnswer },
      ...errorResponses(400, 401, 403, 409, 422),
    },
    async handle({ body }, ctx) {
      return accepted(await notifyBirth(ctx.deps, ctx, readBirthNotification(body)));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/notifications/deaths',
    operationId: 'notifyDeath',
    permission: 'notifications.write',
    tag: 'Sectoral systems',
    summary:
      "A hospital's death notification (ours, or a FHIR R4 Bundle): a declared record for a registrar to register",
    body: z.union([deathNotificationBody, fhirBundle]),
    responses: {
      202: { description: 'A declared record (the same one for the same notificationId)', schema: notificationAnswer },
      ...errorResponses(400, 401, 403, 409, 422),
    },
    async handle({ body }, ctx) {
      return accepted(await notifyDeath(ctx.deps, ctx, readDeathNotification(body)));
    },
  }),
];
