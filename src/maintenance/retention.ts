import { randomBytes } from 'node:crypto';
import type { Collection, Db, Document } from 'mongodb';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { JobTurns } from '../db/schedule';
import { deleteMatching } from '../db/store';

/** A collection whose expired documents are deleted (a mongoose model's, in batches: deleteMatching). */
interface Expiring {
  collection: Collection<Document>;
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
  const before = (d: Date) => ({ $lt: d });
  const windowStart = new Date(now.getTime() - services.config.LOGIN_LOCK_MINUTES * 60_000);
  const [refresh, idem, throttle, codes, families] = await Promise.all([
    deleteMatching(refreshTokens.collection, { expiresAt: before(now) }),
    deleteMatching(idempotency.collection, {
      createdAt: before(new Date(now.getTime() - IDEMPOTENCY_KEEP_HOURS * 3_600_000)),
    }),
    deleteMatching(throttles.collection, {
      windowStart: before(windowStart),
      $or: [{ lockedUntil: { $exists: false } }, { lockedUntil: before(now) }],
    }),
    deleteMatching(activationCodes.collection, { expiresAt: before(now) }),
    deleteMatching(revokedFamilies.collection, { expiresAt: before(now) }),
  ]);
  return {
    refreshTokens: refresh,
    idempotency: idem,
    throttles: throttle,
    activationCodes: codes,
    revokedFamilies: families,
  };
}

/**
 * Prunes now and then every RETENTION_EVERY_SECONDS until stopped, once a period across all the
 * instances on the database (each asks for the turn; one gets it). Each run is recorded in
 * `job_runs` with what it deleted. Failures are logged, never fatal.
 */
export function schedulePruning(
  services: RetentionDeps & { log: Logger; db: Db; config: Pick<Config, 'RETENTION_EVERY_SECONDS'> },
): () => void {
  const turns = new JobTurns(services.db);
  const owner = randomBytes(8).toString('hex');
  const everyMs = services.config.RETENTION_EVERY_SECONDS * 1000;
  const run = async () => {
    try {
      const startedAt = new Date();
      if (!(await turns.take('retention', owner, everyMs, startedAt))) return;
      const deleted = await pruneExpired(services);
      await turns.recordRun({ job: 'retention', owner, startedAt, result: deleted });
      services.log.info({ deleted }, 'pruned expired tokens, keys and throttles');
    } catch (err) {
      services.log.error({ errorName: (err as Error).name }, 'pruning failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
