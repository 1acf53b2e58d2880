import { isDuplicateKey } from '../../db/errors';
import { Problem } from '../../http/problem';
import { sha256Hex } from '../../journal/hash';
import type { Model } from 'mongoose';
import type { Config } from '../../config';
import type { Metrics } from '../../http/metrics';
import type { Throttle } from './throttle-model';

/**
 * Slows down and then locks repeated failures of one account and of one address. Keys are kept
 * for usernames that do not exist as well, so the answers say nothing about which exist.
 *
 * Every count is one atomic `$inc`, never a read and then a write, so no concurrency loses one.
 * An account's attempt is counted before its password is checked: 30 parallel guesses get the
 * limit's worth of checks and 429 for the rest. An address counts failures only (an office's
 * staff share one address and sign in all day).
 */
export interface LoginThrottleDeps {
  config: Config;
  models: { throttles: Model<Throttle> };
  metrics: Pick<Metrics, 'loginFailures' | 'loginLocks'>;
}

export class LoginThrottle {
  constructor(private readonly deps: LoginThrottleDeps) {}

  static accountKey(kind: 'login' | 'activation', name: string): string {
    return `${kind === 'login' ? 'u' : 'c'}:${sha256Hex(name.trim().toLowerCase())}`;
  }

  static addressKey(ip: string | undefined): string {
    return `a:${ip ?? 'unknown'}`;
  }

  /**
   * Counts an attempt on the account and refuses it (429) when the account or the address is
   * locked, or the attempt is past the limit; waits a little after a few failures.
   */
  async begin(accountKey: string, addressKey: string): Promise<void> {
    const { LOGIN_LOCK_AFTER_FAILURES: limit } = this.deps.config;
    const [account, address] = await Promise.all([
      this.count(accountKey, limit),
      this.deps.models.throttles.findById(addressKey).lean<Throttle>(),
    ]);
    const now = Date.now();
    const locked = [account.lockedUntil, address?.lockedUntil].map((d) => d?.getTime() ?? 0).filter((t) => t > now);
    if (locked.length > 0) {
      const seconds = Math.ceil((Math.max(...locked) - now) / 1000);
      throw new Problem(
        429,
        'Too Many Requests',
        `Too many failed attempts; try again in ${Math.ceil(seconds / 60)} minutes`,
        {
          code: 'too-many-failures',
          headers: { 'Retry-After': String(seconds) },
        },
      );
    }
    // From half the limit on, each attempt waits one more second (at most five): slow for a
    // guesser, hardly noticed by a person.
    const slowFrom = Math.floor(limit / 2);
    if (account.failures > slowFrom)
      await new Promise((r) => setTimeout(r, Math.min(5, account.failures - slowFrom) * 1000));
  }

  /** A failed attempt: the account's was counted by begin; the address's is counted now. */
  async failed(addressKey: string): Promise<void> {
    this.deps.metrics.loginFailures.inc();
    await this.count(addressKey, this.deps.config.LOGIN_LOCK_ADDRESS_AFTER_FAILURES);
  }

  async succeeded(accountKey: string): Promise<void> {
    await this.deps.models.throttles.deleteOne({ _id: accountKey });
  }

  /** One more on this key, atomically; locks the key when the count reaches the limit. */
  private async count(key: string, limit: number): Promise<Pick<Throttle, 'failures' | 'lockedUntil'>> {
    const { throttles } = this.deps.models;
    const windowMs = this.deps.config.LOGIN_LOCK_MINUTES * 60_000;
    const now = new Date();
    const increment = () =>
      throttles
        .findOneAndUpdate(
          { _id: key },
          { $inc: { failures: 1 }, $setOnInsert: { windowStart: now } },
          { upsert: true, new: true },
        )
        .lean<Throttle>();
    // Two first attempts can both insert on an engine that does not retry upserts: one retry.
    const doc = await increment().catch((err: unknown) => {
      if (isDuplicateKey(err)) return increment();
      throw err;
    });
    if (!doc) throw new Error(`throttle ${key} was not counted`);
    if (doc.windowStart.getTime() + windowMs < now.getTime() && !(doc.lockedUntil && doc.lockedUntil > now)) {
      // The window is over: start a new one with this attempt (a conditional update, so of two
      // attempts racing here one restarts it and the other counts in it).
      await throttles.updateOne(
        { _id: key, windowStart: doc.windowStart },
        { $set: { failures: 1, windowStart: now }, $unset: { lockedUntil: 1 } },
      );
      return { failures: 1 };
    }
    if (doc.failures >= limit && !(doc.lockedUntil && doc.lockedUntil > now)) {
      const lockedUntil = new Date(now.getTime() + windowMs);
      await throttles.updateOne({ _id: key }, { $set: { lockedUntil } });
      this.deps.metrics.loginLocks.inc();
      // The attempt that reaches the limit is still checked; those after it are refused.
      return { failures: doc.failures, ...(doc.failures > limit ? { lockedUntil } : {}) };
    }
    return doc;
  }
}
