import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Config } from '../config';
import type { Actor } from '../journal/types';
import type { OpenPermission, Permission } from './policy';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** NINs of the people whose data this answer shows (routes with `accessLog` must give them). */
  named?: string[];
}

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  headers: IncomingHttpHeaders;
  /** The request body as a stream, on routes that declare `streamBody` (it is not read before). */
  stream?: Readable;
}

/**
 * What a handler knows about its request besides the input. `deps` are the parts of the service
 * its module declared it uses (its own type, never the whole of the composition root).
 */
export type RouteContext<Perm extends Permission, IfMatch extends boolean, D = unknown> = {
  requestId: string;
  deps: D;
  /** The caller's address (for throttling; never logged with personal data). */
  ip: string | undefined;
  /** The sign-in session the caller's access token belongs to (people signed in since sessions were named). */
  session?: string;
} & (Perm extends OpenPermission ? { actor: Actor | undefined } : { actor: Actor }) &
  (IfMatch extends true ? { ifMatch: number } : unknown);

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults: application/json, application/problem+json for 4xx and 5xx. */
  mediaType?: string;
}

type Schema = z.ZodType | undefined;
/** Path parameters and query strings are flat objects. */
type ObjectSchema = z.ZodObject | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * One API route, declared as data: express mounts it, the policy test walks it and the OpenAPI
 * document is generated from it, so the three cannot disagree.
 */
export interface RouteSpec<
  B extends Schema,
  Q extends ObjectSchema,
  P extends ObjectSchema,
  Perm extends Permission,
  IfMatch extends boolean,
  D,
> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI-style path: /v1/persons/{nin} */
  path: string;
  /** The method name a generated client gets (registerRecord). */
  operationId: string;
  permission: Perm;
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
  /**
   * The handler streams the body (a file too large to hold): it is neither parsed nor limited in
   * size here; its media type must be one of these (else 415). `schema` describes one item.
   */
  streamBody?: { schema: z.ZodType; mediaTypes: string[] };
  /** Requests per minute allowed to one caller (signed in) or one address (anonymous), per instance. */
  rateLimit?: (config: Config) => number;
  /** Changes of existing records: If-Match is required (428) and parsed into `ctx.ifMatch`. */
  needsIfMatch?: IfMatch;
  /**
   * Fields of a 2xx answer that are credentials shown once (a client secret, an activation code):
   * an Idempotency-Key's stored answer never holds them, and a replay says so instead (409).
   */
  secretFields?: readonly string[];
  /** The answer shows people's data: the mount writes the read into the access log of each person in `named`. */
  accessLog?: true;
  /**
   * The office the route acts for (a record's, a certificate's record's): required when the
   * permission is office-bound (policy.ts), and checked by the mount before the handler runs.
   */
  officeOf?: (params: Out<P>, deps: D) => Promise<string>;
  handle: (input: RouteInput<Out<B>, Out<Q>, Out<P>>, ctx: RouteContext<Perm, IfMatch, D>) => Promise<Reply>;
}

/**
 * A route of any shape, as the mount and the OpenAPI generator see it. A route needing `D` is an
 * `AnyRoute<D>`; the composition root's route list is an `AnyRoute` of what it provides, so
 * TypeScript checks that it provides every module's part.
 */
export interface AnyRoute<D = never> extends Omit<
  RouteSpec<Schema, ObjectSchema, ObjectSchema, Permission, boolean, D>,
  'handle' | 'needsIfMatch' | 'officeOf'
> {
  needsIfMatch?: boolean;
  officeOf?: (params: unknown, deps: D) => Promise<string>;
  handle: (
    input: RouteInput<unknown, unknown, unknown>,
    ctx: RouteContext<Permission, false, D> & { actor: Actor | undefined; ifMatch?: number },
  ) => Promise<Reply>;
}

/**
 * The `defineRoute` of a module whose handlers use `D`: `const defineRoute = routesOf<RecordRouteDeps>()`.
 * The mount validates body, query and params with the route's schemas, checks the permission (so
 * a route that needs a token always has an actor) and parses If-Match before calling handle.
 */
export function routesOf<D>() {
  return function defineRoute<
    B extends Schema,
    Q extends ObjectSchema,
    P extends ObjectSchema,
    Perm extends Permission,
    IfMatch extends boolean = false,
  >(spec: RouteSpec<B, Q, P, Perm, IfMatch, D>): AnyRoute<D> {
    // Erases the input types: the mount parses body, query and params with this spec's own schemas.
    return spec as unknown as AnyRoute<D>;
  };
}

export function expressPath(path: string): string {
  // A literal colon (verification:batch) is escaped; {name} becomes a parameter.
  return path.replace(/:/g, '\\:').replace(/\{(\w+)\}/g, ':$1');
}
