import { Router, type Request, type Response } from 'express';
import type { Actor } from '../journal/types';
import type { Config } from '../config';
import { onceOnly, type IdempotencyDeps } from './idempotency';
import { allows, needsToken, OFFICE_BOUND, requireOffice } from './policy';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import {
  Problem,
  badRequest,
  forbidden,
  preconditionFailed,
  preconditionRequired,
  unauthorized,
  unsupportedMediaType,
} from './problem';
import { expressPath, type AnyRoute, type Reply } from './route';
import { clean, parse } from './validation';

/** What the mount itself uses: the token check, the accounts' standing, the access log and idempotency. */
export interface MountDeps extends IdempotencyDeps {
  config: Config;
  tokens: IdempotencyDeps['tokens'] & {
    check(token: string): { actor: Actor; session?: string } | { refused: 'expired' | 'invalid' };
  };
  accounts: { sessionEnded(session: string): Promise<boolean>; isCurrent(actor: Actor): Promise<boolean> };
  accessLog: { record(nins: string[], actor: Actor | undefined, route: string): void };
}

/**
 * Mounts route specs as: authenticate -> authorize(permission, then office) -> validate ->
 * (idempotency) -> handler. `deps` is what the routes' modules use, and what the mount does.
 */
export function mountRoutes<D extends MountDeps>(deps: D, routes: readonly AnyRoute<D>[]): Router {
  const router = Router();
  for (const spec of routes) {
    // An office-bound action without the office it acts for would be open to every office.
    if (OFFICE_BOUND.has(spec.permission) && !spec.officeOf)
      throw new Error(`${spec.operationId} is office-bound but declares no officeOf`);
    const limiter = spec.rateLimit && rateLimiter(spec.rateLimit(deps.config));
    router[spec.method](expressPath(spec.path), async (req, res, next) => {
      let actor: Actor | undefined;
      // A sectoral client is not told what a rule's detail quotes of the registry (see
      // Problem.forClient); the rule's own code goes into the request's log line, for an office
      // the client asks with the request id.
      const shown = (err: unknown) => {
        if (actor?.role !== 'client' || !(err instanceof Problem)) return err;
        const told = err.forClient();
        if (told !== err) res.locals.ruleCode ??= err.extra.code;
        return told;
      };
      try {
        const open = !needsToken(spec.permission);
        // An open route ignores a stale or foreign token rather than refusing the caller.
        const caller = await authenticate(req, deps).catch((err: unknown) => {
          if (open) return undefined;
          throw err;
        });
        actor = caller?.actor;
        if (!open && !actor) throw unauthorized();
        if (!allows(spec.permission, actor)) throw forbidden();
        res.locals.actorId = actor?.id;
        if (limiter) await limiter(req, res);
        const params = parse(spec.params, req.params, 'path');
        // Authorized by office too, before the rest is read: a record's office never changes once
        // declared, so checking it ahead of the command is as good as checking it inside.
        if (spec.officeOf) {
          if (!actor) throw unauthorized();
          requireOffice(actor, await spec.officeOf(params, deps));
        }
        const query = parse(spec.query, req.query, 'query');
        const body = readBody(spec, req);
        const ifMatch = spec.needsIfMatch ? versionOf(req.get('If-Match')) : undefined;
        const ctx = {
          actor,
          deps,
          requestId: req.id as string,
          ip: req.ip,
          ...(caller?.session ? { session: caller.session } : {}),
          ...(ifMatch !== undefined ? { ifMatch } : {}),
        };
        // The Idempotency-Key's hash travels with the command into its journal entry (see onceOnly).
        // Converted here too, so that an Idempotency-Key replay answers what the client was told.
        const run = (idempotencyKey?: string) =>
          spec
            .handle(
              { body, query, params, headers: req.headers, ...(spec.streamBody ? { stream: req } : {}) },
              { ...ctx, ...(idempotencyKey ? { idempotencyKey } : {}) },
            )
            .catch((err: unknown) => {
              throw shown(err);
            });
        const key = req.get('Idempotency-Key');
        // Only a caller we know has answers kept for it: without a bearer token (sign-in, refresh,
        // the client-credentials grant, activation) an address is no identity (a NAT, a proxy),
        // and those answers are credentials. A streamed body cannot be hashed up front: those
        // routes are safe to retry by design.
        const reply =
          spec.method === 'post' && key !== undefined && actor && !spec.streamBody
            ? await onceOnly(
                deps,
                {
                  caller: actor.id,
                  route: `${spec.path} ${JSON.stringify(params ?? {})}`,
                  key,
                  body: req.body,
                  secretFields: spec.secretFields ?? [],
                },
                run,
              )
            : await run();
        if (spec.accessLog) {
          if (!reply.named) throw new Error(`${spec.operationId} declares accessLog but named no one`);
          // An answer that shows people is kept by no cache, the browser's included (a stale copy
          // revalidated by an ETag of the facts' version missed a certificate issued since).
          res.setHeader('Cache-Control', 'private, no-store');
          deps.accessLog.record(reply.named, actor, `${spec.method.toUpperCase()} ${spec.path}`);
        }
        send(res, reply);
      } catch (err) {
        next(shown(err));
      }
    });
  }
  return router;
}

