import type { Collection, Document } from 'mongodb';
import { decodeCursor, encodeCursor } from './schemas';

/** One page of a collection in `_id` order: `{items, nextCursor}`, the cursor being the last `_id`. */
export async function pageById<T extends { _id: string }>(
  collection: Collection<Document>, filter: Record<string, unknown>, page: { limit: number; cursor?: string },
): Promise<{ items: T[]; nextCursor: string | null }> {
  const query = page.cursor ? { ...filter, _id: { $gt: decodeCursor(page.cursor) } } : filter;
  const rows = await collection.find(query).sort({ _id: 1 }).limit(page.limit + 1).toArray() as unknown as T[];
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1]._id) : null };
}
