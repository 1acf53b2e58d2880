import type { Collection, Db, Document, Filter, IndexSpecification, UpdateFilter } from 'mongodb';
import { isDuplicateKey } from './errors';
import { pageById, type Page, type PageRequest } from './page';

/** A read-model document: keyed by its natural id, stamped with the seq of the last entry applied. */
/** Ids deleted per statement: well under SQLite's bound-parameter limit. */
const DELETE_BATCH = 5000;

/**
 * Deletes every document matching, `DELETE_BATCH` `_id`s at a time; the number deleted. Not one
 * `deleteMany(filter)`: FerretDB deletes a filter's matches by listing them in one SQL statement,
 * which fails past SQLite's 32,766 bound parameters, so a large match would never be deleted.
 */
export async function deleteMatching<T extends Document>(
  collection: Collection<T>,
  filter: Filter<T>,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const ids = (
      await collection
        .find(filter, { projection: { _id: 1 } })
        .limit(DELETE_BATCH)
        .toArray()
    ).map((doc) => doc._id);
    const removed = ids.length > 0 ? (await collection.deleteMany({ _id: { $in: ids } } as Filter<T>)).deletedCount : 0;
    deleted += removed;
    // A full batch of which nothing could be deleted would come back the same: stop, not loop.
    if (ids.length < DELETE_BATCH || removed === 0) return deleted;
  }
}

export interface ProjectionDoc {
  _id: string;
  seq: number;
}

type NumericKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never }[keyof T];
type ArrayKeys<T> = { [K in keyof T]: T[K] extends readonly unknown[] ? K : never }[keyof T];

/** An index of a projection collection, with the query it serves. */
export interface IndexDeclaration {
  key: IndexSpecification;
  unique?: boolean;
  serves: string;
}

/** A change of one projection document by one journal entry. */
export interface ProjectionChange<T> {
  set?: Partial<Omit<T, '_id' | 'seq'>>;
  inc?: Partial<Record<NumericKeys<T>, number>>;
  addToSet?: Partial<{ [K in ArrayKeys<T>]: T[K] extends readonly (infer E)[] ? E : never }>;
}

/**
 * The typed store of one projection collection, the only code that talks to the driver for it.
 */
export class ProjectionStore<T extends ProjectionDoc> {
  readonly collection: Collection<T>;

  constructor(
    private readonly db: Db,
    name: string,
    private readonly indexes: readonly IndexDeclaration[] = [],
  ) {
    this.collection = db.collection<T>(name);
  }

  /** Creates the indexes; a unique index that does not exist yet protects nothing, so call before serving. */
  async init(): Promise<void> {
    for (const index of this.indexes) await this.collection.createIndex(index.key, { unique: index.unique ?? false });
  }

  get(id: string): Promise<T | null> {
    return this.collection.findOne(this.byId(id)) as Promise<T | null>;
  }

  /** Some fields of a document: less to decode and send on a hot path. */
  pick<K extends keyof T>(id: string, fields: readonly K[]): Promise<Pick<T, K | '_id'> | null> {
    return this.collection.findOne(this.byId(id), {
      projection: Object.fromEntries(fields.map((f) => [f, 1])),
    }) as Promise<Pick<T, K | '_id'> | null>;
  }

  /** Some fields of the documents of these ids that exist. */
  async pickExisting<K extends keyof T>(ids: string[], fields: readonly K[]): Promise<Pick<T, K | '_id'>[]> {
    if (ids.length === 0) return [];
    const projection = Object.fromEntries(fields.map((f) => [f, 1]));
    return (await this.collection.find({ _id: { $in: ids } } as Filter<T>, { projection }).toArray()) as Pick<
      T,
      K | '_id'
    >[];
  }

