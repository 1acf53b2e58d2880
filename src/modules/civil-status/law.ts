import { KURDISTAN_REGION_GOVERNORATES } from '../common/governorates';
import { EVIDENCE_LEVELS, type EvidenceLevel } from '../records/rules';

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
  /**
   * Whether a further marriage also needs the recorded consent of the spouse already married
   * (`consentOfExistingSpouse: {documentId}`, a `spouse-consent` document attached to the new
   * marriage's record), as the Kurdistan Region's amendment has it; asked for at registration.
   */
  furtherMarriageNeedsSpouseConsent: boolean;
  /** Whether both parties must be of different sex. */
  partiesOfDifferentSex: boolean;
  /**
   * Days after the event within which a declaration is on time, by deadline (a kind's
   * `work.timeliness` names its own) and by where the event happened; later is `late`.
   */
  registrationDeadlines: Record<'birth' | 'death', { inHealthFacility: number; elsewhere: number }>;
  /** Past this many years after the event a declaration is `delayed`: registered only on a court's order. */
  delayedAfterYears: number;
  /**
   * What a correction of a registered record needs, by kind and by the kind's field group
   * (`KindContract.correctionGroups`): a group not named is `reason`. A declared record, not yet
   * registered, is amended with a reason whatever this says (that is how notified births get names).
   */
  corrections: CorrectionPolicy;
  /** Where the rules differ: a region's governorates and what it changes (the federal rules elsewhere). */
  regions: readonly RegionalLaw[];
}

export interface RegionalLaw {
  name: string;
  governorates: readonly string[];
  changes: Partial<Omit<CivilStatusLaw, 'regions'>>;
}

/**
 * The Kurdistan Region (Erbil, Sulaymaniyah, Duhok): Law No. 15 of 2008, amending the Personal
 * Status Law in the Region, allows a further marriage only with a court's permission and the
 * consent of the wife already married, given before the judge. The registry holds the court's
 * reference and the consent as an attached document.
 */
export const KURDISTAN_REGION_LAW: RegionalLaw = {
  name: 'kurdistan-region',
  governorates: KURDISTAN_REGION_GOVERNORATES,
  changes: {
    furtherMarriage: { female: 'with-court-reference', male: 'with-court-reference' },
    furtherMarriageNeedsSpouseConsent: true,
  },
};

/**
 * The rules an office applies: those of the region its governorate is in, else the federal
 * ones. A marriage is judged by the rules of the office that declares and registers it.
 */
export function lawIn(law: CivilStatusLaw, governorate: string | undefined): CivilStatusLaw {
  const region = law.regions.find((r) => governorate !== undefined && r.governorates.includes(governorate));
  return region ? { ...law, ...region.changes } : law;
}

export type CorrectionPolicy = Readonly<Record<string, Readonly<Record<string, EvidenceLevel>>>>;

/**
 * Iraq's practice as issue 17 states it: the facts of a registered birth or death (names, dates,
 * sex, parents, cause) are changed by a court's judgment; the registrar corrects the rest (a
 * romanized name, a place, the informant) on a reason.
 */
export const IRAQ_CORRECTIONS: CorrectionPolicy = {
  birth: { names: 'court-order', dates: 'court-order', sex: 'court-order', parents: 'court-order' },
  death: { dates: 'court-order', cause: 'court-order' },
};

export type FurtherMarriage = 'never' | 'with-court-reference' | 'always';

export const CIVIL_STATUS_LAW: CivilStatusLaw = {
  minMarriageAge: 18,
  minMarriageAgeWithCourt: 15,
  furtherMarriage: { female: 'with-court-reference', male: 'with-court-reference' },
  furtherMarriageNeedsSpouseConsent: false,
  partiesOfDifferentSex: true,
  // Births and Deaths Registration Law No. 148 of 1971: 15 days for an event in a health
  // facility (the facility notifies it), 30 days for one at home (the family declares it).
  registrationDeadlines: {
    birth: { inHealthFacility: 15, elsewhere: 30 },
    death: { inHealthFacility: 15, elsewhere: 30 },
  },
  delayedAfterYears: 1,
  corrections: IRAQ_CORRECTIONS,
  regions: [KURDISTAN_REGION_LAW],
};

/**
 * The law with what the environment overrides (FURTHER_MARRIAGE_FEMALE, FURTHER_MARRIAGE_MALE;
 * REGISTRATION_DAYS_HEALTH_FACILITY and REGISTRATION_DAYS_ELSEWHERE, for births and deaths alike
 * as in Iraq's law; DELAYED_REGISTRATION_AFTER_YEARS; CORRECTION_EVIDENCE; and the Kurdistan
 * Region's governorates, KURDISTAN_REGION_GOVERNORATES, which its certificates' languages follow too).
 */
export function lawFromConfig(config: {
  FURTHER_MARRIAGE_FEMALE: FurtherMarriage;
  FURTHER_MARRIAGE_MALE: FurtherMarriage;
  REGISTRATION_DAYS_HEALTH_FACILITY: number;
  REGISTRATION_DAYS_ELSEWHERE: number;
  DELAYED_REGISTRATION_AFTER_YEARS: number;
  CORRECTION_EVIDENCE?: string | undefined;
  KURDISTAN_REGION_GOVERNORATES?: string;
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
    corrections: correctionPolicy(config.CORRECTION_EVIDENCE),
    regions: [
      {
        ...KURDISTAN_REGION_LAW,
        governorates: config.KURDISTAN_REGION_GOVERNORATES?.split(',') ?? KURDISTAN_REGION_GOVERNORATES,
      },
    ],
  };
}

/** Iraq's correction policy with the overrides of CORRECTION_EVIDENCE (JSON: kind -> group -> level) laid over it. */
export function correctionPolicy(overrides: string | undefined): CorrectionPolicy {
  if (!overrides) return IRAQ_CORRECTIONS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(overrides);
  } catch {
    throw new Error('CORRECTION_EVIDENCE must be JSON such as {"birth":{"names":"reason"}}');
  }
  const levels = EVIDENCE_LEVELS as readonly unknown[];
  const isGroups = (v: unknown): v is Record<string, EvidenceLevel> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((l) => levels.includes(l));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every(isGroups))
    throw new Error(`CORRECTION_EVIDENCE maps each kind to its groups, each one of ${EVIDENCE_LEVELS.join(', ')}`);
  const merged: Record<string, Record<string, EvidenceLevel>> = {};
  for (const kind of new Set([...Object.keys(IRAQ_CORRECTIONS), ...Object.keys(parsed)]))
    merged[kind] = { ...IRAQ_CORRECTIONS[kind], ...(parsed as Record<string, Record<string, EvidenceLevel>>)[kind] };
  return merged;
}
