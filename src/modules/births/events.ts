import type { EventRoles } from '../../journal/types';
import type { RecordDeclared } from '../records/events';
import type { NewPerson } from '../persons/store';
import type { VitalStanding } from '../records/store';
import type { BirthFacts } from './schemas';

export interface BirthEvents {
  'birth.declared': RecordDeclared<BirthFacts>;
  /**
   * The child enrolled with a new NIN; `derived`: the mother's age at the birth and the birth's
   * order among her children, as the register stood (none in entries from before they were kept).
   */
  'birth.registered': {
    recordId: string;
    registrationNumber: string;
    child: NewPerson;
    derived?: Pick<VitalStanding, 'motherAge' | 'birthOrder'>;
  };
}

export const BIRTH_EVENTS: EventRoles<BirthEvents> = {
  'birth.declared': 'projected',
  'birth.registered': 'projected',
};
