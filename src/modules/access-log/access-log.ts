import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { pageById, type Page, type PageRequest } from '../../db/page';
import type { Actor } from '../../journal/types';

/**
 * What a sectoral system received about a person: a feed page's or webhook's event, or a
 * certificate it obtained (its kind, and the purpose it gave, as the person's consent names it).
 */
export interface Received {
  type: string;
  recordId?: string;
  kind?: string;
  purpose?: string;
}

/** One read of a person's data by someone other than the person. */
export interface AccessEntry {
  /** The time of the read, then random: `_id` order is time order, so lists page by `_id` alone. */
  _id: string;
  nin: string;
  at: Date;
  actor: { id: string; role: string; office?: string };
  route: string;
  /** What a sectoral system was sent about the person (a feed page's or a webhook's event), when the route alone does not say. */
  received?: Received;
}

const accessSchema = new Schema<AccessEntry>(
  {
    _id: String,
    nin: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    route: { type: String, required: true },
    received: { type: Schema.Types.Mixed, required: false },
  },
  { versionKey: false },
);

// Serves GET /v1/me/access-log: one person's reads, newest first.
accessSchema.index({ nin: 1, _id: -1 });

export const ACCESS_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[A-Za-z0-9_-]{8}$/;

export const accessModel = (conn: Connection): Model<AccessEntry> =>
  conn.model<AccessEntry>('Access', accessSchema, 'access_log');

const FLUSH_EVERY_MS = 200;
const FLUSH_AT = 200;

/**
 * Who read whose data, kept cheaply: reads are buffered and written in batches (one insertMany
 * every 200 ms at most), never through the hash-chained journal. A crash loses at most the last
 * fraction of a second of reads; a graceful stop flushes.
 */
export class AccessLog {
  private pending: AccessEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly collection: Collection<AccessEntry>,
    private readonly log: Logger,
  ) {}

  /** One page of the reads of a person's data, newest first. */
  readsOf(nin: string, page: PageRequest): Promise<Page<AccessEntry>> {
    return pageById(this.collection, { nin }, page, -1);
  }

  record(nins: string[], actor: Actor | undefined, route: string, received?: AccessEntry['received']): void {
    if (!actor || actor.role === 'citizen' || actor.role === 'system') return;
    const at = new Date();
    for (const nin of new Set(nins)) {
      this.pending.push({
        _id: `${at.toISOString()}_${randomBytes(6).toString('base64url')}`,
        nin,
        at,
        route,
        ...(received ? { received } : {}),
        actor: { id: actor.id, role: actor.role, ...(actor.office ? { office: actor.office } : {}) },
      });
    }
    if (this.pending.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /** Writes what is buffered; resolves when everything recorded so far is stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      this.writing = this.writing
        .then(() => this.collection.insertMany(batch, { ordered: false }))
        .then(
          () => undefined,
          (err: Error) =>
            this.log.error({ errorName: err.name, lost: batch.length }, 'could not store access log entries'),
        );
    }
    return this.writing;
  }
}
