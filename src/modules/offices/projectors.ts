import type { OfficeEvents } from './events';
import type { ProjectionStore } from '../../db/store';
import type { Journal } from '../../journal/journal';
import type { Office } from './store';

export function registerOfficeProjectors(journal: Journal<OfficeEvents>, offices: ProjectionStore<Office>): void {
  journal.on('office.created', (entry) =>
    offices.insertOnce({
      _id: entry.data.code,
      name: entry.data.name,
      governorate: entry.data.governorate,
      ...(entry.data.type ? { type: entry.data.type } : {}),
      seq: entry.seq,
    }),
  );
}
