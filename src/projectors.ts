import { registerBirthProjectors } from './modules/births/projection';
import { registerClientProjectors } from './modules/clients/service';
import { registerOfficeProjectors } from './modules/offices/projection';
import { registerPersonProjectors } from './modules/persons/projection';
import { registerRecordProjectors } from './modules/records/projection';
import { registerUserProjectors } from './modules/users/changes';
import type { Services } from './services';

/** Every entry type that changes a read model, with the code that applies it. */
export function registerProjectors({ journal, models }: Pick<Services, 'journal' | 'models'>): void {
  registerPersonProjectors(journal, models);
  registerBirthProjectors(journal, models);
  registerRecordProjectors(journal, models);
  registerOfficeProjectors(journal, models);
  registerUserProjectors(journal, models);
  registerClientProjectors(journal, models);
}