  /**
   * How many documents match, counted up to `limit`: the `count` command, which MongoDB answers
   * from an index and our FerretDB patch from SQLite's (docs/operations.md) when the filter is an
   * equality or an anchored prefix on indexed fields; `countDocuments` is an aggregation, which
   * FerretDB answers by reading every matching document.
   */
  async countUpTo(filter: Filter<T>, limit: number): Promise<number> {
    const answer = await this.db.command({ count: this.collection.collectionName, query: filter, limit });
    return Number(answer.n);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.collection.countDocuments(this.byId(id), { limit: 1 })) > 0;
  }

  /** Inserts a document built from an entry; applying that entry again changes nothing. */
  async insertOnce(doc: T): Promise<void> {
    try {
      await this.collection.insertOne(doc as Parameters<Collection<T>['insertOne']>[0]);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** Inserts many documents built from one entry; those already there (a replay) are left as they are. */
  async insertManyOnce(docs: T[]): Promise<void> {
    if (docs.length === 0) return;
    try {
      await this.collection.insertMany(
        docs.map((d) => d as Parameters<Collection<T>['insertOne']>[0]),
        { ordered: false },
      );
    } catch (err) {
      const writeErrors = (err as { writeErrors?: unknown }).writeErrors;
      const errors: unknown[] = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [err];
      if (!errors.every(isDuplicateKey)) throw err;
    }
  }

  /** The documents of these ids that exist (one index lookup for the lot). */
  async existing(ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    return (await this.collection.find({ _id: { $in: ids } } as Filter<T>).toArray()) as T[];
  }

  /**
   * Applies an entry's change to one document at most once, never over a later entry's: the
   * document's `seq` must be below the entry's.
   *
   * One conditional update, `{_id, seq: {$lt: seq}}`, atomic on every engine we run on (on the
   * embedded FerretDB thanks to our patch, which also answers it from the `_id` index), so two
   * processes applying the same entry at once apply it once.
   */
  async applyOnce(id: string, seq: number, change: ProjectionChange<T>): Promise<void> {
    const update = {
      $set: { ...change.set, seq },
      ...(change.inc ? { $inc: change.inc } : {}),
      ...(change.addToSet ? { $addToSet: change.addToSet } : {}),
    } as UpdateFilter<T>;
    await this.collection.updateOne({ ...this.byId(id), seq: { $lt: seq } }, update);
  }

  /**
   * Sets fields (dotted paths allowed) that are a pure function of other projections, such as a
   * person's marital status. No seq guard: applying it again gives the same, so it is idempotent,
   * provided the caller writes only what differs (then `inc`, a version, counts real changes only).
   */
  async setDerived(
    id: string,
    set: Record<string, unknown>,
    unset: string[] = [],
    inc?: Partial<Record<NumericKeys<T>, number>>,
  ): Promise<void> {
    const update = {
      ...(Object.keys(set).length > 0 ? { $set: set } : {}),
      ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((k) => [k, ''])) } : {}),
      ...(inc ? { $inc: inc } : {}),
    } as UpdateFilter<T>;
    if (Object.keys(update).length > 0) await this.collection.updateOne(this.byId(id), update);
  }

  /**
   * Adds to counters (dotted paths) of one document at most once per entry, creating it when
   * missing: an upsert under `seq < entry`. When the entry was applied already, the filter misses
   * and the upsert's insert hits the existing `_id`: a duplicate key, which means done.
   */
  async incrementOnce(id: string, seq: number, inc: Record<string, number>, onInsert: Partial<T> = {}): Promise<void> {
    const update = {
      $inc: inc,
      $set: { seq },
      ...(Object.keys(onInsert).length > 0 ? { $setOnInsert: onInsert } : {}),
    } as UpdateFilter<T>;
    try {
      await this.collection.updateOne({ ...this.byId(id), seq: { $lt: seq } }, update, { upsert: true });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** One page in `_id` order under equality filters. */
  page(filter: Filter<T>, page: PageRequest, direction: 1 | -1 = 1): Promise<Page<T>> {
    return pageById(this.collection, filter, page, direction);
  }

  /** Every document matching, in `_id` order: only for small sets (a person's records). */
  list(filter: Filter<T>): Promise<T[]> {
    return this.collection.find(filter).sort({ _id: 1 }).toArray() as Promise<T[]>;
  }

  /** Deletes these documents (a change of a derived index such as name tokens). */
  async removeIds(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.collection.deleteMany({ _id: { $in: ids } } as Filter<T>);
  }

  /**
   * Throws every document away (a rebuild replays them from the journal), keeping the collection
   * and its indexes. Deleted in batches of ids (`deleteMatching`), not dropped: FerretDB on SQLite
   * was seen to answer "index … already exists" when the indexes of a collection dropped a moment
   * before were created again (CI, stop 23), and a collection without its unique indexes protects
   * nothing.
   */
  async clear(): Promise<void> {
    await deleteMatching(this.collection, {});
  }

  private byId(id: string): Filter<T> {
    return { _id: id } as Filter<T>;
  }
}
