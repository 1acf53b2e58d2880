import { Problem } from '../../http/problem';
import { sha256Hex } from '../../journal/hash';
import type { Services } from '../../services';

/**
 * Slows down and then locks repeated failures of one account and of one address. Keys are kept
 * for usernames that do not exist as well, so the answers say nothing about which exist.
 */
export class LoginThrottle {
  constructor(private readonly services: Services) {}

  static accountKey(kind: 'login' | 'activation', name: string): string {
    return `${kind === 'login' ? 'u' : 'c'}:${sha256Hex(name.trim().toLowerCase())}`;
  }

  static addressKey(ip: string | undefined): string {
    return `a:${ip ?? 'unknown'}`;
  }

  /** Refuses (429) while the account or the address is locked; waits a little after a few failures. */
  async check(accountKey: string, addressKey: string): Promise<void> {
    const docs = await Promise.all([accountKey, addressKey].map((k) => this.services.models.throttles.findById(k).lean()));
    const now = Date.now();
    const locked = docs.map((d) => d?.lockedUntil?.getTime() ?? 0).filter((t) => t > now);
    if (locked.length > 0) {
      const seconds = Math.ceil((Math.max(...locked) - now) / 1000);
      throw new Problem(429, 'Too Many Requests', `Too many failed attempts; try again in ${Math.ceil(seconds / 60)} minutes`, {
        code: 'too-many-failures',
        headers: { 'Retry-After': String(seconds) },
      });
    }
    // From half the limit on, each attempt waits one more second (at most five): slow for a
    // guesser, hardly noticed by a person.
    const failures = docs[0]?.failures ?? 0;
    const slowFrom = Math.floor(this.services.config.LOGIN_LOCK_AFTER_FAILURES / 2);
    if (failures >= slowFrom) await new Promise((r) => setTimeout(r, Math.min(5, failures - slowFrom + 1) * 1000));
  }

  async failed(accountKey: string, addressKey: string): Promise<void> {
    const { LOGIN_LOCK_AFTER_FAILURES: perAccount, LOGIN_LOCK_ADDRESS_AFTER_FAILURES: perAddress } = this.services.config;
    await Promise.all([this.count(accountKey, perAccount), this.count(addressKey, perAddress)]);
  }

  async succeeded(accountKey: string): Promise<void> {
    await this.services.models.throttles.deleteOne({ _id: accountKey });
  }

  private async count(key: string, limit: number): Promise<void> {
    const { throttles } = this.services.models;
    const windowMs = this.services.config.LOGIN_LOCK_MINUTES * 60_000;
    const now = new Date();
    const current = await throttles.findById(key).lean();
    const fresh = !current || current.windowStart.getTime() + windowMs < now.getTime();
    const doc = fresh
      ? await throttles
          .findOneAndUpdate({ _id: key }, { $set: { failures: 1, windowStart: now }, $unset: { lockedUntil: 1 } }, { upsert: true, new: true })
          .lean()
      : await throttles.findOneAndUpdate({ _id: key }, { $inc: { failures: 1 } }, { new: true }).lean();
    if (doc && doc.failures >= limit) {
      await throttles.updateOne({ _id: key }, { $set: { lockedUntil: new Date(now.getTime() + windowMs), failures: 0, windowStart: now } });
    }
  }
}
