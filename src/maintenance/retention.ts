import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { trusted } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { JobTurns } from '../db/schedule';

/** A collection whose expired documents are deleted (a mongoose model). */
interface Expiring {
  find(filter: object, projection: { _id: 1 }): { limit(n: number): { lean(): PromiseLike<{ _id: unknown }[]> } };
  deleteMany(filter: object): PromiseLike<{ deletedCount: number }>;
}

/**
 * How many documents one deletion names. FerretDB deletes a filter's matches by listing them in
 * one SQL statement, which fails past SQLite's 32,766 bound parameters: a backlog larger than
 * that (a day of idempotency answers, the job stopped a while) would never be pruned.
 */
const DELETE_BATCH = 5000;

/** Deletes every document matching, a batch of `_id`s at a time; the number deleted. */
async function deleteAll(model: Expiring, filter: object): Promise<number> {
  let deleted = 0;
  for (;;) {
    const ids = (await model.find(filter, { _id: 1 }).limit(DELETE_BATCH).lean()).map((d) => d._id);
    const removed = ids.length > 0 ? (await model.deleteMany({ _id: trusted({ $in: ids }) })).deletedCount : 0;
    deleted += removed;
    // A full batch of which nothing could be deleted would come back the same: stop, not loop.
    if (ids.length < DELETE_BATCH || removed === 0) return deleted;
  }
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
    deleteAll(refreshTokens, { expiresAt: before(now) }),
    deleteAll(idempotency, { createdAt: before(new Date(now.getTime() - IDEMPOTENCY_KEEP_HOURS * 3_600_000)) }),
    deleteAll(throttles, {
      windowStart: before(windowStart),
      $or: [{ lockedUntil: trusted({ $exists: false }) }, { lockedUntil: before(now) }],
    }),
    deleteAll(activationCodes, { expiresAt: before(now) }),
    deleteAll(revokedFamilies, { expiresAt: before(now) }),
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
