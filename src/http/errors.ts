import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isDuplicateKey } from '../db/errors';
import { OAuthError } from '../modules/clients/oauth-error';
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
    sendProblem(res, toProblem(err, req.id, log));
  };
}

function toProblem(err: unknown, requestId: string | undefined, log: Logger): Problem {
  if (err instanceof Problem) return err;
  const e = err as { type?: string; status?: number; name?: string; message?: string };
  if (e?.type === 'entity.too.large') return new Problem(413, 'Content Too Large', 'The request body is larger than allowed', { code: 'body-too-large' });
  if (e?.type === 'entity.parse.failed') return new Problem(400, 'Bad Request', 'The request body is not valid JSON', { code: 'malformed-json' });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new Problem(415, 'Unsupported Media Type', e.message ?? 'Unsupported encoding', { code: 'unsupported-encoding' });
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return new Problem(e.status, 'Bad Request', 'The request could not be read', { code: 'bad-request' });
  if (isDuplicateKey(err)) return new Problem(409, 'Conflict', 'That already exists', { code: 'duplicate' });
  if (e?.name === 'CastError') return new Problem(400, 'Bad Request', 'A value has the wrong type', { code: 'invalid-input' });
  const errorId = randomUUID();
  // The message of a database error can quote the document (names, NINs): log its kind and where it came from.
  const stack = err instanceof Error ? err.stack?.split('\n').slice(1, 8).join('\n') : undefined;
  log.error({ errorId, requestId, errorName: e?.name, errorCode: (err as { code?: unknown })?.code, stack }, 'unhandled error');
  return new Problem(500, 'Internal Server Error', `Something went wrong on our side; quote error id ${errorId}`, { code: 'internal' });
}
