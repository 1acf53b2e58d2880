import type { JournalReader } from '../../journal/journal';
import { entryId } from '../../journal/types';

/**
 * The journal's events a sectoral system may follow: each kind's registration (its contract's
 * `feed`) and the corrections and voidings of records, assembled at the composition root.
 */
export type FeedTypes = readonly [string, ...string[]];

export interface FeedEvent {
  seq: number;
  type: string;
  at: string;
  recordId: string;
  /** The person the event is about (the child, the deceased, the first party); absent when none is registered. */
  nin?: string;
}

/** How many journal entries one step reads by `_id`: dense seqs make it an index lookup on every engine. */
const WINDOW = 500;

/**
 * Events after `after`, in journal order, at most `limit`, and the seq to ask after next time.
 * The journal's seqs are dense and an entry exists only once every earlier one does (each append
 * takes head + 1), so reading a window of seqs never skips one that appears later. Only the
 * five fields of each event leave; entries are read with a projection, never whole.
 */
export async function readFeed(
  journal: JournalReader,
  after: number,
  limit: number,
  types: readonly string[],
): Promise<{ events: FeedEvent[]; next: number }> {
  const head = (await journal.recordedHead())?.seq ?? 0;
  const events: FeedEvent[] = [];
  let next = after;
  while (events.length < limit && next < head) {
    const ids = Array.from({ length: Math.min(WINDOW, head - next) }, (_, i) => entryId(next + 1 + i));
    const entries = await journal.entries
      .find({ _id: { $in: ids } }, { projection: { seq: 1, type: 1, at: 1, entityIds: 1, 'data.recordId': 1 } })
      .sort({ _id: 1 })
      .toArray();
    let read = next;
    for (const e of entries) {
      if (e.seq !== read + 1) break; // not there yet: stop before the gap, and ask again later
      read = e.seq;
      if (!types.includes(e.type)) continue;
      const recordId = (e.data as { recordId?: string }).recordId ?? '';
      const nin = e.entityIds.find((id) => /^\d{12}$/.test(id));
      events.push({ seq: e.seq, type: e.type, at: e.at, recordId, ...(nin ? { nin } : {}) });
      if (events.length === limit) break;
    }
    if (read === next) break;
    next = read;
  }
  return { events, next };
}
