import { notFound } from '../../http/problem';
import { canonicalJson, sha256Hex } from '../../journal/hash';
import { MAIN_OFFICES } from '../common/governorates';
import { loadCircle, type CircleDeps } from '../civil-status/circle';
import { deathOf, marriagesOf, type MarriageState } from '../civil-status/derive';
import type { CertifiedFacts, RecordKinds } from '../records/contract';
import type { CivilRecord } from '../records/store';
import type { KindWords } from './labels';
import { CIVIL_STATUS_EXTRACT } from './schemas';

/**
 * The civil-status extract (صورة قيد): a person's entry as the register holds it now. Not a record
 * of one event but a certificate of a person, so it is a "kind" of certificate only: its words
 * are here, its facts are derived from the person and the registered records about them.
 */
export const EXTRACT_KIND = CIVIL_STATUS_EXTRACT;
export const EXTRACT_TYPE = 'CivilStatusExtract';
/** The letter of an extract's number (OFFICE-YEAR-E-000001), beside the record kinds' B, M, D, X, F, N. */
export const EXTRACT_LETTER = 'E';

/**
 * The extract's words. Arabic: صورة قيد and its lines as Iraq's civil-status offices print them
 * (القيد، الحالة الزوجية، اسم الأم). Kurdish: [KRG] باری شارستانی (see ckb.ts); the rest [review]:
 * to be read by a Kurdish-speaking registrar before release, like the rest of the catalogue.
 */
export const EXTRACT_WORDS: KindWords = {
  title: { ar: 'صورة قيد', ckb: 'وێنەی تۆماری باری شارستانی', en: 'Civil status extract' },
  labels: {
    motherName: { ar: 'اسم الأم', ckb: 'ناوی دایک', en: "Mother's name" },
    familyRegister: {
      ar: 'القيد (دائرة الأحوال المدنية/السجل/الصحيفة)',
      ckb: 'تۆمار (فەرمانگەی باری شارستانی/تۆمار/لاپەڕە)',
      en: 'Family register (directorate/register/page)',
    },
    maritalStatus: { ar: 'الحالة الزوجية', ckb: 'باری هاوسەرگیری', en: 'Marital status' },
    lifeStatus: { ar: 'الحالة', ckb: 'دۆخ', en: 'Status' },
    dateOfDeath: { ar: 'تاريخ الوفاة', ckb: 'ڕێکەوتی مردن', en: 'Date of death' },
    birthRegistration: { ar: 'رقم تسجيل الولادة', ckb: 'ژمارەی تۆماری لەدایکبوون', en: 'Birth registration number' },
    maritalStatusRegistration: {
      ar: 'رقم تسجيل واقعة الحالة الزوجية',
      ckb: 'ژمارەی تۆماری ڕووداوی باری هاوسەرگیری',
      en: 'Registration number of the marital event',
    },
    deathRegistration: { ar: 'رقم تسجيل الوفاة', ckb: 'ژمارەی تۆماری مردن', en: 'Death registration number' },
  },
  values: {
    single: { ar: 'أعزب', ckb: 'سەڵت', en: 'Single' },
    married: { ar: 'متزوج', ckb: 'هاوسەرگیریکردوو', en: 'Married' },
    divorced: { ar: 'مطلق', ckb: 'جیابووەوە', en: 'Divorced' },
    widowed: { ar: 'أرمل', ckb: 'بێوەژن/بێوەپیاو', en: 'Widowed' },
    // The Arabic agrees with the person's sex, as Iraq's forms write it.
    'single:female': { ar: 'عزباء', ckb: 'سەڵت', en: 'Single' },
    'married:female': { ar: 'متزوجة', ckb: 'هاوسەرگیریکردوو', en: 'Married' },
    'divorced:female': { ar: 'مطلقة', ckb: 'جیابووەوە', en: 'Divorced' },
    'widowed:female': { ar: 'أرملة', ckb: 'بێوەژن', en: 'Widowed' },
    'widowed:male': { ar: 'أرمل', ckb: 'بێوەپیاو', en: 'Widowed' },
    alive: { ar: 'على قيد الحياة', ckb: 'لە ژیاندایە', en: 'Alive' },
    deceased: { ar: 'متوفى', ckb: 'کۆچی دوایی کردووە', en: 'Deceased' },
    'deceased:female': { ar: 'متوفاة', ckb: 'کۆچی دوایی کردووە', en: 'Deceased' },
  },
};

