import type { IncomingHttpHeaders } from 'node:http';

/**
 * The refresh token of a browser session, in a cookie the page's scripts cannot read (HttpOnly),
 * sent only over HTTPS (Secure; browsers count http://localhost as secure), only by pages of
 * this site (SameSite=Strict: a request another site makes never carries it, which is the CSRF
 * defence), and only to the three routes that take it (Path=/v1/auth). The console asks for it
 * at sign-in (`refreshTokenIn: "cookie"`); other clients keep the token in the answer's body.
 */
export const REFRESH_COOKIE = 'registry_refresh';
const ATTRIBUTES = 'Path=/v1/auth; HttpOnly; Secure; SameSite=Strict';

export const refreshCookie = (token: string, maxAgeSeconds: number) =>
  `${REFRESH_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; ${ATTRIBUTES}`;

export const clearedRefreshCookie = () => `${REFRESH_COOKIE}=; Max-Age=0; ${ATTRIBUTES}`;

/** The refresh token the request's cookie carries, if any (the value is checked as any token is). */
export function refreshTokenFromCookie(headers: IncomingHttpHeaders): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}
