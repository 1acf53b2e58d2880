import type { Collection, Filter } from 'mongodb';
import { presentEntry } from '../../journal/presenter';
import { entryId, type StoredEntry } from '../../journal/types';

export interface AuditPage {
  items: ReturnType<typeof presentEntry>[];
  /** The `after` of the next page; null on the last. */
  next: number | null;
}

/**
 * One page of journal entries after a seq, oldest first: at most `limit` entries and, past the
 * first, no more than `maxBytes` of JSON. A batch entry (a thousand people imported) weighs
 * hundreds of kB, so a page of them stops early and says where to go on (`next`); entries are
 * never cut or summarised, so an auditor can recompute each one's hash from the page.
 * Read through a cursor in small batches, so a page stopped early never loads the entries after it.
 */
export async function auditPage(
  entries: Collection<StoredEntry>,
  filter: Filter<StoredEntry>,
  page: { after: number; limit: number; maxBytes: number },
): Promise<AuditPage> {
  const cursor = entries
    .find({ ...filter, _id: { $gt: entryId(page.after) } })
    .sort({ _id: 1 })
    .limit(page.limit + 1)
    .batchSize(Math.min(page.limit + 1, 50));
  const items: AuditPage['items'] = [];
  let bytes = 0;
  let more = false;
  try {
    for await (const entry of cursor) {
      const item = presentEntry(entry);
      const size = Buffer.byteLength(JSON.stringify(item));
      if (items.length === page.limit || (items.length > 0 && bytes + size > page.maxBytes)) {
        more = true;
        break;
      }
      items.push(item);
      bytes += size;
    }
  } finally {
    await cursor.close();
  }
  const last = items.at(-1);
  return { items, next: more && last ? last.seq : null };
}
