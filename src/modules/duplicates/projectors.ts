import type { StoredEntry } from '../../journal/types';
import type { DuplicateKeyStore } from './store';

/**
 * After every entry: a declaration that carries duplicate keys files its record under them, for
 * the declarations after it. Whatever the kind: the keys were decided by the kind's rule and
 * written into the entry, so a rebuild files every record again as it was.
 */
export function followDuplicateKeys(
  journal: { afterEach(follower: (entry: StoredEntry) => Promise<void>): void },
  deps: { duplicateKeys: DuplicateKeyStore },
): void {
  journal.afterEach(async (entry) => {
    const { recordId, duplicateKeys } = entry.data as { recordId?: unknown; duplicateKeys?: unknown };
    if (typeof recordId !== 'string' || !Array.isArray(duplicateKeys)) return;
    await deps.duplicateKeys.insertManyOnce(
      duplicateKeys
        .filter((k): k is string => typeof k === 'string')
        .map((key) => ({ _id: `${key} ${recordId}`, key, recordId, seq: entry.seq })),
    );
  });
}
