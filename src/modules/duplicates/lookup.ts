import type { CivilRecord, RecordStore } from '../records/store';
import { flagged, type DuplicateCandidate, type Likeness } from './scoring';
import type { DuplicateKeyStore } from './store';

/** What a duplicate check reads: the keys' index and the records. */
export interface DuplicateDeps {
  duplicateKeys: DuplicateKeyStore;
  records: RecordStore;
}

/** A kind's duplicate rule for one declaration: the keys it is filed under, those to look up, and how alike an earlier one is. */
export interface DuplicateProbe<F extends object> {
  kind: string;
  /** The keys this record is filed under, for the declarations after it. */
  keys: string[];
  /** The keys to look up: the record's own, and its neighbours' (the months either side of a window). */
  lookups: string[];
  compare(earlier: CivilRecord<F>): Likeness | Promise<Likeness>;
}

/** A declaration's duplicate check: the keys to file it under and its candidates, written into its entry. */
export interface DuplicateCheck {
  duplicateKeys: string[];
  duplicates: DuplicateCandidate[];
}

/** Records that can be the same event: declared (waiting) or registered; rejected and voided ones are not on file. */
const ON_FILE = new Set(['declared', 'registered']);

/**
 * Runs a kind's rule: one indexed equality per key, then one `_id $in` read of the records found,
 * each compared by the kind. Its cost depends on how many records share a key, not on the registry's size.
 */
export async function checkDuplicates<F extends object>(
  deps: DuplicateDeps,
  recordId: string,
  probe: DuplicateProbe<F>,
): Promise<DuplicateCheck> {
  const ids = new Set<string>();
  for (const key of new Set(probe.lookups)) {
    for (const k of await deps.duplicateKeys.list({ key })) if (k.recordId !== recordId) ids.add(k.recordId);
  }
  const candidates: DuplicateCandidate[] = [];
  for (const earlier of await deps.records.existing([...ids])) {
    if (earlier.kind !== probe.kind || !ON_FILE.has(earlier.status)) continue;
    const alike = await probe.compare(earlier as CivilRecord<F>);
    if (alike) candidates.push({ recordId: earlier._id, ...alike });
  }
  return { duplicateKeys: [...new Set(probe.keys)], duplicates: flagged(candidates) };
}
