import type { Services } from '../services';

/**
 * Throws the projections away and applies the whole journal again, from seq 1. Identical
 * projections afterwards are the proof that the journal holds everything. Run with the service
 * stopped (or in maintenance): readers would see the projections empty meanwhile.
 */
export async function rebuildProjections(services: Pick<Services, 'models' | 'journal' | 'db'>): Promise<number> {
  const { persons, records, offices } = services.models;
  await Promise.all([persons.deleteMany({}), records.deleteMany({}), offices.deleteMany({})]);
  await services.db.collection('journal_checkpoints').deleteMany({});
  services.journal.reset();
  return services.journal.catchUp();
}
