import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import { unauthorized } from '../../http/problem';
import { errorResponses } from '../common/responses';
import type { User } from '../users/store';
import type { AccountStatus } from './account-status';
import { passwordLogin, tokenPair } from './login';
import { revokeRefreshToken, rotateRefreshToken } from './refresh';

/** What these routes use. */
type RouteDeps = Parameters<typeof passwordLogin>[0] &
  Parameters<typeof tokenPair>[0] & { accounts: Pick<AccountStatus, 'ended'> };
const defineRoute = routesOf<RouteDeps>();

const loginBody = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('Login', { example: { username: 'registrar.karkh', password: 'Tigris at dawn 2026' } });

const refreshBody = z
  .object({ refreshToken: z.string().regex(/^rt_[A-Za-z0-9_-]{43}$/, 'is not a refresh token') })
  .strict()
  .openapi('RefreshToken');

const tokenPairView = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
  })
  .openapi('TokenPair');

const noStore = { 'Cache-Control': 'no-store' };

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/auth/login',
    operationId: 'login',
    permission: 'auth.login',
    rateLimit: (c) => c.RATE_LIMIT_SIGN_IN_PER_MINUTE,
    tag: 'Accounts',
    summary: 'Sign in with username and password; repeated failures slow down, then lock',
    body: loginBody,
    responses: { 200: { description: 'Signed in', schema: tokenPairView }, ...errorResponses(400, 401, 429) },
    async handle({ body }, { deps, ip }) {
      const user = await passwordLogin(deps, body.username, body.password, ip);
      return { status: 200, body: await tokenPair(deps, user), headers: noStore };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/auth/refresh',
    operationId: 'refreshTokens',
    permission: 'auth.refresh',
    tag: 'Accounts',
    summary: 'A new token pair for a refresh token; the old one stops working, and its reuse revokes the family',
    body: refreshBody,
    responses: { 200: { description: 'A new pair', schema: tokenPairView }, ...errorResponses(400, 401) },
    async handle({ body }, { deps }) {
      const rotated = await rotateRefreshToken(deps, body.refreshToken);
      const user = await deps.models.users.findById(rotated.userId).lean<User>();
      if (!user || user.disabled) throw unauthorized('The account is disabled');
      return { status: 200, body: await tokenPair(deps, user, rotated), headers: noStore };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/auth/logout',
    operationId: 'logout',
    permission: 'auth.logout',
    tag: 'Accounts',
    summary: 'Sign out: the refresh token (and its family) and the access tokens of this session stop working',
    body: refreshBody,
    responses: { 204: { description: 'Signed out' }, ...errorResponses(400, 401, 403) },
    async handle({ body }, { deps, actor, session }) {
      for (const ended of await revokeRefreshToken(deps, body.refreshToken, actor.id, session))
        deps.accounts.ended(ended);
      return { status: 204 };
    },
  }),
];
