import type { EventRoles } from '../../journal/types';
import type { NewPerson } from './store';
import type { EnrolPerson } from './schemas';

/** The events of the persons module: enrolment from the legacy register, one by one or in batches. */
export interface PersonEvents {
  'person.enrolled': EnrolPerson & { nin: string };
  /** One batch of an import of the legacy register: each person with a new NIN. */
  'person.enrolled-batch': { source: string; persons: NewPerson[] };
}

export const PERSON_EVENTS: EventRoles<PersonEvents> = {
  'person.enrolled': 'projected',
  'person.enrolled-batch': 'projected',
};
