import type { PersonName, Place } from '../persons/store';
import { GOVERNORATES } from '../offices/reference';
import type { RecordKind } from '../records/store';

/**
 * The words of a certificate in Arabic and English, shared by the PDF and the verification page,
 * and the certified facts as labelled lines in both languages.
 */
export const TITLES: Record<RecordKind, { ar: string; en: string }> = {
  birth: { ar: 'شهادة ولادة', en: 'Birth certificate' },
  marriage: { ar: 'شهادة زواج', en: 'Marriage certificate' },
  divorce: { ar: 'شهادة طلاق', en: 'Divorce certificate' },
  death: { ar: 'شهادة وفاة', en: 'Death certificate' },
};

export const REGISTRY = { ar: 'جمهورية العراق — السجل المدني', en: 'Republic of Iraq — Civil Registry' };

const LABELS: Record<string, { ar: string; en: string }> = {
  child: { ar: 'المولود', en: 'Child' },
  mother: { ar: 'الأم', en: 'Mother' },
  father: { ar: 'الأب', en: 'Father' },
  partyA: { ar: 'الزوج الأول', en: 'First party' },
  partyB: { ar: 'الزوج الثاني', en: 'Second party' },
  parties: { ar: 'الطرف', en: 'Party' },
  deceased: { ar: 'المتوفى', en: 'Deceased' },
  nin: { ar: 'الرقم الوطني', en: 'National ID number' },
  sex: { ar: 'الجنس', en: 'Sex' },
  dateOfBirth: { ar: 'تاريخ الولادة', en: 'Date of birth' },
  placeOfBirth: { ar: 'مكان الولادة', en: 'Place of birth' },
  dateOfMarriage: { ar: 'تاريخ الزواج', en: 'Date of marriage' },
  placeOfMarriage: { ar: 'مكان الزواج', en: 'Place of marriage' },
  courtReference: { ar: 'رقم قرار المحكمة', en: 'Court reference' },
  marriageRegistrationNumber: { ar: 'رقم تسجيل الزواج', en: 'Marriage registration number' },
  dateOfDivorce: { ar: 'تاريخ الطلاق', en: 'Date of divorce' },
  placeOfDivorce: { ar: 'مكان الطلاق', en: 'Place of divorce' },
  divorceType: { ar: 'نوع الطلاق', en: 'Type of divorce' },
  dateOfDeath: { ar: 'تاريخ الوفاة', en: 'Date of death' },
  placeOfDeath: { ar: 'مكان الوفاة', en: 'Place of death' },
  registrationNumber: { ar: 'رقم التسجيل', en: 'Registration number' },
  registeredAt: { ar: 'تاريخ التسجيل', en: 'Date of registration' },
  issuedAt: { ar: 'تاريخ الإصدار', en: 'Date of issue' },
  expiresAt: { ar: 'نافذة حتى', en: 'Valid until' },
  certificateId: { ar: 'رقم الشهادة', en: 'Certificate number' },
};

const VALUES: Record<string, { ar: string; en: string }> = {
  female: { ar: 'أنثى', en: 'Female' },
  male: { ar: 'ذكر', en: 'Male' },
  talaq: { ar: 'طلاق', en: 'Talaq (repudiation)' },
  khula: { ar: 'خلع', en: 'Khula' },
  'judicial-separation': { ar: 'تفريق قضائي', en: 'Judicial separation' },
  'mutual-consent': { ar: 'بالتراضي', en: 'By mutual consent' },
};

/** A date as each language writes it: ١٤ آذار ٢٠٢٦ (Iraq's month names, Arabic-Indic digits) and 14 March 2026. */
const DATE_OPTIONS = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const AR_DATE = new Intl.DateTimeFormat('ar-IQ', DATE_OPTIONS);
const EN_DATE = new Intl.DateTimeFormat('en-GB', DATE_OPTIONS);

export function formatDate(iso: string): { ar: string; en: string } {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return { ar: AR_DATE.format(d), en: EN_DATE.format(d) };
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
  label: { ar: string; en: string };
  value: { ar: string; en: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The certified facts as labelled lines: a person's name and NIN, then each date, place and word. */
export function factLines(facts: Record<string, unknown>): FactLine[] {
  const lines: FactLine[] = [];
  const label = (key: string) => LABELS[key] ?? { ar: key, en: key };
  const add = (key: string, value: unknown, prefix?: { ar: string; en: string }) => {
    const l = prefix ? { ar: `${prefix.ar}: ${label(key).ar}`, en: `${prefix.en}: ${label(key).en}` } : label(key);
    if (typeof value === 'string') {
      const v =
        /^\d{4}-\d{2}-\d{2}/.test(value) && key !== 'nin'
          ? formatDate(value)
          : (VALUES[value] ?? { ar: value, en: value });
      lines.push({ label: l, value: v });
    } else if (isObject(value) && 'governorate' in value) {
      lines.push({ label: l, value: formatPlace(value as unknown as Place) });
    } else if (isObject(value) && 'givenName' in value) {
      const n = formatName(value as unknown as PersonName);
      lines.push({ label: l, value: { ar: n.ar, en: n.en ?? n.ar } });
    }
  };
  for (const [key, value] of Object.entries(facts)) {
    const people = Array.isArray(value) ? value : [value];
    for (const [i, p] of people.entries()) {
      if (isObject(p) && ('nin' in p || 'name' in p)) {
        const ordinal = [
          { ar: 'الأول', en: '1' },
          { ar: 'الثاني', en: '2' },
        ][i] ?? { ar: String(i + 1), en: String(i + 1) };
        const who = Array.isArray(value)
          ? { ar: `${label(key).ar} ${ordinal.ar}`, en: `${label(key).en} ${ordinal.en}` }
          : label(key);
        if (isObject(p.name)) {
          const n = formatName(p.name as unknown as PersonName);
          lines.push({ label: who, value: { ar: n.ar, en: n.en ?? n.ar } });
        }
        for (const [k, v] of Object.entries(p)) if (k !== 'name') add(k, v, who);
      } else add(key, p);
    }
  }
  return lines;
}
