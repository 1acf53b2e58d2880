/** A language a certificate speaks: Arabic, Sorani Kurdish (Arabic script) or English (the keys of records/contract's `Words`). */
export type Lang = 'ar' | 'ckb' | 'en';
type Words = Record<Lang, string>;

/**
 * What `language` takes: one or two languages, the first on the right of the page (both Arabic
 * script ones read right to left). `ar`, `en` and `ar-en` were accepted before Kurdish came.
 */
export const CERTIFICATE_LANGUAGES = ['ar-en', 'ar-ckb', 'ckb-ar', 'ckb-en', 'ar', 'ckb', 'en'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];
export const PAGE_LANGUAGES = ['ar', 'ckb', 'en'] as const satisfies readonly Lang[];

/** The languages of a certificate, in the order printed. */
export const languagesOf = (language: CertificateLanguage): Lang[] => language.split('-') as Lang[];

export const directionOf = (lang: Lang): 'rtl' | 'ltr' => (lang === 'en' ? 'ltr' : 'rtl');

/** The same text in every language (a number, a name as written). */
export const sameWords = (text: string): Words => ({ ar: text, ckb: text, en: text });

/** Words built the same way in every language from words of each. */
export const eachWords = (f: (lang: Lang) => string): Words => ({ ar: f('ar'), ckb: f('ckb'), en: f('en') });

/**
 * The two languages the verification page speaks: the certificate's (a one-language one with
 * Arabic, or Kurdish with Arabic beside it), or, when the reader asks one (`?lang=`), that one
 * first and the certificate's other beside it. Without a certificate (a mistyped number), Arabic
 * and English.
 */
export function pageLanguages(certificate: CertificateLanguage | undefined, asked?: Lang): [Lang, Lang] {
  const base = certificate ? languagesOf(certificate) : ['ar' as const, 'en' as const];
  const [first, second] = base;
  const pair: [Lang, Lang] = second ? [first ?? 'ar', second] : first === 'ckb' ? ['ckb', 'ar'] : ['ar', 'en'];
  if (!asked) return pair;
  return [asked, pair.find((l) => l !== asked) ?? 'ar'];
}

/** The certificate's language where none was asked: the Kurdistan Region's offices speak Arabic and Kurdish. */
export function defaultLanguage(
  governorate: string | undefined,
  config: {
    KURDISTAN_REGION_GOVERNORATES: string;
    CERTIFICATE_LANGUAGE_KURDISTAN_REGION: CertificateLanguage;
    CERTIFICATE_LANGUAGE_DEFAULT: CertificateLanguage;
  },
): CertificateLanguage {
  return governorate !== undefined && config.KURDISTAN_REGION_GOVERNORATES.split(',').includes(governorate)
    ? config.CERTIFICATE_LANGUAGE_KURDISTAN_REGION
    : config.CERTIFICATE_LANGUAGE_DEFAULT;
}
