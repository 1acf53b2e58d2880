import type { Services } from '../services';

/**
 * Throws the projections away and applies the whole journal again, from seq 1. Identical
 * projections afterwards are the proof that the journal holds everything. Run with the service
 * stopped (or in maintenance): readers would see the projections empty meanwhile.
 */
export async function rebuildProjections(
  services: Pick<Services, 'persons' | 'legacyRefs' | 'nameTokens' | 'records' | 'offices' | 'journal' | 'db'>,
  onApplied?: (seq: number) => void,
): Promise<number> {
  await Promise.all([services.persons.clear(), services.legacyRefs.clear(), services.nameTokens.clear(), services.records.clear(), services.offices.clear()]);
  await services.db.collection('journal_checkpoints').deleteMany({});
  services.journal.reset();
  return services.journal.catchUp(onApplied);
}
