import { defineRoute } from '../../http/route';
import { errorResponses } from '../common/responses';
import { batchAnswer, batchBody, MAX_BATCH, verificationAnswer, verificationBody } from './schemas';
import { spendVerifications } from './quota';
import { COMPARED, compareIdentity, verifyMany } from './verification';

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
    async handle({ body }, { services, actor }) {
      const headers = await spendVerifications(services, actor.id, 1);
      const person = await services.persons.pick(body.nin, COMPARED);
      services.metrics.identityVerifications.inc({ client: actor.id });
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
    async handle({ body }, { services, actor }) {
      // The per-minute budget counts items: a batch of 500 spends what 500 single requests would.
      const headers = await spendVerifications(services, actor.id, body.items.length);
      const { results, named } = await verifyMany(services.persons, body.items);
      services.metrics.identityVerifications.inc({ client: actor.id }, body.items.length);
      return { status: 200, body: { results }, headers, named };
    },
  }),
];
