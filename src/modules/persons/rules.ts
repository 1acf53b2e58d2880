import { unprocessable } from '../../http/problem';
import { today } from '../common/dates';

/** Earliest date of birth the registry accepts for a living person enrolled from the legacy register. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

export function checkDateOfBirth(dateOfBirth: string, now = today()): void {
  if (dateOfBirth > now) throw unprocessable('The date of birth is in the future', 'date-in-future');
  if (dateOfBirth < EARLIEST_BIRTH_DATE)
    throw unprocessable(`The date of birth is before ${EARLIEST_BIRTH_DATE}`, 'date-implausible');
}
