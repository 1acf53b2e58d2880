import type { Services } from '../services';

/**
 * Throws the projections away and applies the whole journal again, from seq 1. Identical
 * projections afterwards are the proof that the journal holds everything. Run with the service
 * stopped (or in maintenance): readers would see the projections empty meanwhile.
 */
export async function rebuildProjections(
  services: Pick<Services, 'projectionStores' | 'models' | 'journal' | 'db'>,
  onApplied?: (seq: number) => void,
): Promise<number> {
  // The stores start-up made, not a list of our own here: a new store cannot be forgotten.
  await Promise.all(services.projectionStores.map((store) => store.clear()));
  await services.models.activationCodes.deleteMany({});
  // The applied position only: the recorded head (the truncation check's reference) stays.
  await services.db.collection<{ _id: string }>('journal_checkpoints').deleteOne({ _id: 'projections' });
  services.journal.reset();
  return services.journal.catchUp(onApplied);
}
