import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { errorResponses } from '../common/responses';
import { afterCursor, pageQuery, pageView } from '../common/schemas';
import type { FeedTypes } from '../feed/reader';
import type { Subscription, WebhookCollections } from './store';
import {
  findSubscription,
  createSubscription,
  endSubscription,
  replaySubscription,
  type SubscriptionDeps,
} from './commands';

/** What these routes use. */
type RouteDeps = SubscriptionDeps & { webhooks: WebhookCollections };
const defineRoute = routesOf<RouteDeps>();

const SUBSCRIPTION_ID = /^s_[A-Za-z0-9_-]{16}$/;
const subscriptionId = z.string().regex(SUBSCRIPTION_ID, 'is not a subscription id');
const params = z.object({ id: subscriptionId }).strict();

/** A subscription's body: `events` among the feed's types. */
const createBody = (types: FeedTypes) =>
  z
    .object({
      url: z
        .string()
        .url()
        .max(2000)
        .refine((u) => /^https?:\/\//.test(u), 'must be an http or https URL')
        .openapi({
          description:
            'An https: URL on a public address (http: and private addresses only where the configuration allows them)',
        }),
      events: z.array(z.enum(types)).min(1),
      clientId: z.string().min(1).max(64).openapi({ description: 'An enabled client holding feed:read' }),
    })
    .strict()
    .openapi('CreateSubscription', {
      example: {
        url: 'https://moh.example.iq/registry-events',
        events: ['birth.registered', 'death.registered'],
        clientId: 'cl_3q2Zk8mW1xYbN4fT',
      },
    });

const subscriptionView = z
  .object({
    id: subscriptionId,
    clientId: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi('Subscription');

/** A subscription as admins see it: never its secret, which is shown once when subscribing. */
const presentSubscription = (s: Subscription) => ({
  id: s._id,
  clientId: s.clientId,
  url: s.url,
  events: s.events,
  createdAt: s.createdAt,
});

const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
const deliveryView = z.object({
  seq: z.number().int(),
  type: z.string(),
  attempt: z.number().int(),
  at: z.string(),
  ok: z.boolean(),
  httpStatus: z.number().int().optional(),
  error: z.string().optional(),
  ms: z.number(),
});

/** The webhook subscription routes, for events of the feed's types. */
export function subscriptionRoutes(types: FeedTypes) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/subscriptions',
      operationId: 'createSubscription',
      permission: 'subscriptions.manage',
      secretFields: ['secret'],
      tag: 'Sectoral systems',
      summary: "Subscribe a client's URL to feed events; the signing secret is shown once",
      body: createBody(types),
      responses: {
        201: {
          description: 'Subscribed',
          schema: subscriptionView.extend({ secret: z.string() }).openapi('SubscriptionCreated'),
        },
        ...errorResponses(400, 401, 403, 422),
      },
      async handle({ body }, ctx) {
        const { subscription: s, secret } = await createSubscription(ctx.deps, ctx, body);
        return {
          status: 201,
          body: { ...presentSubscription(s), secret },
          headers: { Location: `/v1/subscriptions/${s._id}` },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/subscriptions',
      operationId: 'listSubscriptions',
      permission: 'subscriptions.manage',
      tag: 'Sectoral systems',
      summary: 'The subscriptions, in id order (never their secrets)',
      query: z.object(pageQuery(SUBSCRIPTION_ID)).strict(),
      responses: {
        200: {
          description: 'A page of subscriptions',
          schema: z
            .object({ items: z.array(subscriptionView), nextCursor: z.string().nullable() })
            .openapi('Subscriptions'),
        },
        ...errorResponses(400, 401, 403),
      },
      async handle({ query }, { deps }) {
        return {
          status: 200,
          body: pageView(await deps.subscriptions.page({}, afterCursor(query)), presentSubscription),
        };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/subscriptions/{id}',
      operationId: 'endSubscription',
      permission: 'subscriptions.manage',
      tag: 'Sectoral systems',
      summary: 'End a subscription: nothing more is delivered to it (journaled)',
      params,
      responses: { 204: { description: 'Ended' }, ...errorResponses(400, 401, 403, 404) },
      async handle({ params: p }, ctx) {
        await endSubscription(ctx.deps, ctx, p.id);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/subscriptions/{id}/deliveries',
      operationId: 'listDeliveries',
      permission: 'subscriptions.manage',
      tag: 'Sectoral systems',
      summary: 'The delivery log of a subscription, newest first, with where it stands',
      params,
      query: deliveriesQuery,
      responses: {
        200: {
          description: 'The latest attempts',
          schema: z
            .object({
              cursor: z.number().int(),
              parked: z.boolean(),
              parkedReason: z
                .enum(['failing', 'client-disabled', 'client-lacks-scope', 'client-not-found'])
                .optional()
                .openapi({
                  description: 'failing: until replayed; client-*: until the client may read the feed again',
                }),
              failingSince: z.string().optional(),
              nextAttemptAt: z.string().optional(),
              items: z.array(deliveryView),
            })
            .openapi('Deliveries'),
        },
        ...errorResponses(400, 401, 403, 404),
      },
      async handle({ params: p, query }, { deps }) {
        const s = await findSubscription(deps.subscriptions, p.id);
        const state = await deps.webhooks.state.findOne({ _id: s._id });
        const items = await deps.webhooks.log
          .find({ subscriptionId: s._id })
          .sort({ _id: -1 })
          .limit(query.limit)
          .toArray();
        return {
          status: 200,
          body: {
            cursor: state?.cursor ?? s.seq,
            parked: state?.parked ?? false,
            ...(state?.parkedReason ? { parkedReason: state.parkedReason } : {}),
            ...(state?.failingSince ? { failingSince: state.failingSince } : {}),
            ...(state?.nextAttemptAt ? { nextAttemptAt: state.nextAttemptAt } : {}),
            items: items.map(({ _id: _i, subscriptionId: _s, ...d }) => d),
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/subscriptions/{id}/replay',
      operationId: 'replaySubscription',
      permission: 'subscriptions.manage',
      tag: 'Sectoral systems',
      summary: 'Deliver again from a seq on (and resume a parked subscription)',
      params,
      body: z
        .object({ fromSeq: z.number().int().min(1) })
        .strict()
        .openapi('Replay'),
      responses: { 204: { description: 'The cursor moved back' }, ...errorResponses(400, 401, 403, 404) },
      async handle({ params: p, body }, ctx) {
        await replaySubscription(ctx.deps, ctx, p.id, body.fromSeq);
        return { status: 204 };
      },
    }),
  ];
}
