import type { Db } from 'mongodb';
import { isDuplicateKey } from '../../db/errors';
import { Problem } from '../../http/problem';
import { secondsToNextUtcDay, utcDay } from './rules';

/**
 * How many certificates one citizen was issued on one UTC day. Each certificate is a journal
 * entry and a status-list slot for ever, so a citizen's account (or a script holding its token)
 * may not issue without end. Counted in the database, not in this process, as several instances
 * may serve the same citizen.
 */
interface QuotaDoc {
  /** `<nin>:<YYYY-MM-DD>`: one small document per citizen and day they issued on. */
  _id: string;
  day: string;
  count: number;
  /** The Idempotency-Keys (their hashes) already counted today: a replayed request counts once. */
  keys: string[];
}

export const tooManyCertificates = (limit: number, now: Date) =>
  new Problem(429, 'Too Many Requests', `A citizen may have ${limit} certificates a day; try again tomorrow (UTC)`, {
    code: 'certificate-limit',
    headers: { 'Retry-After': String(secondsToNextUtcDay(now)) },
  });

/**
 * Counts one certificate of this citizen today, or refuses it (429, Retry-After: the next UTC
 * midnight) when the day's limit is reached. One conditional `$inc` on the day's document, so
 * parallel requests cannot together pass the limit; a request carrying an Idempotency-Key that
 * was counted already (its first try died after counting) is not counted again.
 */
export async function countCitizenCertificate(
  db: Db,
  input: { nin: string; limit: number; idempotencyKey?: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const day = utcDay(now);
  const quotas = db.collection<QuotaDoc>('certificate_quotas');
  const _id = `${input.nin}:${day}`;
  // The day's document first (an upsert that two first requests may race: the loser finds it there).
  await quotas
    .updateOne({ _id }, { $setOnInsert: { day, count: 0, keys: [] } }, { upsert: true })
    .catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
  const key = input.idempotencyKey;
  const counted = await quotas.updateOne(
    { _id, count: { $lt: input.limit }, ...(key ? { keys: { $ne: key } } : {}) },
    { $inc: { count: 1 }, ...(key ? { $push: { keys: key } } : {}) },
  );
  if (counted.modifiedCount === 1) return;
  if (key && (await quotas.countDocuments({ _id, keys: key }, { limit: 1 })) > 0) return;
  throw tooManyCertificates(input.limit, now);
}
