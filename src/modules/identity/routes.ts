import { routesOf } from '../../http/route';
import { errorResponses } from '../common/responses';
import { batchAnswer, batchBody, MAX_BATCH, verificationAnswer, verificationBody } from './schemas';
import type { Metrics } from '../../http/metrics';
import type { PersonStore } from '../persons/projectors';
import { spendVerifications } from './quota';
import { COMPARED, compareIdentity, verifyMany } from './verification';

/** What these routes use. */
type RouteDeps = Parameters<typeof spendVerifications>[0] & {
  persons: PersonStore;
  metrics: Pick<Metrics, 'identityVerifications'>;
};
const defineRoute = routesOf<RouteDeps>();

export const identityRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/identity/verification',
    operationId: 'verifyIdentity',
    permission: 'identity.verify',
    rateLimit: (c) => c.RATE_LIMIT_IDENTITY_PER_MINUTE,
    tag: 'Sectoral systems',
    summary:
      'Check that the details given match the person a NIN names (at least one name part or the date of birth); answers only match, per-field agreement and alive (null unless all match)',
    body: verificationBody,
    accessLog: true,
    responses: {
      200: { description: 'The comparison', schema: verificationAnswer },
      ...errorResponses(400, 401, 403, 429),
    },
    async handle({ body }, { deps, actor }) {
      const headers = await spendVerifications(deps, actor.id, 1);
      const person = await deps.persons.pick(body.nin, COMPARED);
      deps.metrics.identityVerifications.inc({ client: actor.id });
      return { status: 200, body: compareIdentity(person, body), headers, named: person ? [person._id] : [] };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/identity/verification:batch',
    operationId: 'verifyIdentityBatch',
    permission: 'identity.verify',
    rateLimit: (c) => c.RATE_LIMIT_IDENTITY_PER_MINUTE,
    tag: 'Sectoral systems',
    summary: `Verify up to ${MAX_BATCH} identities at once, each NIN once (a school enrolling a year group), answered item by item in order; the rate limit counts the items`,
    body: batchBody,
    accessLog: true,
    responses: {
      200: { description: 'One result per item, in order', schema: batchAnswer },
      ...errorResponses(400, 401, 403, 429),
    },
    async handle({ body }, { deps, actor }) {
      // The per-minute budget counts items: a batch of 500 spends what 500 single requests would.
      const headers = await spendVerifications(deps, actor.id, body.items.length);
      const { results, named } = await verifyMany(deps.persons, body.items);
      deps.metrics.identityVerifications.inc({ client: actor.id }, body.items.length);
      return { status: 200, body: { results }, headers, named };
    },
  }),
];
