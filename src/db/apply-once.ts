import type { Collection, Document } from 'mongodb';
import { isDuplicateKey } from './errors';

export interface EngineTraits {
  /** FerretDB 1.24 on SQLite narrows only `{_id: <string>}` filters in SQL; others read the whole collection. */
  narrowsOnlyIdFilters: boolean;
}

/** What the connected engine is good at; FerretDB tells itself apart by `ferretdbVersion` in buildInfo. */
export async function engineTraits(admin: { command(c: Document): Promise<Document> }): Promise<EngineTraits> {
  const info = await admin.command({ buildInfo: 1 });
  return { narrowsOnlyIdFilters: typeof info.ferretdbVersion === 'string' };
}

/**
 * Applies a journal entry's change to one projection document at most once, never over a later
 * entry's: the document's `seq` must be below the entry's.
 *
 * On MongoDB that is one conditional update, `{_id, seq: {$lt: seq}}`. On FerretDB/SQLite the same
 * compound filter parses every document of the collection (measured: 200 ms for 400 records), so
 * there we read by `_id`, check `seq`, and update by `_id`. Commands run one at a time per process;
 * only two processes applying the same entry at the same instant could interleave, and then they
 * write the same values.
 */
export async function applyOnce(
  collection: Collection<Document>, traits: EngineTraits, id: string, seq: number,
  update: { $set: Document; $inc?: Document; $addToSet?: Document },
): Promise<void> {
  const change = { ...update, $set: { ...update.$set, seq } };
  if (!traits.narrowsOnlyIdFilters) {
    await collection.updateOne({ _id: id as never, seq: { $lt: seq } }, change);
    return;
  }
  const current = await collection.findOne({ _id: id as never }, { projection: { seq: 1 } });
  if (!current || (current.seq as number) >= seq) return;
  await collection.updateOne({ _id: id as never }, change);
}

/** Inserts a projection document built from an entry; applying that entry again changes nothing. */
export async function insertOnce(collection: Collection<Document>, doc: Document): Promise<void> {
  try {
    await collection.insertOne(doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}
