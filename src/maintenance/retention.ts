import { trusted } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config';

/** A collection whose expired documents are deleted (a mongoose model). */
interface Expiring {
  deleteMany(filter: object): PromiseLike<{ deletedCount: number }>;
}

interface RetentionDeps {
  models: Record<'refreshTokens' | 'revokedFamilies' | 'idempotency' | 'throttles' | 'activationCodes', Expiring>;
  config: Pick<Config, 'LOGIN_LOCK_MINUTES'>;
}

/** How long an Idempotency-Key answers retries: a day covers any office's retry window. */
export const IDEMPOTENCY_KEEP_HOURS = 24;

/**
 * Deletes what has served its purpose: expired refresh tokens and activation codes, idempotency
 * answers older than a day, login throttles whose window and lock are over. The journal and the
 * access log are records and are never pruned.
 */
export async function pruneExpired(services: RetentionDeps, now = new Date()): Promise<Record<string, number>> {
  const { refreshTokens, revokedFamilies, idempotency, throttles, activationCodes } = services.models;
  const before = (d: Date) => trusted({ $lt: d });
  const windowStart = new Date(now.getTime() - services.config.LOGIN_LOCK_MINUTES * 60_000);
  const [refresh, idem, throttle, codes, families] = await Promise.all([
    refreshTokens.deleteMany({ expiresAt: before(now) }),
    idempotency.deleteMany({ createdAt: before(new Date(now.getTime() - IDEMPOTENCY_KEEP_HOURS * 3_600_000)) }),
    throttles.deleteMany({
      windowStart: before(windowStart),
      $or: [{ lockedUntil: trusted({ $exists: false }) }, { lockedUntil: before(now) }],
    }),
    activationCodes.deleteMany({ expiresAt: before(now) }),
    revokedFamilies.deleteMany({ expiresAt: before(now) }),
  ]);
  return {
    refreshTokens: refresh.deletedCount,
    idempotency: idem.deletedCount,
    throttles: throttle.deletedCount,
    activationCodes: codes.deletedCount,
    revokedFamilies: families.deletedCount,
  };
}

/** Prunes now and then every hour until stopped; failures are logged, never fatal. */
export function schedulePruning(services: RetentionDeps & { log: Logger }): () => void {
  const run = () =>
    pruneExpired(services).then(
      (deleted) => services.log.info({ deleted }, 'pruned expired tokens, keys and throttles'),
      (err: Error) => services.log.error({ errorName: err.name }, 'pruning failed'),
    );
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
