import type { PersonName, Place } from '../persons/store';
import { GOVERNORATES } from '../common/governorates';
import type {
  CourtOrder,
  CertifiedFacts,
  CertifiedPerson,
  CertifiedValue,
  CertificateWords,
  CommonFactKey,
  Words,
} from '../records/contract';
import { CKB, CKB_GOVERNORATES, CKB_MONTHS } from './ckb';
import { eachWords, sameWords, type Lang } from './languages';

/**
 * The words of a certificate in Arabic, Kurdish and English, shared by the PDF and the verification page,
 * and the certified facts as labelled lines in both languages. A kind's title, labels and coded
 * values are its contract's (`certificate`); the words every kind shares are here.
 */
export type KindWords = Pick<CertificateWords<CertifiedFacts>, 'title' | 'labels' | 'values'>;

export const REGISTRY: Words = {
  ar: 'جمهورية العراق — السجل المدني',
  ckb: CKB.registry,
  en: 'Republic of Iraq — Civil Registry',
};

/** The title of a certificate whose kind this version does not know (a token from a newer one). */
export const UNKNOWN_KIND: KindWords = { title: { ar: 'شهادة', ckb: CKB.certificate, en: 'Certificate' }, labels: {} };

/** The words of the lines every certificate and the verification page print besides the facts. */
export const PAPER: Readonly<
  Record<'registrationNumber' | 'dateOfRegistration' | 'certificateNumber' | 'dateOfIssue', Words>
> = {
  registrationNumber: { ar: 'رقم التسجيل', ckb: CKB.registrationNumber, en: 'Registration number' },
  dateOfRegistration: { ar: 'تاريخ التسجيل', ckb: CKB.dateOfRegistration, en: 'Date of registration' },
  certificateNumber: { ar: 'رقم الشهادة', ckb: CKB.certificateNumber, en: 'Certificate number' },
  dateOfIssue: { ar: 'تاريخ الإصدار', ckb: CKB.issued, en: 'Date of issue' },
};

const COMMON_LABELS: { readonly [K in CommonFactKey]: Words } = {
  nin: { ar: 'الرقم الوطني', ckb: CKB.nin, en: 'National ID number' },
  name: { ar: 'الاسم', ckb: CKB.name, en: 'Name' },
  sex: { ar: 'الجنس', ckb: CKB.sex, en: 'Sex' },
  dateOfBirth: { ar: 'تاريخ الولادة', ckb: CKB.dateOfBirth, en: 'Date of birth' },
  placeOfBirth: { ar: 'مكان الولادة', ckb: CKB.placeOfBirth, en: 'Place of birth' },
  courtReference: { ar: 'رقم قرار المحكمة', ckb: CKB.courtReference, en: 'Court reference' },
  correctedByCourtOrder: { ar: 'حاشية', ckb: CKB.marginalNote, en: 'Marginal note' },
};

/** A marginal note: the record was corrected by this court order (its reference and date). */
export function courtOrderNote(order: CourtOrder): Words {
  const date = formatDate(order.date);
  return {
    ar: `صُحّح بقرار المحكمة (${order.reference}، ${date.ar})`,
    ckb: CKB.correctedByCourtOrder(order.reference, date.ckb),
    en: `Corrected by court order (${order.reference}, ${date.en})`,
  };
}

const COMMON_VALUES: Readonly<Record<string, Words>> = {
  female: { ar: 'أنثى', ckb: CKB.female, en: 'Female' },
  male: { ar: 'ذكر', ckb: CKB.male, en: 'Male' },
};

/**
 * A date as each language writes it: ١٤ آذار ٢٠٢٦ (Iraq's month names, Arabic-Indic digits),
 * ١٤ ئازار ٢٠٢٦ (the Kurdistan Region's month names from the catalogue, the same digits as the
 * Arabic column beside it) and 14 March 2026.
 */
const DATE_OPTIONS = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const AR_DATE = new Intl.DateTimeFormat('ar-IQ', DATE_OPTIONS);
const EN_DATE = new Intl.DateTimeFormat('en-GB', DATE_OPTIONS);
const AR_NUMBER = new Intl.NumberFormat('ar-IQ', { useGrouping: false });

export function formatDate(iso: string): Words {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const ckb = `${AR_NUMBER.format(d.getUTCDate())} ${CKB_MONTHS[d.getUTCMonth()] ?? ''} ${AR_NUMBER.format(d.getUTCFullYear())}`;
  return { ar: AR_DATE.format(d), ckb, en: EN_DATE.format(d) };
}

/** Which certified copy a certificate is, as each language prints it: نسخة مصدقة رقم ٢ and certified copy no. 2. */
export function copyWords(copyNumber: number): Words {
  return {
    ar: `نسخة مصدقة رقم ${AR_NUMBER.format(copyNumber)}`,
    ckb: CKB.certifiedCopy(AR_NUMBER.format(copyNumber)),
    en: `Certified copy no. ${copyNumber}`,
  };
}