/** The words of a certificate of this kind: a record kind's contract's, or the extract's; none for a kind this version does not know. */
export const certificateWordsOf = (kinds: RecordKinds, kind: string): KindWords | undefined =>
  kind === EXTRACT_KIND ? EXTRACT_WORDS : kinds.find(kind)?.certificate;

/** A person's extract now: the facts it certifies, their hash (a later change supersedes it), and the office that keeps the entry. */
export interface Extract {
  facts: CertifiedFacts;
  hash: string;
  /** The office of the person's registered birth, else the main office of the governorate of birth. */
  homeOffice: string;
}

/** The record that made a marital status what it is: the marriage in force, else the last divorce or spouse's death. */
function maritalEventOf(marriages: readonly MarriageState[]): string | undefined {
  const inForce = marriages.filter((s) => !s.dissolution).at(-1);
  if (inForce) return inForce.marriage.id;
  return marriages
    .map((s) => s.dissolution)
    .reduce<MarriageState['dissolution']>((a, d) => (d && (!a || d.date >= a.date) ? d : a), undefined)?.recordId;
}

/**
 * The extract of one person: names as on the National Card (with the mother's name and her
 * father's), sex, date and place of birth, family register, marital and life status, and the
 * registration numbers of the events that made them so. Indexed reads only: the person, their
 * spouses and their records (the civil-status circle), and the mother when she is enrolled.
 */
export async function extractOf(deps: CircleDeps, nin: string): Promise<Extract> {
  const world = await loadCircle(deps, [nin]);
  const person = world.people.get(nin);
  if (!person) throw notFound(`No person with NIN ${nin}`);
  const registered = (id: string | undefined): CivilRecord | undefined => {
    const r = id ? world.records.get(id) : undefined;
    return r?.status === 'registered' ? r : undefined;
  };
  const birth = [...world.records.values()].find(
    (r) => r.kind === 'birth' && r.status === 'registered' && r.subjectNin === nin,
  );
  const mother = person.motherNin ? await deps.persons.get(person.motherNin) : null;
  const motherName =
    person.motherName ??
    (mother ? { givenName: mother.name.givenName, fatherName: mother.name.fatherName } : undefined);
  const register = person.familyRegister;
  const facts: CertifiedFacts = {
    nin,
    name: person.name,
    ...(motherName ? { motherName: `${motherName.givenName} ${motherName.fatherName}` } : {}),
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    placeOfBirth: person.placeOfBirth,
    ...(register ? { familyRegister: `${register.directorate}/${register.register}/${register.page}` } : {}),
    maritalStatus: person.maritalStatus,
    lifeStatus: person.status,
    ...(person.dateOfDeath ? { dateOfDeath: person.dateOfDeath } : {}),
    ...(birth?.registrationNumber ? { birthRegistration: birth.registrationNumber } : {}),
    ...optionalNumber('maritalStatusRegistration', registered(maritalEventOf(marriagesOf(nin, world.events)))),
    ...optionalNumber('deathRegistration', registered(deathOf(nin, world.events)?.id)),
  };
  const homeOffice =
    birth?.office ?? MAIN_OFFICES.find((o) => o.governorate === person.placeOfBirth.governorate)?.code ?? 'BGD';
  return { facts, hash: sha256Hex(canonicalJson(facts)), homeOffice };
}

const optionalNumber = (key: string, record: CivilRecord | undefined) =>
  record?.registrationNumber ? { [key]: record.registrationNumber } : {};
