import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { isProblem, type Problem } from '../lib/problem';

/**
 * The service's public API, typed from ../openapi.yaml (npm run api-types): a route that changes
 * there breaks this build. Same origin, so no base URL and no CORS.
 */
export const api = createClient<paths>({
  baseUrl: '',
  // Answers that name people are not kept in the browser's HTTP cache (it is on disk); and a
  // record's ETag is its version, which a certificate does not move, so a revalidated copy
  // would show an old certificate count.
  cache: 'no-store',
});

// The access token lives here, in memory only (never in storage); after a reload the session's
// refresh cookie (HttpOnly, no script reads it) gets a new one.
let accessToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

export function setAccessToken(token: string | undefined, whenRefused?: () => void): void {
  accessToken = token;
  onUnauthorized = whenRefused;
}
export const currentToken = () => accessToken;

const bearer: Middleware = {
  onRequest({ request }) {
    if (accessToken && !request.headers.has('Authorization'))
      request.headers.set('Authorization', `Bearer ${accessToken}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && accessToken && !request.url.includes('/v1/auth/')) onUnauthorized?.();
    return response;
  },
};
api.use(bearer);

/** An answer that was not what was asked for: the service's problem, or the network's failure. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

/** The data of an openapi-fetch answer, or an ApiError (status 0 when the service was not reached). */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: Awaited<typeof call>;
  try {
    answer = await call;
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (answer.data !== undefined && answer.response.ok) return answer.data;
  if (answer.response.ok) return undefined as T; // 204
  throw new ApiError(isProblem(answer.error) ? answer.error : { status: answer.response.status });
}
