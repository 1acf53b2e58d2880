import type { StoredEntry } from './types';

/** A journal entry as auditors and record histories show it. */
export function presentEntry(e: StoredEntry) {
  return {
    seq: e.seq,
    at: e.at,
    type: e.type,
    actor: e.actor,
    requestId: e.requestId,
    entityIds: e.entityIds,
    data: e.data,
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
