import type { IncomingHttpHeaders } from 'node:http';
import { routesOf, type Reply } from '../../http/route';
import { z } from '../../http/zod';
import { badRequest, unauthorized } from '../../http/problem';
import { errorResponses } from '../common/responses';
import type { User } from '../users/store';
import type { AccountStatus } from './account-status';
import { passwordLogin, tokenPair, type TokenPair } from './login';
import { revokeRefreshToken, rotateRefreshToken } from './refresh';
import { clearedRefreshCookie, refreshCookie, refreshTokenFromCookie } from './refresh-cookie';

/** What these routes use. */
type RouteDeps = Parameters<typeof passwordLogin>[0] &
  Parameters<typeof tokenPair>[0] & { accounts: Pick<AccountStatus, 'ended'> };
const defineRoute = routesOf<RouteDeps>();

const loginBody = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
    refreshTokenIn: z
      .enum(['body', 'cookie'])
      .optional()
      .describe(
        'Where the refresh token goes: in the answer (the default), or, for a browser, in an HttpOnly, Secure, SameSite=Strict cookie for /v1/auth that scripts cannot read; the answer then has no refreshToken, and refresh and logout take it from the cookie',
      ),
  })
  .strict()
  .openapi('Login', { example: { username: 'registrar.karkh', password: 'Tigris at dawn 2026' } });

const refreshToken = z.string().regex(/^rt_[A-Za-z0-9_-]{43}$/, 'is not a refresh token');
const refreshBody = z
  .object({
    refreshToken: refreshToken
      .optional()
      .describe('Required, unless the session keeps it in the cookie (sign-in with refreshTokenIn: "cookie"): send {}'),
  })
  .strict()
  .openapi('RefreshToken');

const tokenPairView = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string().optional().describe('Absent when the session keeps it in the cookie'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
  })
  .openapi('TokenPair');

const noStore = { 'Cache-Control': 'no-store' };

/**
 * The refresh token a request names: in its body, else in the session's cookie. None at all is a
 * malformed request (400, as a missing field is); a cookie that holds no token of ours, a refusal.
 */
function tokenOf(body: { refreshToken?: string }, headers: IncomingHttpHeaders): { token: string; inCookie: boolean } {
  if (body.refreshToken) return { token: body.refreshToken, inCookie: false };
  const fromCookie = refreshTokenFromCookie(headers);
  if (fromCookie === undefined)
    throw badRequest(
      'Send refreshToken in the body (or sign in with refreshTokenIn: "cookie" and send {} with the cookie)',
    );
  if (!refreshToken.safeParse(fromCookie).success)
    throw unauthorized('The refresh cookie holds no refresh token; sign in again');
  return { token: fromCookie, inCookie: true };
}

/** A token pair as the session keeps it: the refresh token in the body, or set in the cookie instead. */
function answer(pair: TokenPair, inCookie: boolean, ttlSeconds: number): Reply {
  if (!inCookie) return { status: 200, body: pair, headers: noStore };
  const { refreshToken: kept, ...rest } = pair;
  return { status: 200, body: rest, headers: { ...noStore, 'Set-Cookie': refreshCookie(kept, ttlSeconds) } };
}

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
      return answer(
        await tokenPair(deps, user),
        body.refreshTokenIn === 'cookie',
        deps.config.REFRESH_TOKEN_TTL_SECONDS,
      );
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
    async handle({ body, headers }, { deps }) {
      const { token, inCookie } = tokenOf(body, headers);
      const rotated = await rotateRefreshToken(deps, token);
      const user = await deps.models.users.findById(rotated.userId).lean<User>();
      if (!user || user.disabled) throw unauthorized('The account is disabled');
      return answer(await tokenPair(deps, user, rotated), inCookie, deps.config.REFRESH_TOKEN_TTL_SECONDS);
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
    async handle({ body, headers }, { deps, actor, session }) {
      const { token, inCookie } = tokenOf(body, headers);
      for (const ended of await revokeRefreshToken(deps, token, actor.id, session)) deps.accounts.ended(ended);
      return { status: 204, ...(inCookie ? { headers: { 'Set-Cookie': clearedRefreshCookie() } } : {}) };
    },
  }),
];