/** A per-instance limit per caller (or address), refusing with a problem+json 429 and RateLimit headers. */
function rateLimiter(perMinute: number) {
  const middleware = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => (res.locals.actorId as string | undefined) ?? ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (req, _res, next) => {
      // Retry-After: the seconds until this caller's window starts again.
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      next(
        new Problem(429, 'Too Many Requests', `More than ${perMinute} requests a minute; slow down`, {
          code: 'rate-limited',
          headers: { 'Retry-After': String(seconds) },
        }),
      );
    },
  });
  return (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => {
      void middleware(req, res, (err?: unknown) =>
        err ? reject(err instanceof Error ? err : new Error('rate limiter failed')) : resolve(),
      );
    });
}

/**
 * The caller of a Bearer token: valid, ours, unexpired, its session not ended and the account
 * still as the token says. Each refusal says what is wrong and what to do.
 */
async function authenticate(req: Request, deps: MountDeps): Promise<{ actor: Actor; session?: string } | undefined> {
  const header = req.get('Authorization');
  if (header === undefined || /^Basic /i.test(header)) return undefined;
  const token = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header)?.[1];
  if (token === undefined) {
    if (!/^Bearer /.test(header))
      throw unauthorized('Send the token as "Authorization: Bearer <token>"', 'token-scheme');
    throw unauthorized(
      'The bearer token is not a token of ours (it should be three dot-separated parts); sign in again',
      'token-malformed',
    );
  }
  const found = deps.tokens.check(token);
  if ('refused' in found) {
    if (found.refused === 'expired')
      throw unauthorized(
        'The access token has expired: refresh it (POST /v1/auth/refresh) or sign in again',
        'token-expired',
      );
    throw unauthorized(
      'The bearer token was not issued by this registry or was altered; sign in again',
      'token-invalid',
    );
  }
  if (found.session && (await deps.accounts.sessionEnded(found.session)))
    throw unauthorized('This session was signed out; sign in again', 'session-ended');
  if (!(await deps.accounts.isCurrent(found.actor)))
    throw unauthorized('The account was disabled or changed; sign in again', 'account-changed');
  return found;
}

/** The validated body: parsed by the route's schema, taken raw, left as a stream, or none at all. */
function readBody(spec: AnyRoute, req: Request): unknown {
  if (spec.streamBody) {
    if (!spec.streamBody.mediaTypes.some((t) => req.is(t))) {
      throw unsupportedMediaType(`Send the body as ${spec.streamBody.mediaTypes.join(' or ')}`);
    }
    return undefined;
  }
  if (spec.rawBody) return clean(req.body, 'body');
  if (spec.body) {
    // A body in another format (a form, say) is not parsed at all: say what to send.
    if (req.is(['application/json', 'application/*+json']) === false) {
      throw unsupportedMediaType(
        `Send the body as JSON (Content-Type: application/json), not ${req.get('Content-Type') ?? 'untyped'}`,
      );
    }
    return parse(spec.body, req.body, 'body');
  }
  return noBody(req);
}

/** The version an If-Match header names: an ETag of ours is "<version>" (or weak, W/"<version>"). */
function versionOf(header: string | undefined): number {
  if (header === undefined) throw preconditionRequired('Send If-Match with the ETag of the version you are changing');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match)
    throw preconditionFailed('If-Match does not name a version of this record; read it again and send its ETag');
  return Number(match[1]);
}

function noBody(req: Request): undefined {
  const body: unknown = req.body;
  const empty =
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!empty) throw badRequest('This request takes no body');
  return undefined;
}

function send(res: Response, reply: Reply): void {
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (reply.body === undefined) res.status(reply.status).end();
  // A PDF, a page or a signed credential goes as it is, under the Content-Type the handler set.
  else if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') res.status(reply.status).send(reply.body);
  else res.status(reply.status).json(reply.body);
}
