import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { SCOPES } from '../../journal/types';
import { errorResponses } from '../common/responses';
import { changeClient, createClient, presentClient, rotateClientSecret } from './commands';
import type { ProjectionStore } from '../../db/store';
import type { Client } from './store';
import { clientCredentialsGrant } from './token-grant';

/** What these routes use. */
type RouteDeps = Parameters<typeof clientCredentialsGrant>[0] &
  Parameters<typeof changeClient>[0] & { clients: ProjectionStore<Client> };
const defineRoute = routesOf<RouteDeps>();

const scopes = z
  .array(z.enum(SCOPES))
  .min(1)
  .max(3)
  .refine((s) => new Set(s).size === s.length, 'lists a scope twice');
const createClientBody = z
  .object({ name: z.string().trim().min(3).max(120), scopes })
  .strict()
  .openapi('CreateClient', {
    example: { name: 'Ministry of Health: Baghdad hospitals', scopes: ['identity:verify', 'notifications:write'] },
  });
const changeClientBody = z
  .object({ disabled: z.boolean().optional(), scopes: scopes.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give disabled or scopes');
const clientParams = z.object({ id: z.string().regex(/^cl_[A-Za-z0-9_-]{16}$/, 'is not a client id') }).strict();

const clientView = z
  .object({
    clientId: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Client');
const clientWithSecret = clientView.extend({ clientSecret: z.string() }).openapi('ClientWithSecret');

const tokenRequest = z
  .object({
    grant_type: z.literal('client_credentials'),
    scope: z.string().optional().openapi({ description: "Space-separated; a subset of the client's scopes" }),
    client_id: z.string().optional().openapi({ description: 'Unless HTTP Basic is used' }),
    client_secret: z.string().optional(),
  })
  .openapi('ClientCredentialsRequest');
const tokenAnswer = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    scope: z.string(),
  })
  .openapi('ClientToken');
const oauthError = z.object({ error: z.string(), error_description: z.string() }).openapi('OAuthError');

export const clientRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/auth/token',
    operationId: 'issueClientToken',
    permission: 'auth.token',
    rateLimit: (c) => c.RATE_LIMIT_SIGN_IN_PER_MINUTE,
    tag: 'Sectoral systems',
    summary:
      'OAuth2 client credentials grant (RFC 6749 4.4), form-encoded or JSON, client authentication by HTTP Basic or in the body',
    rawBody: { schema: tokenRequest, mediaTypes: ['application/x-www-form-urlencoded', 'application/json'] },
    responses: {
      200: { description: 'A client token', schema: tokenAnswer },
      400: {
        description: 'invalid_request, unsupported_grant_type or invalid_scope',
        schema: oauthError,
        mediaType: 'application/json',
      },
      401: { description: 'invalid_client', schema: oauthError, mediaType: 'application/json' },
      ...errorResponses(429),
    },
    async handle({ body, headers }, { deps }) {
      const answer = await clientCredentialsGrant(deps, {
        body: body as Record<string, unknown>,
        authorization: headers.authorization,
      });
      return { status: 200, body: answer, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/clients',
    operationId: 'createClient',
    permission: 'clients.manage',
    secretFields: ['clientSecret'],
    tag: 'Sectoral systems',
    summary: 'Register a sectoral client (admin); the secret is shown once',
    body: createClientBody,
    responses: { 201: { description: 'Registered', schema: clientWithSecret }, ...errorResponses(400, 401, 403) },
    async handle({ body }, ctx) {
      return { status: 201, body: await createClient(ctx.deps, ctx, body) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/clients',
    operationId: 'listClients',
    permission: 'clients.manage',
    tag: 'Sectoral systems',
    summary: 'List sectoral clients (admin)',
    responses: {
      200: { description: 'Clients', schema: z.object({ items: z.array(clientView) }) },
      ...errorResponses(401, 403),
    },
    async handle(_input, { deps }) {
      const items = await deps.clients.list({});
      return { status: 200, body: { items: items.map(presentClient) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/clients/{id}/secret',
    operationId: 'rotateClientSecret',
    permission: 'clients.manage',
    secretFields: ['clientSecret'],
    tag: 'Sectoral systems',
    summary: "Rotate a client's secret (admin); the old one stops working",
    params: clientParams,
    responses: {
      200: { description: 'The new secret, shown once', schema: clientWithSecret },
      ...errorResponses(400, 401, 403, 404),
    },
    async handle({ params }, ctx) {
      return { status: 200, body: await rotateClientSecret(ctx.deps, ctx, params.id) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/clients/{id}',
    operationId: 'changeClient',
    permission: 'clients.manage',
    tag: 'Sectoral systems',
    summary: 'Disable, enable or re-scope a client (admin)',
    params: clientParams,
    body: changeClientBody,
    responses: { 200: { description: 'Changed', schema: clientView }, ...errorResponses(400, 401, 403, 404, 422) },
    async handle({ params, body }, ctx) {
      return { status: 200, body: await changeClient(ctx.deps, ctx, params.id, body) };
    },
  }),
];
