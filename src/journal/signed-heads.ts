import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '../db/errors';
import type { HeadKeys } from './head-keys';
import { signHead, type SignedHead } from './head-signature';
import { entryId } from './types';

type SignedHeadDoc = SignedHead & { _id: string };

/**
 * The signed heads this service made, one per signed seq (`_id` the padded seq). They are kept in
 * the database for convenience only: each is checked with the public key, and an auditor's own
 * copies (fetched from `GET /v1/audit/heads`) are what survives someone rewriting the database.
 */
export class SignedHeads {
  readonly collection: Collection<SignedHeadDoc>;
  private lastSigned = 0;

  constructor(
    db: Db,
    readonly keys: HeadKeys,
    private readonly log?: { info(obj: object, msg: string): void },
  ) {
    this.collection = db.collection<SignedHeadDoc>('journal_heads');
  }

  /** Signs this head unless it is signed already (by this or another process); logs it, so the log holds a copy too. */
  async sign(head: { seq: number; hash: string }): Promise<SignedHead | undefined> {
    if (!this.keys.signer || head.seq <= this.lastSigned) return undefined;
    const signed = signHead(head, this.keys.signer);
    try {
      await this.collection.insertOne({ _id: entryId(signed.seq), ...signed });
    } catch (err) {
      // The same seq signed before: the first signature stays (both would say the same).
      if (!isDuplicateKey(err)) throw err;
      this.lastSigned = Math.max(this.lastSigned, head.seq);
      return undefined;
    }
    this.lastSigned = Math.max(this.lastSigned, head.seq);
    this.log?.info({ ...signed }, 'journal head signed');
    return signed;
  }

  /** Signed heads after a seq, oldest first; `next` is the `after` of the next page, null on the last. */
  async page(after: number, limit: number): Promise<{ items: SignedHead[]; next: number | null }> {
    const rows = await this.collection
      .find({ _id: { $gt: entryId(after) } })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .toArray();
    const items = rows.slice(0, limit).map(present);
    const last = items.at(-1);
    return { items, next: rows.length > limit && last ? last.seq : null };
  }

  /** Every signed head held, for verification. */
  async all(): Promise<SignedHead[]> {
    return (await this.collection.find({}).sort({ _id: 1 }).toArray()).map(present);
  }
}

function present(d: SignedHeadDoc): SignedHead {
  return { seq: d.seq, hash: d.hash, at: d.at, signature: d.signature, kid: d.kid };
}

/**
 * Signs the newest head every `seconds` (when it moved) until stopped; stopping signs once more,
 * so the last head before a shutdown is signed too. Failures are logged, never fatal.
 */
export function scheduleHeadSigning(
  journal: { signHead(): Promise<SignedHead | undefined> },
  seconds: number,
  log: { error(obj: object, msg: string): void },
): () => Promise<void> {
  const run = () =>
    journal
      .signHead()
      .then(undefined, (err: Error) => log.error({ errorName: err.name }, 'journal head signing failed'));
  const timer = setInterval(() => void run(), seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await run();
  };
}
