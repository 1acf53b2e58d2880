import type { Collection } from 'mongodb';
import { isKnownEvent } from '../events';
import { GENESIS_HASH, entryHash } from './hash';
import type { Journal, RecordedHead } from './journal';
import { entryId, type StoredEntry } from './types';

export interface IntegrityProblem {
  seq: number;
  problem: string;
}

export interface IntegrityReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  firstBadSeq?: number;
  problem?: string;
  /** Every entry that does not fit (the first 100), so one bad entry cannot hide another. */
  problems: IntegrityProblem[];
  /** Entries of types this version does not know (written by a newer version): counted, not judged. */
  unknownTypes: { seq: number; type: string }[];
}

const MAX_LISTED = 100;

/**
 * Recomputes the whole chain, oldest first, streaming the journal. It goes on past a bad entry,
 * checking each next one against what is stored, and lists every entry that does not fit.
 */
export async function verifyChain(
  entries: Collection<StoredEntry>,
  opts: { recordedHead?: RecordedHead | null; onChecked?: (seq: number) => void } = {},
): Promise<IntegrityReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let head: IntegrityReport['head'] = null;
  const problems: IntegrityProblem[] = [];
  const unknownTypes: IntegrityReport['unknownTypes'] = [];
  const note = (seq: number, problem: string) => {
    if (problems.length < MAX_LISTED) problems.push({ seq, problem });
  };
  for await (const stored of entries.find({}).sort({ _id: 1 })) {
    const { _id, hash, ...body } = stored;
    if (body.seq !== expectedSeq || _id !== entryId(expectedSeq)) {
      note(expectedSeq, `entry ${expectedSeq} is missing or out of place`);
      expectedSeq = typeof body.seq === 'number' ? body.seq : expectedSeq;
    }
    if (body.prevHash !== prevHash) note(body.seq, `entry ${body.seq} does not link to the entry before it`);
    else if (entryHash(body, prevHash) !== hash) note(body.seq, `entry ${body.seq} was changed after it was written`);
    if (!isKnownEvent(body.type) && unknownTypes.length < MAX_LISTED) unknownTypes.push({ seq: body.seq, type: body.type });
    prevHash = hash;
    head = { seq: body.seq, hash };
    if (opts.recordedHead && body.seq === opts.recordedHead.seq && hash !== opts.recordedHead.hash)
      note(body.seq, `entry ${body.seq} is not the one recorded as the head`);
    opts.onChecked?.(body.seq);
    count++;
    expectedSeq++;
  }
  // The newest entries deleted: the chain itself still verifies, the recorded head does not.
  const lastSeq = head?.seq ?? 0;
  if (opts.recordedHead && opts.recordedHead.seq > lastSeq) {
    note(lastSeq + 1, `entries ${lastSeq + 1} to ${opts.recordedHead.seq} are missing: the journal was cut short after seq ${lastSeq}`);
  }
  if (problems.length === 0) return { ok: true, entries: count, head, problems, unknownTypes };
  return { ok: false, entries: count, head, firstBadSeq: problems[0].seq, problem: problems[0].problem, problems, unknownTypes };
}

/** Verifies the journal's chain against its recorded head. */
export async function verifyJournal(journal: Journal, onChecked?: (seq: number) => void): Promise<IntegrityReport> {
  return verifyChain(journal.entries, { recordedHead: await journal.recordedHead(), ...(onChecked ? { onChecked } : {}) });
}
