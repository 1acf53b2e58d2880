import type { ResponseSpec } from '../../http/route';
import { problemSchema } from './schemas';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input',
  401: 'No valid token',
  403: 'Not allowed for this role',
  404: 'Not found',
  409: 'Conflicts with the current state',
  412: 'The record changed since it was read (stale If-Match)',
  413: 'Body too large',
  415: 'The body is not in a format this route takes',
  422: 'Breaks a registry rule',
  428: 'If-Match is required',
  429: 'Too many requests or failed attempts; see Retry-After',
};

/** Problem+json responses for the given status codes, for a route's OpenAPI description. */
export function errorResponses(...statuses: number[]): Record<number, ResponseSpec> {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: DESCRIPTIONS[s] ?? 'Error', schema: problemSchema }]),
  );
}
