import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '../db/errors';
import { GENESIS_HASH, entryHash } from './hash';
import type { SignedHead } from './head-signature';
import type { SignedHeads } from './signed-heads';
import {
  entryId,
  type Catalogue,
  type CommandContext,
  type EventRoles,
  type EventType,
  type EntryDraft,
  type JournalEntry,
  type Projector,
  type StoredEntry,
} from './types';

interface Head {
  seq: number;
  hash: string;
}
/** The newest entry's seq and hash, kept apart from the entries so a truncation shows. */
export interface RecordedHead {
  seq: number;
  hash: string;
}

/** What reading the journal needs, whatever the catalogue: the entries and the recorded head. */
export type JournalReader = Pick<Journal<Catalogue>, 'entries' | 'recordedHead'>;

export interface JournalOptions<C extends Catalogue> {
  /** The catalogue's roles: which types must have a projector, and which types are known at all. */
  roles: EventRoles<C>;
  log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  signing?: { heads: SignedHeads; every: number };
}

interface Checkpoint {
  _id: string;
  seq: number;
  hash?: string;
}

const CHECKPOINT_ID = 'projections';
const HEAD_ID = 'head';
/** How often the applied position is logged (it is saved after every entry). */
const CHECKPOINT_EVERY = 50;
/**
 * How long an entry another instance appended may stay unapplied before this process applies it
 * itself (its appender is then taken to have died); until then this process waits for it.
 */
const APPLY_WAIT_MS = 5_000;
const MAX_RACE_RETRIES = 20;
const GENESIS: Head = { seq: 0, hash: GENESIS_HASH };

/**
 * The append-only, hash-chained journal and the only way to change registry data.
 *
 * Commands run one at a time in this process: each decides against current projections, appends
 * one entry at head + 1, then applies it to the projections. Another process appending at the same
 * seq makes our insert fail on the unique `_id`; we then apply what it wrote and decide again, so
 * every decision is made against every entry before it.
 */
export class Journal<C extends Catalogue> {
  readonly entries: Collection<StoredEntry>;
  private readonly checkpoints: Collection<Checkpoint>;
  private readonly projectors = new Map<string, (entry: StoredEntry) => Promise<void>>();
  private readonly followers: ((entry: StoredEntry) => Promise<void>)[] = [];
  private head: Head | undefined;
  /** An entry this process appended and failed to apply: the next catch-up applies it at once. */
  private unapplied: number | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  private readonly log: JournalOptions<C>['log'];
  /** Signs the head every `every` entries (and on demand, see signHead); without it nothing is signed. */
  readonly signing: JournalOptions<C>['signing'];
  /** The role of every event type this version knows. */
  private readonly roles: EventRoles<C>;

  constructor(db: Db, options: JournalOptions<C>) {
    this.entries = db.collection<StoredEntry>('journal');
    this.checkpoints = db.collection<Checkpoint>('journal_checkpoints');
    this.roles = options.roles;
    this.log = options.log;
    this.signing = options.signing;
  }

