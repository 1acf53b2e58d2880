import type { Collection, Document, Filter } from 'mongodb';

export interface PageRequest {
  limit: number;
  /** The `_id` of the last item of the previous page, as the previous answer gave it. */
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** The `_id` to continue after; null on the last page. */
  last: string | null;
}

/**
 * One page of a collection in `_id` order (ascending, or descending for newest-first lists whose
 * `_id`s sort by time): equality filters plus a range on `_id`, so each page costs one index range.
 */
export async function pageById<T extends { _id: string }>(
  collection: Collection<T>,
  filter: Filter<T>,
  page: PageRequest,
  direction: 1 | -1 = 1,
): Promise<Page<T>> {
  const range = page.after === undefined ? {} : { _id: { [direction === 1 ? '$gt' : '$lt']: page.after } };
  const query = { ...filter, ...range } as Filter<T>;
  const rows = (await collection
    .find(query)
    .sort({ _id: direction })
    .limit(page.limit + 1)
    .toArray()) as T[];
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, last: rows.length > page.limit && last ? last._id : null };
}

export type { Document };
