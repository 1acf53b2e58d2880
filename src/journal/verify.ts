import type { Collection } from 'mongodb';
import { GENESIS_HASH, entryHash } from './hash';
import type { JournalEntry } from './types';

export interface IntegrityReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  firstBadSeq?: number;
  problem?: string;
}

/** Recomputes the whole chain, oldest first, and reports the first entry that does not fit. */
export async function verifyChain(entries: Collection<JournalEntry>): Promise<IntegrityReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let head: IntegrityReport['head'] = null;
  for await (const stored of entries.find({}).sort({ _id: 1 })) {
    const { _id, hash, ...body } = stored;
    const bad = (problem: string): IntegrityReport => ({ ok: false, entries: count, head, firstBadSeq: expectedSeq, problem });
    if (body.seq !== expectedSeq || _id !== String(expectedSeq).padStart(12, '0')) return bad(`entry ${expectedSeq} is missing or out of place`);
    if (body.prevHash !== prevHash) return bad(`entry ${expectedSeq} does not link to the entry before it`);
    if (entryHash(body, prevHash) !== hash) return bad(`entry ${expectedSeq} was changed after it was written`);
    prevHash = hash;
    head = { seq: body.seq, hash };
    count++;
    expectedSeq++;
  }
  return { ok: true, entries: count, head };
}
