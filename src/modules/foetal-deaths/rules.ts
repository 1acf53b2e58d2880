import { unprocessable } from '../../http/problem';
import { today } from '../common/dates';
import { checkMotherAt, MOTHER_AGE } from '../persons/rules';

export const FOETAL_DEATH_RULES = {
  /**
   * ICD-10 (vol. 2, definitions) and ICD-11 start the perinatal period at 22 completed weeks of
   * gestation (154 days) and ask countries to report foetal deaths from then on; WHO's stricter
   * "28 weeks" is for international comparison only. Earlier, a pregnancy lost is a miscarriage
   * (spontaneous abortion): a health record, not a vital event, so not registered here. The
   * alternative criteria (500 g, 25 cm) are not applied: the API takes weeks only.
   */
  minGestationWeeks: 22,
  /** The plausible ages of a mother at a delivery: the registry's, the same as at a birth (persons/rules.ts). */
  minMotherAge: MOTHER_AGE.min,
  maxMotherAge: MOTHER_AGE.max,
};

/** A foetal death is registered from 22 completed weeks of gestation (see FOETAL_DEATH_RULES). */
export function checkGestation(gestationWeeks: number): void {
  if (gestationWeeks < FOETAL_DEATH_RULES.minGestationWeeks) {
    throw unprocessable(
      `A gestation of ${gestationWeeks} weeks is under the ${FOETAL_DEATH_RULES.minGestationWeeks} completed weeks from which a foetal death is registered`,
      'gestation-too-short',
    );
  }
}

export function checkDeliveryDate(dateOfDelivery: string, now = today()): void {
  if (dateOfDelivery > now) throw unprocessable('The date of delivery is in the future', 'date-in-future');
}

/** The mother must be a woman, alive at the delivery (she may die the same day), and of a plausible age then. */
export const checkMotherAtDelivery = (mother: Parameters<typeof checkMotherAt>[0], dateOfDelivery: string): void =>
  checkMotherAt(mother, dateOfDelivery, 'the delivery');

/**
 * A certificate of stillbirth is about the mother, so only a record that names her by NIN has
 * one: a mother given by name alone is nobody a certificate could be issued to or verified for.
 * Refused as 422 (the record is sound, this request on it is not), naming the way out.
 */
export function requireCertificateSubject(mother: { nin: string } | { name: unknown }): string {
  if ('nin' in mother) return mother.nin;
  throw unprocessable(
    'This foetal death names the mother by name only: a certificate of stillbirth is about the mother, and needs her NIN. Void the record and declare it again with her NIN',
    'mother-not-registered',
  );
}
