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

/**
 * The words of a certificate in Arabic and English, shared by the PDF and the verification page,
 * and the certified facts as labelled lines in both languages. A kind's title, labels and coded
 * values are its contract's (`certificate`); the words every kind shares are here.
 */
export type KindWords = Pick<CertificateWords<CertifiedFacts>, 'title' | 'labels' | 'values'>;

export const REGISTRY = { ar: 'جمهورية العراق — السجل المدني', en: 'Republic of Iraq — Civil Registry' };

/** The title of a certificate whose kind this version does not know (a token from a newer one). */
export const UNKNOWN_KIND: KindWords = { title: { ar: 'شهادة', en: 'Certificate' }, labels: {} };

const COMMON_LABELS: { readonly [K in CommonFactKey]: Words } = {
  nin: { ar: 'الرقم الوطني', en: 'National ID number' },
  name: { ar: 'الاسم', en: 'Name' },
  sex: { ar: 'الجنس', en: 'Sex' },
  dateOfBirth: { ar: 'تاريخ الولادة', en: 'Date of birth' },
  placeOfBirth: { ar: 'مكان الولادة', en: 'Place of birth' },
  courtReference: { ar: 'رقم قرار المحكمة', en: 'Court reference' },
  correctedByCourtOrder: { ar: 'حاشية', en: 'Marginal note' },
};

/** A marginal note: the record was corrected by this court order (its reference and date). */
export function courtOrderNote(order: CourtOrder): Words {
  const date = formatDate(order.date);
  return {
    ar: `صُحّح بقرار المحكمة (${order.reference}، ${date.ar})`,
    en: `Corrected by court order (${order.reference}, ${date.en})`,
  };
}

const COMMON_VALUES: Readonly<Record<string, Words>> = {
  female: { ar: 'أنثى', en: 'Female' },
  male: { ar: 'ذكر', en: 'Male' },
};

/** A date as each language writes it: ١٤ آذار ٢٠٢٦ (Iraq's month names, Arabic-Indic digits) and 14 March 2026. */
const DATE_OPTIONS = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const AR_DATE = new Intl.DateTimeFormat('ar-IQ', DATE_OPTIONS);
const EN_DATE = new Intl.DateTimeFormat('en-GB', DATE_OPTIONS);

export function formatDate(iso: string): { ar: string; en: string } {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return { ar: AR_DATE.format(d), en: EN_DATE.format(d) };
}

const AR_NUMBER = new Intl.NumberFormat('ar-IQ', { useGrouping: false });

/** Which certified copy a certificate is, as each language prints it: نسخة مصدقة رقم ٢ and certified copy no. 2. */
export function copyWords(copyNumber: number): Words {
  return { ar: `نسخة مصدقة رقم ${AR_NUMBER.format(copyNumber)}`, en: `Certified copy no. ${copyNumber}` };
}

export function formatName(name: PersonName): { ar: string; en?: string } {
  const ar = [name.givenName, name.fatherName, name.grandfatherName, name.familyName].filter(Boolean).join(' ');
  const l = name.latin;
  return {
    ar,
    ...(l ? { en: [l.givenName, l.fatherName, l.grandfatherName, l.familyName].filter(Boolean).join(' ') } : {}),
  };
}

export function formatPlace(place: Place): { ar: string; en: string } {
  const g = GOVERNORATES.find((x) => x.code === place.governorate);
  const extra = [place.facility, place.district].filter(Boolean).join(', ');
  return {
    ar: [extra, g?.nameAr ?? place.governorate].filter(Boolean).join('، '),
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
  const label = (key: string): Words => labels[key] ?? { ar: key, en: key };
  const value = (key: string, v: string): Words =>
    /^\d{4}-\d{2}-\d{2}/.test(v) && key !== 'nin'
      ? formatDate(v)
      : (words.values?.[v] ?? COMMON_VALUES[v] ?? { ar: v, en: v });
  const add = (key: string, v: CertifiedValue, who?: Words) => {
    const l = who ? { ar: `${who.ar}: ${label(key).ar}`, en: `${who.en}: ${label(key).en}` } : label(key);
    if (typeof v === 'string') lines.push({ label: l, value: value(key, v) });
    // Numbers in Latin digits in both columns, as the registration number and NINs are printed.
    else if (typeof v === 'number') lines.push({ label: l, value: { ar: String(v), en: String(v) } });
    else if (isPlace(v)) lines.push({ label: l, value: formatPlace(v) });
    else if (isName(v)) {
      const n = formatName(v);
      lines.push({ label: l, value: { ar: n.ar, en: n.en ?? n.ar } });
    }
  };
  const person = (p: CertifiedPerson, who: Words) => {
    if (p.name) {
      const n = formatName(p.name);
      lines.push({ label: who, value: { ar: n.ar, en: n.en ?? n.ar } });
    }
    for (const [k, v] of Object.entries(p) as [keyof CertifiedPerson, CertifiedValue | undefined][])
      if (k !== 'name' && v !== undefined) add(k, v, who);
  };
  const ordinals = [
    { ar: 'الأول', en: '1' },
    { ar: 'الثاني', en: '2' },
  ];
  for (const [key, v] of Object.entries(facts)) {
    if (v === undefined) continue;
    if (isCourtOrders(v)) {
      for (const order of v) lines.push({ label: label(key), value: courtOrderNote(order) });
    } else if (isPeople(v)) {
      for (const [i, p] of v.entries()) {
        const o = ordinals[i] ?? { ar: String(i + 1), en: String(i + 1) };
        person(p, { ar: `${label(key).ar} ${o.ar}`, en: `${label(key).en} ${o.en}` });
      }
    } else if (typeof v === 'object' && !isPlace(v) && !isName(v)) person(v, label(key));
    else add(key, v);
  }
  return lines;
}
