import { isDuplicateKey } from '../db/errors';
import { canonicalJson, sha256Hex } from '../journal/hash';
import type { Config } from '../config';
import type { IdempotencyModel } from './idempotency-model';
import { Problem, badRequest, conflict, unprocessable } from './problem';
import type { Reply } from './route';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Runs a POST at most once per (caller, route, Idempotency-Key): a retry with the same body gets
 * the first answer again, the same key with another body is 422, a retry while the first is still
 * running is 409. Answers of 5xx and 429 are not kept, so those can be retried.
 */
/** The answers kept, their lease, and the keyed hash of a request body. */
export interface IdempotencyDeps {
  models: { idempotency: IdempotencyModel };
  config: Pick<Config, 'IDEMPOTENCY_LEASE_SECONDS'>;
  tokens: { fingerprint(text: string): string };
}

export async function onceOnly(
  deps: IdempotencyDeps,
  scope: { caller: string; route: string; key: string; body: unknown; secretFields: readonly string[] },
  run: (idempotencyKey: string) => Promise<Reply>,
): Promise<Reply> {
  if (!KEY_PATTERN.test(scope.key))
    throw badRequest('Idempotency-Key must be 8 to 128 characters of A-Z a-z 0-9 . _ : -');
  const { idempotency } = deps.models;
  const id = sha256Hex(`${scope.caller}\n${scope.route}\n${scope.key}`);
  const requestHash = deps.tokens.fingerprint(canonicalJson(scope.body ?? null));
  try {
    await idempotency.create({ _id: id, requestHash, state: 'pending', createdAt: new Date() });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const first = await idempotency.findById(id).lean();
    if (!first)
      throw conflict('The first request with this Idempotency-Key is still being handled', 'idempotency-in-progress');
    if (first.requestHash !== requestHash)
      throw unprocessable('This Idempotency-Key was used with a different request body', 'idempotency-key-reused');
    if (first.state === 'done') {
      if (first.secretWithheld)
        throw secretNotReplayed(first.status ?? 200, scope.secretFields, JSON.parse(first.body ?? 'null'));
      return {
        status: first.status ?? 200,
        body: JSON.parse(first.body ?? 'null'),
        headers: { ...first.headers, 'Idempotent-Replayed': 'true' },
        ...(first.named ? { named: first.named } : {}),
      };
    }
    // Pending past its lease: the process handling it died. Take it over (one conditional
    // update, so one retry wins); the command then finds its entry if it was appended.
    const stale = new Date(Date.now() - deps.config.IDEMPOTENCY_LEASE_SECONDS * 1000);
    const taken =
      first.createdAt < stale
        ? await idempotency.updateOne(
            { _id: id, state: 'pending', createdAt: first.createdAt },
            { $set: { createdAt: new Date() } },
          )
        : null;
    if (!taken || taken.modifiedCount !== 1) {
      // Retry-After is when the lease runs out: a client that waits that long may take it over
      // (a fixed few seconds made a key look stuck for the rest of a longer lease).
      const leaseEnds = first.createdAt.getTime() + deps.config.IDEMPOTENCY_LEASE_SECONDS * 1000;
      const wait = Math.max(1, Math.ceil((leaseEnds - Date.now()) / 1000));
      throw conflict('The first request with this Idempotency-Key is still being handled', 'idempotency-in-progress', {
        'Retry-After': String(wait),
      });
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
    const secret = status < 300 && scope.secretFields.length > 0;
    const kept = secret ? withoutFields(body, scope.secretFields) : body;
    await idempotency.updateOne(
      { _id: id },
      {
        $set: {
          state: 'done',
          status,
          body: JSON.stringify(kept ?? null),
          headers,
          ...(secret ? { secretWithheld: true } : {}),
          ...(named ? { named } : {}),
        },
      },
    );
  }
}

/** The answer without its credentials: what is kept of an answer that showed a secret once. */
function withoutFields(body: unknown, fields: readonly string[]): unknown {
  if (typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !fields.includes(k)));
}

/**
 * A retry of a request whose answer held a secret: the change was made once and is not made
 * again, but the secret is not kept to be shown twice; the answer names what was made.
 */
function secretNotReplayed(status: number, fields: readonly string[], kept: unknown): Problem {
  const made = JSON.stringify(kept);
  return new Problem(
    409,
    'Conflict',
    `The first request with this Idempotency-Key succeeded (${status}: ${made}); its ${fields.join(', ')} was shown once and is not kept, so it cannot be shown again. Rotate or issue a new one if it was lost.`,
    { code: 'idempotent-secret-withheld' },
  );
}
