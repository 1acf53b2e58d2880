import { isDuplicateKey } from '../../db/errors';
import type { Journal } from '../../journal/journal';
import type { Models } from '../../services';

export function registerOfficeProjectors(journal: Journal, models: Models): void {
  journal.on('office.created', async (entry) => {
    const d = entry.data as { code: string; name: string; governorate: string };
    try {
      await models.offices.collection.insertOne({ _id: d.code, name: d.name, governorate: d.governorate, seq: entry.seq } as never);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  });
}