  /** True for an event type this version of the service knows (a newer version may have written others). */
  knows(type: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.roles, type);
  }

  /** Registers the projector for an entry type (one per type). */
  on<K extends EventType<C>>(type: K, projector: Projector<C, K>): void {
    if (this.projectors.has(type)) throw new Error(`projector for ${type} registered twice`);
    // A stored entry of this type was sealed from an EntryDraft<K>: its data has K's payload type.
    this.projectors.set(type, projector as (entry: StoredEntry) => Promise<void>);
  }

  /**
   * Registers a projection that follows every projected entry, after the entry's own projector: one that
   * derives from what an entry changed (a record's work queue), whatever its type. Like a
   * projector it must be idempotent, as entries may be applied again after a crash.
   */
  afterEach(follower: (entry: StoredEntry) => Promise<void>): void {
    this.followers.push(follower);
  }

  /** Throws when an event type that changes a read model has no projector (a wiring mistake). */
  assertProjectorsComplete(): void {
    const missing = Object.entries<string>(this.roles).filter(
      ([type, role]) => role === 'projected' && !this.projectors.has(type),
    );
    if (missing.length > 0) throw new Error(`no projector for ${missing.map(([t]) => t).join(', ')}`);
  }

  /** Runs a command: `decide` validates against current state and returns the entry to append. */
  execute<K extends EventType<C>>(
    ctx: CommandContext,
    decide: () => Promise<EntryDraft<C, K>>,
  ): Promise<JournalEntry<C, K>> {
    return this.serially(() => this.executeNow(ctx, decide)) as Promise<JournalEntry<C, K>>;
  }

  /** Runs a command that may decide there is nothing to append (`null`): then nothing is, and it answers null. */
  executeUnlessNothing<K extends EventType<C>>(
    ctx: CommandContext,
    decide: () => Promise<EntryDraft<C, K> | null>,
  ): Promise<JournalEntry<C, K> | null> {
    return this.serially(() => this.executeNow(ctx, decide));
  }

  /** Applies entries not yet in the projections: after a crash, or written by another process. */
  catchUp(onApplied?: (seq: number) => void, opts: { waitForAppenders?: boolean } = {}): Promise<number> {
    return this.serially(() => this.catchUpNow(onApplied, opts.waitForAppenders ?? true));
  }

  /** Saves the applied position, so a restart replays little. */
  async flush(): Promise<void> {
    await this.serially(async () => this.head && this.saveCheckpoint(this.head));
  }

  /**
   * Signs the newest entry as the head (after catching up with other processes), unless it is
   * signed already: the timer, the heads route and shutdown call it, so the newest signed head is
   * never older than JOURNAL_SIGN_EVERY_SECONDS, nor than an auditor's last fetch.
   */
  signHead(): Promise<SignedHead | undefined> {
    return this.serially(async () => {
      if (!this.signing) return undefined;
      await this.catchUpNow();
      return this.head && this.head.seq > 0 ? this.signing.heads.sign(this.head) : undefined;
    });
  }

  /** The entry is appended and applied whatever happens here: a failed signature is logged and made up for by the next one. */
  private async signQuietly(head: Head): Promise<void> {
    try {
      await this.signing?.heads.sign(head);
    } catch (err) {
      this.log?.error({ seq: head.seq, errorName: (err as Error).name }, 'journal head signing failed');
    }
  }

  /** The seq of the newest entry this process has applied. */
  appliedSeq(): number {
    return this.head?.seq ?? 0;
  }

  /** Forgets the cached head (after a rebuild replaced the projections). */
  reset(): void {
    this.head = undefined;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async executeNow<K extends EventType<C>>(
    ctx: CommandContext,
    decide: () => Promise<EntryDraft<C, K> | null>,
  ): Promise<JournalEntry<C, K> | null> {
    for (let attempt = 0; ; attempt++) {
      if (!this.head) await this.catchUpNow();
      if (ctx.idempotencyKey) {
        // Appended already under this key (the answer was lost to a crash): that is the result.
        const done = await this.entries.findOne({ idempotencyKey: ctx.idempotencyKey });
        if (done) return done as JournalEntry<C, K>;
      }
      const head = this.head ?? GENESIS;
      const draft = await decide();
      if (draft === null) return null;
      const entry = seal(draft, ctx, head);
      try {
        await this.entries.insertOne(entry);
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= MAX_RACE_RETRIES) throw err;
        await this.catchUpNow();
        continue;
      }
      await this.recordHead(entry);
      try {
        await this.apply(entry);
      } catch (err) {
        // Never move past an entry that was not applied: the next command catches up first,
        // and fails (taking no new command) for as long as applying fails.
        this.head = undefined;
        this.unapplied = entry.seq;
        throw err;
      }
      this.head = { seq: entry.seq, hash: entry.hash };
      await this.saveCheckpoint(this.head);
      // Signed from the entry this process sealed, not from anything read back from the database.
      if (this.signing && entry.seq % this.signing.every === 0) await this.signQuietly(this.head);
      return entry;
    }
  }

  /**
   * Brings this process to the newest entry. Entries are applied one at a time and in order across
   * all the instances on the database: each saves the checkpoint after applying an entry, and
   * everything up to the checkpoint is not redone; an entry past it that was appended moments ago
   * is being applied by its appender, so this process waits for that rather than apply it beside
   * it (two processes applying one entry at once would each read the other's half-made changes).
   * An older one was left by a process that died (or failed to apply it): this process applies it.
   * A rebuild (`wait` false) runs with the instances stopped and waits for no one.
   */
  private async catchUpNow(onApplied?: (seq: number) => void, wait = true): Promise<number> {
    let head = this.head;
    let applied = 0;
    // The checkpoint is read at the start and after each wait (when others may have moved it), not
    // before every entry this process applies itself: a rebuild applies them all, one read each.
    let lookAtCheckpoint = true;
    for (;;) {
      const checkpoint: Checkpoint | null = lookAtCheckpoint
        ? await this.checkpoints.findOne({ _id: CHECKPOINT_ID })
        : null;
      if (!head || (checkpoint && checkpoint.seq > head.seq)) {
        const start: number = checkpoint?.seq ?? 0;
        const entry: StoredEntry | null = start > 0 ? await this.entries.findOne({ _id: entryId(start) }) : null;
        head = entry ? { seq: entry.seq, hash: entry.hash } : GENESIS;
      }
      const next: StoredEntry | null = await this.entries.findOne({ _id: entryId(head.seq + 1) });
      if (!next) break;
      lookAtCheckpoint = wait && next.seq !== this.unapplied && Date.now() - Date.parse(next.at) < APPLY_WAIT_MS;
      if (lookAtCheckpoint) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        continue;
      }
      await this.apply(next);
      if (next.seq === this.unapplied) this.unapplied = undefined;
      head = { seq: next.seq, hash: next.hash };
      applied++;
      onApplied?.(next.seq);
      // While others may be waiting on it, after every entry; a rebuild's long replay now and then.
      if (wait || head.seq % CHECKPOINT_EVERY === 0) await this.saveCheckpoint(head);
    }
    this.head = head;
    if (applied > 0 && !wait) await this.saveCheckpoint(head);
    return applied;
  }

  /** Entries of audit-only types, and of types a newer version wrote, change no read model. */
  private async apply(entry: StoredEntry): Promise<void> {
    const projector = this.projectors.get(entry.type);
    if (!projector) return;
    await projector(entry);
    for (const follower of this.followers) await follower(entry);
  }

  private async saveCheckpoint(head: Head): Promise<void> {
    try {
      await this.checkpoints.updateOne({ _id: CHECKPOINT_ID }, { $max: { seq: head.seq } }, { upsert: true });
    } catch (err) {
      // Another process made the checkpoint first: now it exists, $max keeps the later of the two.
      if (!isDuplicateKey(err)) throw err;
      await this.checkpoints.updateOne({ _id: CHECKPOINT_ID }, { $max: { seq: head.seq } });
    }
    // Logged with its hash now and then: a log kept elsewhere lets an auditor see a journal cut short.
    if (head.seq % CHECKPOINT_EVERY === 0) this.log?.info({ seq: head.seq, hash: head.hash }, 'journal checkpoint');
  }

  /** The newest entry's seq and hash as last recorded, for verification to compare with. */
  async recordedHead(): Promise<RecordedHead | null> {
    const doc = await this.checkpoints.findOne({ _id: HEAD_ID });
    return doc ? { seq: doc.seq, hash: doc.hash ?? '' } : null;
  }

  /** Records the newest entry (one conditional write: a later one recorded by another process stays). */
  private async recordHead(entry: { seq: number; hash: string }): Promise<void> {
    try {
      await this.checkpoints.updateOne(
        { _id: HEAD_ID, seq: { $lt: entry.seq } },
        { $set: { seq: entry.seq, hash: entry.hash } },
        { upsert: true },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // a later head is recorded already
    }
  }
}

function seal<C extends Catalogue, K extends EventType<C>>(
  draft: EntryDraft<C, K>,
  ctx: CommandContext,
  head: Head,
): JournalEntry<C, K> {
  const seq = head.seq + 1;
  const body = {
    seq,
    at: new Date().toISOString(),
    actor: ctx.actor,
    requestId: ctx.requestId,
    ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
    type: draft.type,
    entityIds: draft.entityIds,
    data: draft.data,
    ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
    prevHash: head.hash,
  };
  return { _id: entryId(seq), ...body, hash: entryHash(body, head.hash) };
}
