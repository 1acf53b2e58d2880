import type { EventRoles } from '../../journal/types';
import type { NewPerson } from './store';
import type { EnrolPerson } from './schemas';

/** The events of the persons module: enrolment from the legacy register, one by one or in batches. */
export interface PersonEvents {
  /** `notDuplicateOf`: people with the same folded name, sex and date of birth, found to be others (the entry's reason says why). */
  'person.enrolled': Omit<EnrolPerson, 'reason'> & { nin: string };
  /** One batch of an import of the legacy register: each person with a new NIN. */
  'person.enrolled-batch': { source: string; persons: NewPerson[] };
}

export const PERSON_EVENTS: EventRoles<PersonEvents> = {
  'person.enrolled': 'projected',
  'person.enrolled-batch': 'projected',
};
