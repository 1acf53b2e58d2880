// Checked look-ups for tests: a header or a token part a test relies on fails with its name, not
// with "cannot read properties of undefined" several lines later.
import { must } from '../../src/lib/must';

export { must };

/** The ETag a read answered with, for the If-Match of the change that follows it. */
export const etagOf = (res: { headers: Record<string, string | undefined> }): string =>
  must(res.headers.etag, 'ETag header on the response');

/** A compact JWT's header, payload and signature. */
export function jwtParts(token: string): [header: string, payload: string, signature: string] {
  const [header, payload, signature, ...rest] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined || rest.length > 0)
    throw new Error(`not a compact JWT: ${token}`);
  return [header, payload, signature];
}

/** A JWT's claims, decoded and not verified: the caller says what shape it expects. */
export const jwtClaims = (token: string): unknown =>
  JSON.parse(Buffer.from(jwtParts(token)[1], 'base64url').toString());
