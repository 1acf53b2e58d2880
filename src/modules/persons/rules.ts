import { unprocessable } from '../../http/problem';
import { today, yearsBetween } from '../common/dates';

/** Earliest date of birth the registry accepts for a living person enrolled from the legacy register. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

export function checkDateOfBirth(dateOfBirth: string, now = today()): void {
  if (dateOfBirth > now) throw unprocessable('The date of birth is in the future', 'date-in-future');
  if (dateOfBirth < EARLIEST_BIRTH_DATE)
    throw unprocessable(`The date of birth is before ${EARLIEST_BIRTH_DATE}`, 'date-implausible');
}

/** The ages at which the registry accepts a woman as the mother at a delivery: a birth or a stillbirth. */
export const MOTHER_AGE = { min: 12, max: 60 };

/**
 * The mother at a delivery (a birth, a stillbirth) must be a woman, alive on its date (she may die
 * the same day), and of a plausible age then. Fields a declaration does not know (a mother given
 * by name has no recorded sex or death) are left out and not checked. `delivery` names the event
 * in the messages ("the birth", "the delivery").
 */
export function checkMotherAt(
  mother: { sex?: string; dateOfBirth: string; status?: string; dateOfDeath?: string },
  date: string,
  delivery: string,
): void {
  if (mother.sex && mother.sex !== 'female') throw unprocessable('The mother is recorded as male', 'mother-not-female');
  if (mother.status === 'deceased' && mother.dateOfDeath && mother.dateOfDeath < date)
    throw unprocessable(`The mother died on ${mother.dateOfDeath}, before ${delivery} on ${date}`, 'mother-deceased');
  const age = yearsBetween(mother.dateOfBirth, date);
  if (age < MOTHER_AGE.min || age > MOTHER_AGE.max) {
    throw unprocessable(
      `The mother would be ${age} at ${delivery}; the registry accepts ${MOTHER_AGE.min} to ${MOTHER_AGE.max}`,
      'mother-age-implausible',
    );
  }
}
