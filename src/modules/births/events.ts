import type { EventRoles } from '../../journal/types';
import type { RecordDeclared } from '../records/events';
import type { NewPerson } from '../persons/store';
import type { BirthFacts } from './schemas';

export interface BirthEvents {
  'birth.declared': RecordDeclared<BirthFacts>;
  /** The child enrolled with a new NIN. */
  'birth.registered': { recordId: string; registrationNumber: string; child: NewPerson };
}

export const BIRTH_EVENTS: EventRoles<BirthEvents> = {
  'birth.declared': 'projected',
  'birth.registered': 'projected',
};
