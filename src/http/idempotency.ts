import { isDuplicateKey } from '../db/errors';
import { canonicalJson, sha256Hex } from '../journal/hash';
import type { Services } from '../services';
import { Problem, badRequest, conflict, unprocessable } from './problem';
import type { Reply } from './route';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Runs a POST at most once per (caller, route, Idempotency-Key): a retry with the same body gets
 * the first answer again, the same key with another body is 422, a retry while the first is still
 * running is 409. Answers of 5xx and 429 are not kept, so those can be retried.
 */
export async function onceOnly(
  services: Pick<Services, 'models' | 'config'>,
  scope: { caller: string; route: string; key: string; body: unknown },
  run: (idempotencyKey: string) => Promise<Reply>,
): Promise<Reply> {
  if (!KEY_PATTERN.test(scope.key)) throw badRequest('Idempotency-Key must be 8 to 128 characters of A-Z a-z 0-9 . _ : -');
  const { idempotency } = services.models;
  const id = sha256Hex(`${scope.caller}\n${scope.route}\n${scope.key}`);
  const requestHash = sha256Hex(canonicalJson(scope.body ?? null));
  try {
    await idempotency.create({ _id: id, requestHash, state: 'pending', createdAt: new Date() });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const first = await idempotency.findById(id).lean();
    if (!first) throw conflict('The first request with this Idempotency-Key is still being handled', 'idempotency-in-progress');
    if (first.requestHash !== requestHash) throw unprocessable('This Idempotency-Key was used with a different request body', 'idempotency-key-reused');
    if (first.state === 'done') {
      return {
        status: first.status ?? 200,
        body: JSON.parse(first.body ?? 'null'),
        headers: { ...first.headers, 'Idempotent-Replayed': 'true' },
        ...(first.named ? { named: first.named } : {}),
      };
    }
    // Pending past its lease: the process handling it died. Take it over (one conditional
    // update, so one retry wins); the command then finds its entry if it was appended.
    const stale = new Date(Date.now() - services.config.IDEMPOTENCY_LEASE_SECONDS * 1000);
    const taken =
      first.createdAt < stale
        ? await idempotency.updateOne({ _id: id, state: 'pending', createdAt: first.createdAt }, { $set: { createdAt: new Date() } })
        : null;
    if (!taken || taken.modifiedCount !== 1) {
      throw conflict('The first request with this Idempotency-Key is still being handled', 'idempotency-in-progress', { 'Retry-After': '5' });
    }
  }
  let reply: Reply;
  try {
    reply = await run(id);
  } catch (err) {
    // A 429 says "try again later" (Retry-After): kept, the same key would answer it for ever.
    if (err instanceof Problem && err.status < 500 && err.status !== 429) {
      await keep(err.status, err.toJSON(), { 'Content-Type': 'application/problem+json' });
    } else {
      await idempotency.deleteOne({ _id: id });
    }
    throw err;
  }
  await keep(reply.status, reply.body, reply.headers ?? {}, reply.named);
  return reply;

  async function keep(status: number, body: unknown, headers: Record<string, string>, named?: string[]) {
    await idempotency.updateOne({ _id: id }, { $set: { state: 'done', status, body: JSON.stringify(body ?? null), headers, ...(named ? { named } : {}) } });
  }
}
