import { arabicIndic, dateDigits, type Digits } from './digits';

/**
 * Dates in the page's language, with Latin digits by default (as on the certificates and the
 * national card) or Arabic-Indic ones when the user chose them (lib/digits.ts; never in English):
 * `-u-nu-latn` keeps Arabic's month names but not its digits.
 */
export function formatDate(iso: string | undefined, language: string, digits?: Digits): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const withTime = iso.length > 10;
  const nu = dateDigits(language, digits);
  if (language === 'ckb') {
    const text = sorani(date, withTime);
    return nu === 'arab' ? arabicIndic(text) : text;
  }
  return new Intl.DateTimeFormat(`${localeOf(language)}-u-nu-${nu}`, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: withTime ? 'Asia/Baghdad' : 'UTC',
  }).format(date);
}

/** Iraq's Arabic (its month names: كانون الثاني, شباط, …) or English. */
const localeOf = (language: string) => (language === 'ar' ? 'ar-IQ' : 'en-GB');

/** The months as the Kurdistan Region names them (review: the registry's own spelling). */
const SORANI_MONTHS = [
  'کانوونی دووەم',
  'شوبات',
  'ئازار',
  'نیسان',
  'ئایار',
  'حوزەیران',
  'تەممووز',
  'ئاب',
  'ئەیلوول',
  'تشرینی یەکەم',
  'تشرینی دووەم',
  'کانوونی یەکەم',
];

/**
 * Browsers carry no Sorani calendar data (Intl falls back to English), so Kurdish dates are
 * written here: day, month name, year, and the time in Baghdad.
 */
function sorani(date: Date, withTime: boolean): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      timeZone: withTime ? 'Asia/Baghdad' : 'UTC',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const day = `${Number(parts.day)} ${SORANI_MONTHS[Number(parts.month) - 1] ?? ''} ${parts.year}`;
  return withTime ? `${day}، ${parts.hour}:${parts.minute}` : day;
}

export const today = (): string => new Date().toISOString().slice(0, 10);
