/**
 * Dates and numbers with Latin digits in every language (as on the certificates and the national
 * card), in the page's language otherwise: `-u-nu-latn` keeps Arabic's month names but not its digits.
 */
export function formatDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const withTime = iso.length > 10;
  return new Intl.DateTimeFormat(`${localeOf(language)}-u-nu-latn`, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: withTime ? 'Asia/Baghdad' : 'UTC',
  }).format(date);
}

/** Iraq's Arabic (its month names: كانون الثاني, شباط, …), Sorani, or English. */
const localeOf = (language: string) => (language === 'ar' ? 'ar-IQ' : language === 'ckb' ? 'ckb-IQ' : 'en-GB');

export const today = (): string => new Date().toISOString().slice(0, 10);
