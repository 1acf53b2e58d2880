import { forbidden } from '../../http/problem';
import { routesOf } from '../../http/route';
import type { Actor } from '../../journal/types';
import { errorResponses } from '../common/responses';
import { ninParams } from '../persons/schemas';
import { findConsent, giveConsent, withdrawConsent, type ConsentDeps } from './commands';
import { consentList, consentView, giveConsentBody, ownConsentParams, personConsentParams } from './schemas';
import type { Consent } from './store';

const defineRoute = routesOf<ConsentDeps>();

const me = (actor: Actor) => {
  if (!actor?.nin) throw forbidden('Only a citizen account has a person');
  return actor.nin;
};

const statusOf = (c: Consent, now = new Date()) =>
  c.withdrawnAt
    ? ('withdrawn' as const)
    : c.expiresAt <= now.toISOString()
      ? ('expired' as const)
      : ('in-force' as const);

async function present(deps: ConsentDeps, consents: Consent[]) {
  const clients = await deps.clients.existing([...new Set(consents.map((c) => c.clientId))]);
  const names = new Map(clients.map((c) => [c._id, c.name]));
  return consents.map((c) => ({
    id: c._id,
    clientId: c.clientId,
    ...(names.has(c.clientId) ? { clientName: names.get(c.clientId) } : {}),
    purpose: c.purpose,
    expiresAt: c.expiresAt,
    givenAt: c.givenAt,
    givenBy: { role: c.givenBy.role },
    status: statusOf(c),
    ...(c.withdrawnAt ? { withdrawnAt: c.withdrawnAt } : {}),
  }));
}

/** A person's consents, newest first, and the clients one may be given to. */
async function listOf(deps: ConsentDeps, nin: string) {
  const consents = (await deps.consents.list({ nin })).sort((a, b) => (a.givenAt < b.givenAt ? 1 : -1));
  const clients = (await deps.clients.list({ disabled: false }))
    .filter((c) => c.scopes.includes('certificates:issue'))
    .map((c) => ({ clientId: c._id, name: c.name }));
  return { items: await present(deps, consents), clients };
}

const one = async (deps: ConsentDeps, c: Consent) => (await present(deps, [c]))[0];

export const consentRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/me/consents',
    operationId: 'giveConsent',
    permission: 'consents.own',
    tag: 'Citizens',
    summary: 'Let a sectoral client obtain my certificates for a purpose, until a date (journaled)',
    body: giveConsentBody,
    responses: { 201: { description: 'Given', schema: consentView }, ...errorResponses(400, 401, 403, 404, 422) },
    async handle({ body }, ctx) {
      const c = await giveConsent(ctx.deps, ctx, { nin: me(ctx.actor), ...body });
      return { status: 201, body: await one(ctx.deps, c), headers: { Location: `/v1/me/consents/${c._id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/me/consents',
    operationId: 'listConsents',
    permission: 'consents.own',
    tag: 'Citizens',
    summary: 'My consents (in force, withdrawn, expired), newest first, and the clients one may be given to',
    responses: { 200: { description: 'The consents', schema: consentList }, ...errorResponses(401, 403) },
    async handle(_input, ctx) {
      return { status: 200, body: await listOf(ctx.deps, me(ctx.actor)) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/me/consents/{id}',
    operationId: 'withdrawConsent',
    permission: 'consents.own',
    tag: 'Citizens',
    summary: 'Withdraw a consent: the client obtains nothing more by it (journaled)',
    params: ownConsentParams,
    responses: { 204: { description: 'Withdrawn' }, ...errorResponses(400, 401, 403, 404, 409) },
    async handle({ params }, ctx) {
      await withdrawConsent(ctx.deps, ctx, params.id, me(ctx.actor));
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/persons/{nin}/consents',
    operationId: 'recordConsent',
    permission: 'consents.at-office',
    tag: 'Citizens',
    summary:
      'Record, at an office or a service centre, the consent of the citizen at the counter (journaled, with who recorded it)',
    params: ninParams,
    body: giveConsentBody,
    responses: { 201: { description: 'Given', schema: consentView }, ...errorResponses(400, 401, 403, 404, 422) },
    async handle({ params, body }, ctx) {
      const c = await giveConsent(ctx.deps, ctx, { nin: params.nin, ...body });
      return { status: 201, body: await one(ctx.deps, c) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/persons/{nin}/consents',
    operationId: 'listPersonConsents',
    permission: 'consents.at-office',
    tag: 'Citizens',
    summary: 'The consents of the citizen at the counter, and the clients one may be given to',
    params: ninParams,
    accessLog: true,
    responses: { 200: { description: 'The consents', schema: consentList }, ...errorResponses(400, 401, 403) },
    async handle({ params }, ctx) {
      return { status: 200, body: await listOf(ctx.deps, params.nin), named: [params.nin] };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/persons/{nin}/consents/{id}',
    operationId: 'withdrawPersonConsent',
    permission: 'consents.at-office',
    tag: 'Citizens',
    summary: 'Withdraw, at an office, a consent of the citizen at the counter (journaled)',
    params: personConsentParams,
    responses: { 204: { description: 'Withdrawn' }, ...errorResponses(400, 401, 403, 404, 409) },
    async handle({ params }, ctx) {
      await findConsent(ctx.deps.consents, params.id, params.nin);
      await withdrawConsent(ctx.deps, ctx, params.id, params.nin);
      return { status: 204 };
    },
  }),
];
