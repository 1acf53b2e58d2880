import type { EventRoles } from '../../journal/types';
import type { NewPerson, PersonName } from './store';
import type { EnrolPerson } from './schemas';

/** The events of the persons module: enrolment from the legacy register, one by one or in batches. */
export interface PersonEvents {
  /** `notDuplicateOf`: people with the same folded name, sex and date of birth, found to be others (the entry's reason says why). */
  'person.enrolled': Omit<EnrolPerson, 'reason'> & { nin: string };
  /** One batch of an import of the legacy register: each person with a new NIN. */
  'person.enrolled-batch': { source: string; persons: NewPerson[] };
  /** An officer confirmed (as proposed) or corrected the Latin form of a name that had none. */
  'person.latin-confirmed': { nin: string; latin: NonNullable<PersonName['latin']>; proposal?: PersonName['latin'] };
}

export const PERSON_EVENTS: EventRoles<PersonEvents> = {
  'person.enrolled': 'projected',
  'person.enrolled-batch': 'projected',
  'person.latin-confirmed': 'projected',
};
