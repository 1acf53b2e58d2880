import type { KeyObject } from 'node:crypto';
import type { Collection } from 'mongodb';
import { GENESIS_HASH, entryHash } from './hash';
import { headJwk } from './head-keys';
import { headSignatureProblem, type SignedHead } from './head-signature';
import type { Journal, JournalReader, RecordedHead } from './journal';
import { entryId, type Catalogue, type StoredEntry } from './types';

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
  /** How many signed heads (held and given) were checked, and the newest one the journal still matches. */
  signedHeads: { checked: number; lastMatching: { seq: number; at: string } | null };
}

export interface ChainOptions {
  recordedHead?: RecordedHead | null;
  /** Signed heads to hold the chain to: each must carry a valid signature of a trusted key and name the hash of its seq. */
  signedHeads?: SignedHead[];
  trustedKeys?: ReadonlyMap<string, KeyObject>;
  onChecked?: (seq: number) => void;
  /** Whether this version knows an event type: those it does not are listed (a newer version wrote them). */
  knows?: (type: string) => boolean;
}

const MAX_LISTED = 100;

/**
 * Recomputes the whole chain, oldest first, streaming the journal. It goes on past a bad entry,
 * checking each next one against what is stored, and lists every entry that does not fit.
 * A chain recomputed after an edit verifies on its own; the signed heads are what it then fails:
 * the hash at a signed seq is no longer the one signed, and only the key's holder could sign anew.
 */
export async function verifyChain(entries: Collection<StoredEntry>, opts: ChainOptions = {}): Promise<IntegrityReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let head: IntegrityReport['head'] = null;
  const problems: IntegrityProblem[] = [];
  const headProblems: IntegrityProblem[] = [];
  const unknownTypes: IntegrityReport['unknownTypes'] = [];
  const note = (seq: number, problem: string, list = problems) => {
    if (list.length < MAX_LISTED) list.push({ seq, problem });
  };
  const { bySeq: signed, count: checked } = checkedHeads(
    opts.signedHeads ?? [],
    opts.trustedKeys ?? new Map(),
    (seq, p) => note(seq, p, headProblems),
  );
  let lastMatching: { seq: number; at: string } | null = null;
  for await (const stored of entries.find({}).sort({ _id: 1 })) {
    const { _id, hash, ...body } = stored;
    if (body.seq !== expectedSeq || _id !== entryId(expectedSeq)) {
      note(expectedSeq, `entry ${expectedSeq} is missing or out of place`);
      expectedSeq = typeof body.seq === 'number' ? body.seq : expectedSeq;
    }
    if (body.prevHash !== prevHash) note(body.seq, `entry ${body.seq} does not link to the entry before it`);
    else if (entryHash(body, prevHash) !== hash) note(body.seq, `entry ${body.seq} was changed after it was written`);
    if (opts.knows && !opts.knows(body.type) && unknownTypes.length < MAX_LISTED)
      unknownTypes.push({ seq: body.seq, type: body.type });
    prevHash = hash;
    head = { seq: body.seq, hash };
    if (opts.recordedHead && body.seq === opts.recordedHead.seq && hash !== opts.recordedHead.hash)
      note(body.seq, `entry ${body.seq} is not the one recorded as the head`);
    for (const s of signed.get(body.seq) ?? []) {
      if (s.hash === hash) lastMatching = { seq: s.seq, at: s.at };
      else {
        const since = lastMatching ? `after seq ${lastMatching.seq} (signed ${lastMatching.at})` : 'before it';
        note(
          body.seq,
          `entry ${body.seq} is not the one signed as the head at ${s.at} (key ${s.kid}): the journal was rewritten at seq ${body.seq} or ${since}`,
          headProblems,
        );
      }
    }
    opts.onChecked?.(body.seq);
    count++;
    expectedSeq++;
  }
  // The newest entries deleted: the chain itself still verifies, the recorded and signed heads do not.
  const lastSeq = head?.seq ?? 0;
  if (opts.recordedHead && opts.recordedHead.seq > lastSeq) {
    note(
      lastSeq + 1,
      `entries ${lastSeq + 1} to ${opts.recordedHead.seq} are missing: the journal was cut short after seq ${lastSeq}`,
    );
  }
  const beyond = [...signed.keys()].filter((seq) => seq > lastSeq);
  if (beyond.length > 0) {
    const newest = Math.max(...beyond);
    note(
      lastSeq + 1,
      `entries ${lastSeq + 1} to ${newest} are missing: a head signed for seq ${newest} shows the journal was cut short after seq ${lastSeq}`,
      headProblems,
    );
  }
  // Stable: on one seq the chain's own finding comes before the signed heads'.
  const all = [...problems, ...headProblems].sort((a, b) => a.seq - b.seq).slice(0, MAX_LISTED);
  const report = { entries: count, head, problems: all, unknownTypes, signedHeads: { checked, lastMatching } };
  const [first] = all;
  if (first === undefined) return { ok: true, ...report };
  return { ok: false, ...report, firstBadSeq: first.seq, problem: first.problem };
}

/** The heads whose signature holds, by seq (duplicates dropped); the others are reported as problems at their seq. */
function checkedHeads(
  heads: SignedHead[],
  trusted: ReadonlyMap<string, KeyObject>,
  report: (seq: number, problem: string) => void,
): { bySeq: Map<number, SignedHead[]>; count: number } {
  const bySeq = new Map<number, SignedHead[]>();
  const seen = new Set<string>();
  for (const h of heads) {
    const id = `${h.seq}:${h.hash}:${h.at}:${h.signature}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const problem = headSignatureProblem(h, trusted);
    if (problem) report(h.seq, problem);
    else bySeq.set(h.seq, [...(bySeq.get(h.seq) ?? []), h]);
  }
  return { bySeq, count: seen.size };
}

/**
 * Verifies the journal's chain against its recorded head and every signed head: those the
 * database holds and those given (an auditor's own copies), with the journal's trusted keys and
 * any pinned ones.
 */
export async function verifyJournal(
  journal: JournalReader & Pick<Journal<Catalogue>, 'signing'> & { knows(type: string): boolean },
  opts: { heads?: SignedHead[]; pinnedKeys?: KeyObject[]; onChecked?: (seq: number) => void } = {},
): Promise<IntegrityReport> {
  const held = journal.signing ? await journal.signing.heads.all() : [];
  const trustedKeys = new Map(journal.signing?.heads.keys.trusted ?? []);
  for (const key of opts.pinnedKeys ?? []) trustedKeys.set(headJwk(key).kid, key);
  return verifyChain(journal.entries, {
    recordedHead: await journal.recordedHead(),
    signedHeads: [...held, ...(opts.heads ?? [])],
    trustedKeys,
    knows: (type) => journal.knows(type),
    ...(opts.onChecked ? { onChecked: opts.onChecked } : {}),
  });
}
