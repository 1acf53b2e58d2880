/**
 * Dates and numbers with Latin digits in every language (as on the certificates and the national
 * card), in the page's language otherwise: `-u-nu-latn` keeps Arabic's month names but not its digits.
 */
export function formatDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const withTime = iso.length > 10;
  if (language === 'ckb') return sorani(date, withTime);
  return new Intl.DateTimeFormat(`${localeOf(language)}-u-nu-latn`, {
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
