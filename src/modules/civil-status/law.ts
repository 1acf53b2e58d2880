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
}

export type FurtherMarriage = 'never' | 'with-court-reference' | 'always';

export const CIVIL_STATUS_LAW: CivilStatusLaw = {
  minMarriageAge: 18,
  minMarriageAgeWithCourt: 15,
  furtherMarriage: { female: 'with-court-reference', male: 'with-court-reference' },
  partiesOfDifferentSex: true,
};

/** The law with what the environment overrides (FURTHER_MARRIAGE_FEMALE, FURTHER_MARRIAGE_MALE). */
export function lawFromConfig(config: {
  FURTHER_MARRIAGE_FEMALE: FurtherMarriage;
  FURTHER_MARRIAGE_MALE: FurtherMarriage;
}): CivilStatusLaw {
  return {
    ...CIVIL_STATUS_LAW,
    furtherMarriage: { female: config.FURTHER_MARRIAGE_FEMALE, male: config.FURTHER_MARRIAGE_MALE },
  };
}
