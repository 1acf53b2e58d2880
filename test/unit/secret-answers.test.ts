import type { z } from 'zod';
import { API_ROUTES } from '../../src/routes';

/** The top-level keys of an object schema (through .openapi() and .extend() wrappers). */
function keysOf(schema: z.ZodType | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

// A certificate's `token` is a signed public credential meant to be shown again; access tokens
// are answered only by routes without a bearer token, which keep no idempotent answers at all;
// an office's code is its public three letters.
const NOT_SECRET = new Set(['token', 'accessToken', 'refreshToken', 'access_token', 'createOffice.code']);

describe('answers that show a credential once', () => {
  it('declare it in secretFields, so an idempotent replay never stores or shows it', () => {
    const undeclared: string[] = [];
    for (const route of API_ROUTES) {
      for (const [status, response] of Object.entries(route.responses)) {
        if (Number(status) >= 300) continue;
        for (const key of keysOf(response.schema)) {
          if (
            NOT_SECRET.has(key) ||
            NOT_SECRET.has(`${route.operationId}.${key}`) ||
            !/secret|password|^code$/i.test(key)
          )
            continue;
          if (!(route.secretFields ?? []).includes(key)) undeclared.push(`${route.operationId}: ${key}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('are declared by the routes that show one', () => {
    const declared = API_ROUTES.filter((r) => r.secretFields?.length).map((r) => r.operationId);
    expect(declared).toEqual(
      expect.arrayContaining(['createClient', 'createSubscription', 'issueActivationCode', 'rotateClientSecret']),
    );
  });
});
