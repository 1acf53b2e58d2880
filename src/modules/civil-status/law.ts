/**
 * The civil-status law as the registry applies it: the values a country changes, in one place.
 * Defaults follow Iraq's Personal Status Law No. 188 of 1959 as amended (see README "Rules").
 */
export interface CivilStatusLaw {
  /** Age (full years at the date of marriage) from which a person marries without a court. */
  minMarriageAge: number;
  /** Age from which a court may allow a marriage (art. 8); below it, never. */
  minMarriageAgeWithCourt: number;
  /**
   * Whether a person with a marriage in force may marry again, by sex: `never`, `with-court-reference`
   * (a court's permission, art. 3(4)) or `always`.
   */
  furtherMarriage: { female: FurtherMarriage; male: FurtherMarriage };
  /** Whether both parties must be of different sex. */
  partiesOfDifferentSex: boolean;
  /**
   * Days after the event within which a declaration is on time, by deadline (a kind's
   * `work.timeliness` names its own) and by where the event happened; later is `late`.
   */
  registrationDeadlines: Record<'birth' | 'death', { inHealthFacility: number; elsewhere: number }>;
  /** Past this many years after the event a declaration is `delayed`: registered only on a court's order. */
  delayedAfterYears: number;
}

export type FurtherMarriage = 'never' | 'with-court-reference' | 'always';

export const CIVIL_STATUS_LAW: CivilStatusLaw = {
  minMarriageAge: 18,
  minMarriageAgeWithCourt: 15,
  furtherMarriage: { female: 'with-court-reference', male: 'with-court-reference' },
  partiesOfDifferentSex: true,
  // Births and Deaths Registration Law No. 148 of 1971: 15 days for an event in a health
  // facility (the facility notifies it), 30 days for one at home (the family declares it).
  registrationDeadlines: {
    birth: { inHealthFacility: 15, elsewhere: 30 },
    death: { inHealthFacility: 15, elsewhere: 30 },
  },
  delayedAfterYears: 1,
};

/**
 * The law with what the environment overrides (FURTHER_MARRIAGE_FEMALE, FURTHER_MARRIAGE_MALE;
 * REGISTRATION_DAYS_HEALTH_FACILITY and REGISTRATION_DAYS_ELSEWHERE, for births and deaths alike
 * as in Iraq's law; DELAYED_REGISTRATION_AFTER_YEARS).
 */
export function lawFromConfig(config: {
  FURTHER_MARRIAGE_FEMALE: FurtherMarriage;
  FURTHER_MARRIAGE_MALE: FurtherMarriage;
  REGISTRATION_DAYS_HEALTH_FACILITY: number;
  REGISTRATION_DAYS_ELSEWHERE: number;
  DELAYED_REGISTRATION_AFTER_YEARS: number;
}): CivilStatusLaw {
  const deadline = {
    inHealthFacility: config.REGISTRATION_DAYS_HEALTH_FACILITY,
    elsewhere: config.REGISTRATION_DAYS_ELSEWHERE,
  };
  return {
    ...CIVIL_STATUS_LAW,
    furtherMarriage: { female: config.FURTHER_MARRIAGE_FEMALE, male: config.FURTHER_MARRIAGE_MALE },
    registrationDeadlines: { birth: deadline, death: deadline },
    delayedAfterYears: config.DELAYED_REGISTRATION_AFTER_YEARS,
  };
}
