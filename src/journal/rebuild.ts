import type { Db } from 'mongodb';
import type { Catalogue } from './types';
import type { Journal } from './journal';

/** A projection of the journal, as a rebuild sees it: something to empty. */
export interface Projection {
  clear(): Promise<void>;
}

/**
 * Throws the projections away and applies the whole journal again, from seq 1. Identical
 * projections afterwards are the proof that the journal holds everything. Run with the service
 * stopped (or in maintenance): readers would see the projections empty meanwhile.
 */
export async function rebuildProjections(
  deps: { projections: readonly Projection[]; journal: Pick<Journal<Catalogue>, 'reset' | 'catchUp'>; db: Db },
  onApplied?: (seq: number) => void,
): Promise<number> {
  // The projections start-up made, not a list of our own here: a new one cannot be forgotten.
  // One at a time: each is a stream of batched deletes, and two at once only compete for the disk.
  for (const projection of deps.projections) await projection.clear();
  // The applied position only: the recorded head (the truncation check's reference) stays.
  await deps.db.collection<{ _id: string }>('journal_checkpoints').deleteOne({ _id: 'projections' });
  deps.journal.reset();
  // Run with the instances stopped (docs/operations.md): every entry is applied here, no one else's to wait for.
  return deps.journal.catchUp(onApplied, { waitForAppenders: false });
}
