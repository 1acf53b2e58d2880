import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isConnectionLost, isDuplicateKey } from '../db/errors';
import { OAuthError } from './oauth-error';
import { Problem, notFound } from './problem';

export function sendProblem(res: Parameters<RequestHandler>[1], problem: Problem): void {
  for (const [k, v] of Object.entries(problem.extra.headers ?? {})) res.setHeader(k, v);
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(notFound(`No route ${req.method} ${req.path}`));
};

/** Maps every error to problem+json; anything unexpected is a 500 with an id that is logged. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof OAuthError) {
      res
        .status(err.status)
        .set({ ...err.headers, 'Cache-Control': 'no-store' })
        .json(err);
      return;
    }
    const problem = toProblem(err, req.id, log);
    // An OAuth2 client reads only RFC 6749's error format from the token endpoint, whatever
    // went wrong: a body the parser refused, a rate limit, the database.
    if (req.path === OAUTH_TOKEN_PATH) {
      const error =
        problem.status === 401
          ? 'invalid_client'
          : problem.status === 503
            ? 'temporarily_unavailable'
            : problem.status >= 500
              ? 'server_error'
              : 'invalid_request';
      const answer = new OAuthError(problem.status, error, problem.message, problem.extra.headers);
      res
        .status(answer.status)
        .set({ ...answer.headers, 'Cache-Control': 'no-store' })
        .json(answer);
      return;
    }
    sendProblem(res, problem);
  };
}

/** The client-credentials token endpoint (see modules/clients). */
const OAUTH_TOKEN_PATH = '/v1/auth/token';

function toProblem(err: unknown, requestId: string | undefined, log: Logger): Problem {
  if (err instanceof Problem) return err;
  const e = err as { type?: string; status?: number; name?: string; message?: string };
  if (e?.type === 'entity.too.large')
    return new Problem(413, 'Content Too Large', 'The request body is larger than allowed', { code: 'body-too-large' });
  if (e?.type === 'entity.parse.failed')
    return new Problem(400, 'Bad Request', 'The request body is not valid JSON', { code: 'malformed-json' });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new Problem(415, 'Unsupported Media Type', e.message ?? 'Unsupported encoding', {
      code: 'unsupported-encoding',
    });
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return new Problem(e.status, 'Bad Request', 'The request could not be read', { code: 'bad-request' });
  if (isDuplicateKey(err)) return new Problem(409, 'Conflict', 'That already exists', { code: 'duplicate' });
  if (e?.name === 'CastError')
    return new Problem(400, 'Bad Request', 'A value has the wrong type', { code: 'invalid-input' });
  if (isConnectionLost(err)) {
    log.warn({ requestId, errorName: e?.name }, 'a request met a lost database connection');
    return new Problem(
      503,
      'Service Unavailable',
      'The database is not answering just now; try again in a few seconds',
      {
        code: 'database-unavailable',
        headers: { 'Retry-After': '5' },
      },
    );
  }
  const errorId = randomUUID();
  // The message of a database error can quote the document (names, NINs): log its kind and where it came from.
  const stack = err instanceof Error ? err.stack?.split('\n').slice(1, 8).join('\n') : undefined;
  log.error(
    { errorId, requestId, errorName: e?.name, errorCode: (err as { code?: unknown })?.code, stack },
    'unhandled error',
  );
  return new Problem(500, 'Internal Server Error', `Something went wrong on our side; quote error id ${errorId}`, {
    code: 'internal',
  });
}
