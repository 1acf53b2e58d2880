import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'civil-registry' },
      // Belt and braces: these never belong in a log line.
      redact: {
        paths: ['password', '*.password', 'authorization', '*.authorization', 'token', '*.token'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * A request id per request (the caller's X-Request-Id when well-formed), echoed back, and one log
 * line per answer with the route pattern, never the URL: paths and queries hold NINs and names.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('X-Request-Id');
    req.id = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const matched = req.route as { path?: string } | undefined;
      log.info(
        {
          requestId: req.id,
          method: req.method,
          route: matched?.path ? `${req.baseUrl}${matched.path}` : 'unmatched',
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          actor: res.locals.actorId,
          // The rule behind a client's refusal, which the client is told only as a code of its own.
          ...(res.locals.ruleCode ? { rule: res.locals.ruleCode as string } : {}),
        },
        'request',
      );
    });
    next();
  };
}