/** A name as written (Arabic script, which the Kurdish column prints too) and its Latin form when known. */
export function formatName(name: PersonName): { ar: string; en?: string } {
  const ar = [name.givenName, name.fatherName, name.grandfatherName, name.familyName].filter(Boolean).join(' ');
  const l = name.latin;
  return {
    ar,
    ...(l ? { en: [l.givenName, l.fatherName, l.grandfatherName, l.familyName].filter(Boolean).join(' ') } : {}),
  };
}

/** What the English column says above a name it can print in Arabic script only. */
export const NO_LATIN_FORM = 'in Arabic script: no Latin form on record';

/** A name in each column: the Kurdish as the Arabic (names are declared in Arabic script), English in Latin when known. */
const nameWords = (name: PersonName): Words => {
  const n = formatName(name);
  return { ar: n.ar, ckb: n.ar, en: n.en ?? n.ar };
};

/**
 * A name's line. Without a Latin form the English column prints the Arabic script and its label
 * says so, so that a reader abroad does not take it for an omission (a proposal an officer has
 * not confirmed is not printed: it is not the registry's yet).
 */
const nameLine = (label: Words, name: PersonName): FactLine => ({
  label: name.latin ? label : { ...label, en: `${label.en} (${NO_LATIN_FORM})` },
  value: nameWords(name),
});

export function formatPlace(place: Place): Words {
  const g = GOVERNORATES.find((x) => x.code === place.governorate);
  const extra = [place.facility, place.district].filter(Boolean).join(', ');
  return {
    ar: [extra, g?.nameAr ?? place.governorate].filter(Boolean).join('، '),
    ckb: [extra, CKB_GOVERNORATES[place.governorate] ?? place.governorate].filter(Boolean).join('، '),
    en: [extra, g?.name ?? place.governorate].filter(Boolean).join(', '),
  };
}

export interface FactLine {
  label: Words;
  value: Words;
}

const isPlace = (v: CertifiedValue): v is Place => typeof v === 'object' && 'governorate' in v;
const isName = (v: CertifiedValue): v is PersonName => typeof v === 'object' && 'givenName' in v;
const isCourtOrders = (v: CertifiedValue): v is readonly CourtOrder[] =>
  Array.isArray(v) && v.every((o) => typeof o === 'object' && 'reference' in o && 'court' in o);
// Array.isArray does not narrow a readonly array out of a union; this does.
const isPeople = (v: CertifiedValue): v is readonly CertifiedPerson[] => Array.isArray(v) && !isCourtOrders(v);

/** The certified facts as labelled lines: a person's name and NIN, then each date, place and word. */
export function factLines(facts: CertifiedFacts, words: KindWords): FactLine[] {
  const lines: FactLine[] = [];
  const labels: Readonly<Record<string, Words>> = { ...COMMON_LABELS, ...words.labels };
  // A key no contract labels (a token from a newer version) is shown as itself rather than dropped.
  const label = (key: string): Words => labels[key] ?? sameWords(key);
  // A coded value may have words per the subject's sex (Arabic: أعزب, عزباء), as `value:sex`.
  const sex = typeof facts.sex === 'string' ? facts.sex : undefined;
  const value = (key: string, v: string): Words =>
    /^\d{4}-\d{2}-\d{2}/.test(v) && key !== 'nin'
      ? formatDate(v)
      : ((sex ? words.values?.[`${v}:${sex}`] : undefined) ?? words.values?.[v] ?? COMMON_VALUES[v] ?? sameWords(v));
  const add = (key: string, v: CertifiedValue, who?: Words) => {
    const l = who ? eachWords((lang) => `${who[lang]}: ${label(key)[lang]}`) : label(key);
    if (typeof v === 'string') lines.push({ label: l, value: value(key, v) });
    // Numbers in Latin digits in both columns, as the registration number and NINs are printed.
    else if (typeof v === 'number') lines.push({ label: l, value: sameWords(String(v)) });
    else if (isPlace(v)) lines.push({ label: l, value: formatPlace(v) });
    else if (isName(v)) lines.push(nameLine(l, v));
  };
  const person = (p: CertifiedPerson, who: Words) => {
    if (p.name) lines.push(nameLine(who, p.name));
    for (const [k, v] of Object.entries(p) as [keyof CertifiedPerson, CertifiedValue | undefined][])
      if (k !== 'name' && v !== undefined) add(k, v, who);
  };
  const ordinals: Words[] = [
    { ar: 'الأول', ckb: CKB.ordinals[0], en: '1' },
    { ar: 'الثاني', ckb: CKB.ordinals[1], en: '2' },
  ];
  for (const [key, v] of Object.entries(facts)) {
    if (v === undefined) continue;
    if (isCourtOrders(v)) {
      for (const order of v) lines.push({ label: label(key), value: courtOrderNote(order) });
    } else if (isPeople(v)) {
      for (const [i, p] of v.entries()) {
        const o = ordinals[i] ?? sameWords(String(i + 1));
        person(
          p,
          eachWords((lang: Lang) => `${label(key)[lang]} ${o[lang]}`),
        );
      }
    } else if (typeof v === 'object' && !isPlace(v) && !isName(v)) person(v, label(key));
    else add(key, v);
  }
  return lines;
}
