import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { Config } from '../config';
import type { Actor } from '../journal/types';
import type { Permission } from './policy';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The signed-in caller; undefined only on routes open to anyone. */
  actor: Actor | undefined;
  requestId: string;
  headers: IncomingHttpHeaders;
  /** The caller's address (for throttling; never logged with personal data). */
  ip: string | undefined;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults: application/json, application/problem+json for 4xx and 5xx. */
  mediaType?: string;
}

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * One API route, declared as data: express mounts it, the policy test walks it and the OpenAPI
 * document is generated from it, so the three cannot disagree.
 */
export interface RouteSpec<B extends Schema = Schema, Q extends Schema = Schema, P extends Schema = Schema> {
  method: 'get' | 'post' | 'patch';
  /** OpenAPI-style path: /v1/persons/{nin} */
  path: string;
  permission: Permission;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  params?: P;
  responses: Record<number, ResponseSpec>;
  /**
   * The handler reads the body itself (OAuth2's token endpoint answers errors in its own format);
   * the schema and media types only describe it in OpenAPI.
   */
  rawBody?: { schema: z.ZodType; mediaTypes: string[] };
  /** Requests per minute allowed to one caller (signed in) or one address (anonymous), per instance. */
  rateLimit?: (config: Config) => number;
  /** Changes of existing records that need If-Match. */
  needsIfMatch?: boolean;
  handle(input: RouteInput<Out<B>, Out<Q>, Out<P>>): Promise<Reply>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

export function defineRoute<B extends Schema, Q extends Schema, P extends Schema>(spec: RouteSpec<B, Q, P>): AnyRoute {
  return spec as AnyRoute;
}

export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
