import { unprocessable } from '../../http/problem';
import { daysBetween, today, yearsBetween } from '../common/dates';
import { checkMotherAt, MOTHER_AGE } from '../persons/rules';
import type { Person } from '../persons/store';

/** Plausible ages of parents at a child's birth; a country may change these. */
export const BIRTH_RULES = {
  minMotherAge: MOTHER_AGE.min,
  maxMotherAge: MOTHER_AGE.max,
  minFatherAge: 12,
  /** A father may have died before the birth, but not longer ago than a pregnancy lasts. */
  maxDaysFatherDiedBeforeBirth: 300,
};

export function checkChildBirthDate(dateOfBirth: string, now = today()): void {
  if (dateOfBirth > now) throw unprocessable("The child's date of birth is in the future", 'date-in-future');
}

/** The mother must be a woman, alive at the birth, and older than the child by a plausible margin. */
export const checkMother = (mother: Parameters<typeof checkMotherAt>[0], childBirth: string): void =>
  checkMotherAt(mother, childBirth, 'the birth');

export function checkFather(
  father: { sex?: string; dateOfBirth: string; status?: string; dateOfDeath?: string },
  childBirth: string,
): void {
  if (father.sex && father.sex !== 'male') throw unprocessable('The father is recorded as female', 'father-not-male');
  if (
    father.status === 'deceased' &&
    father.dateOfDeath &&
    daysBetween(father.dateOfDeath, childBirth) > BIRTH_RULES.maxDaysFatherDiedBeforeBirth
  ) {
    throw unprocessable("The father died too long before the child's date of birth", 'father-deceased');
  }
  if (yearsBetween(father.dateOfBirth, childBirth) < BIRTH_RULES.minFatherAge) {
    throw unprocessable(`The father would be under ${BIRTH_RULES.minFatherAge} at the birth`, 'father-age-implausible');
  }
}

/** A parent named by NIN must be a different person from the other parent. */
export function checkParentsDiffer(mother: Person | undefined, father: Person | undefined): void {
  if (mother && father && mother._id === father._id)
    throw unprocessable('Mother and father are the same person', 'same-parent');
}

/**
 * The order of a birth among the mother's live births (the UN's "live-birth order", of this birth
 * among all her live-born children): the children the register names her the mother of who were
 * born before it, or on its day and registered before it (a twin), and this one. Counted when the
 * birth is registered: an older child registered later does not change it.
 */
export function birthOrderAmong(children: readonly { dateOfBirth: string }[], dateOfBirth: string): number {
  return children.filter((c) => c.dateOfBirth <= dateOfBirth).length + 1;
}
