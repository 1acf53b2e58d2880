import { insertOnce } from '../../db/apply-once';
import type { Journal } from '../../journal/journal';
import type { Models } from '../../services';

export function registerOfficeProjectors(journal: Journal, models: Models): void {
  journal.on('office.created', async (entry) => {
    const d = entry.data as { code: string; name: string; governorate: string };
    await insertOnce(models.offices.collection as never, { _id: d.code, name: d.name, governorate: d.governorate, seq: entry.seq });
  });
}
