import type { Collection } from 'mongodb';
import { isDuplicateKey } from '../../db/errors';
import { Problem } from '../../http/problem';
import type { Db } from 'mongodb';
import type { Config } from '../../config';

/** One client's identity verifications in the current minute: one document per client. */
interface Quota {
  _id: string;
  windowStart: Date;
  items: number;
}

const WINDOW_MS = 60_000;

const tooMany = (detail: string, headers: Record<string, string>) =>
  new Problem(429, 'Too Many Requests', detail, { code: 'rate-limited', headers });

/**
 * Spends `items` of the client's RATE_LIMIT_IDENTITY_PER_MINUTE verifications (a batch counts
 * its items, not one request), or refuses with 429 and Retry-After. Counted in the database,
 * so that every instance of the service shares one budget per client; each step is one atomic
 * update, never a read and then a write. A refused request spends nothing. Answers the
 * RateLimit headers (IETF draft 7, as the per-request limiter sends them) to put on the reply.
 */
export async function spendVerifications(
  deps: { db: Db; config: Pick<Config, 'RATE_LIMIT_IDENTITY_PER_MINUTE'> },
  clientId: string,
  items: number,
): Promise<Record<string, string>> {
  const limit = deps.config.RATE_LIMIT_IDENTITY_PER_MINUTE;
  const policy = { 'RateLimit-Policy': `${limit};w=${WINDOW_MS / 1000}` };
  if (items > limit) {
    throw tooMany(
      `A batch of ${items} items is more than the ${limit} verifications a minute this client may make; send smaller batches`,
      {
        ...policy,
        'Retry-After': String(WINDOW_MS / 1000),
      },
    );
  }
  const quotas = deps.db.collection<Quota>('identity_quota');
  const now = new Date();
  let quota = await add(quotas, clientId, items, now);
  if (quota.windowStart.getTime() + WINDOW_MS <= now.getTime()) {
    // The minute is over: start a new one with these items. Conditional, so of two requests
    // racing here one restarts it; the other's items went to the old minute, so it counts again.
    const restarted = await quotas.updateOne(
      { _id: clientId, windowStart: quota.windowStart },
      { $set: { windowStart: now, items } },
    );
    quota =
      restarted.modifiedCount === 1
        ? { _id: clientId, windowStart: now, items }
        : await add(quotas, clientId, items, now);
  }
  const reset = Math.max(1, Math.ceil((quota.windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  if (quota.items > limit) {
    await quotas.updateOne({ _id: clientId, windowStart: quota.windowStart }, { $inc: { items: -items } });
    throw tooMany(`More than ${limit} identity verifications a minute (a batch counts each item); slow down`, {
      ...policy,
      RateLimit: `limit=${limit}, remaining=0, reset=${reset}`,
      'Retry-After': String(reset),
    });
  }
  return { ...policy, RateLimit: `limit=${limit}, remaining=${limit - quota.items}, reset=${reset}` };
}

async function add(quotas: Collection<Quota>, clientId: string, items: number, now: Date): Promise<Quota> {
  const inc = () =>
    quotas.findOneAndUpdate(
      { _id: clientId },
      { $inc: { items }, $setOnInsert: { windowStart: now } },
      { upsert: true, returnDocument: 'after' },
    );
  // Two first requests can both insert on an engine that does not retry upserts: one retry.
  const quota = await inc().catch((err: unknown) => {
    if (isDuplicateKey(err)) return inc();
    throw err;
  });
  if (!quota) throw new Error('the identity verification quota was not counted');
  return quota;
}
