/**
 * The Sorani Kurdish (`ckb`) words every certificate shares, beside the Arabic and English ones
 * in labels.ts. Where each comes from:
 * - [CLDR] the Unicode CLDR's `ckb` locale (the data of ICU, which Node and the browsers use):
 *   the Gregorian months as the Kurdistan Region writes them (`Intl.DateTimeFormat('ckb')`).
 * - [KRG] the Kurdistan Region's own offices: the Sulaymaniyah passport directorate's list of
 *   documents (sulypassport.com/archives/389) writes کارتی نیشتمانی (the National Card) and
 *   باری شارستانی (civil status, as in پێناسی باری شارستانی); KRG pages write هەرێمی کوردستان.
 * - [console] the office console's Kurdish catalogue (web/src/i18n/ckb.ts), so the paper and the
 *   screen use one vocabulary; those terms are themselves marked for review there.
 * - [review] no source found: to be reviewed by a Kurdish-speaking registrar before release.
 */

/** The months, January first [CLDR]; December spelled with the long vowel as January (CLDR writes کانونی there). */
export const CKB_MONTHS = [
  'کانوونی دووەم',
  'شوبات',
  'ئازار',
  'نیسان',
  'ئایار',
  'حوزەیران',
  'تەمووز',
  'ئاب',
  'ئەیلوول',
  'تشرینی یەکەم',
  'تشرینی دووەم',
  'کانوونی یەکەم',
] as const;

/** The governorates by ISO 3166-2 code [console]. */
export const CKB_GOVERNORATES: Readonly<Record<string, string>> = {
  'IQ-AN': 'ئەنبار',
  'IQ-BB': 'بابل',
  'IQ-BG': 'بەغدا',
  'IQ-BA': 'بەسرە',
  'IQ-DQ': 'زیقار',
  'IQ-DI': 'دیالە',
  'IQ-DA': 'دهۆک',
  'IQ-AR': 'هەولێر',
  'IQ-KA': 'کەربەلا',
  'IQ-KI': 'کەرکووک',
  'IQ-MA': 'مەیسان',
  'IQ-MU': 'موسەننا',
  'IQ-NA': 'نەجەف',
  'IQ-NI': 'نەینەوا',
  'IQ-QA': 'قادسیە',
  'IQ-SD': 'سەلاحەددین',
  'IQ-SU': 'سلێمانی',
  'IQ-WA': 'واسط',
};

export const CKB = {
  /** [KRG] کۆماری عێراق, باری شارستانی; تۆماری باری شارستانی is the console's name of the registry [console]. */
  registry: 'کۆماری عێراق — تۆماری باری شارستانی',
  /** [console] بڕوانامە, as the console names the registry's certificates. */
  certificate: 'بڕوانامە',
  /** [KRG] ژمارەی نیشتمانی, the number on the کارتی نیشتمانی; [console] the rest. */
  nin: 'ژمارەی نیشتمانی',
  name: 'ناو',
  sex: 'ڕەگەز',
  dateOfBirth: 'ڕێکەوتی لەدایکبوون',
  placeOfBirth: 'شوێنی لەدایکبوون',
  female: 'مێ',
  male: 'نێر',
  registrationNumber: 'ژمارەی تۆمار',
  /** [review] the rest of this catalogue. */
  courtReference: 'ژمارەی بڕیاری دادگا',
  marginalNote: 'پەراوێز',
  correctedByCourtOrder: (reference: string, date: string) => `ڕاستکرایەوە بە بڕیاری دادگا (${reference}، ${date})`,
  certifiedCopy: (n: string) => `کۆپیی پەسەندکراوی ژمارە ${n}`,
  ordinals: ['یەکەم', 'دووەم'],
  dateOfRegistration: 'ڕێکەوتی تۆمارکردن',
  issued: 'ڕێکەوتی دەرکردن',
  validUntil: 'کارپێکراوە تا',
  certificateNumber: 'ژمارەی بڕوانامە',
  // Shorter than the Arabic's "to verify, scan the code or open": the line holds the whole address.
  toVerify:
    'بۆ پشتڕاستکردنەوە کۆدەکە بخوێنەرەوە، یان بەستەرەکەی خوارەوە بکەرەوە، یان ژمارەی بڕوانامەکە لە پەڕەی پشتڕاستکردنەوە بنووسە',
  offline: 'کۆدەکە بڕوانامە واژووکراوەکە هەڵدەگرێت؛ دەتوانرێت بێ ئینتەرنێت بە کلیلە بڵاوکراوەکان پشتڕاست بکرێتەوە',
} as const;
