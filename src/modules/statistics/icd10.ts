/**
 * The 22 chapters of ICD-10 (WHO, 2019 edition) by the code ranges of their three-character
 * categories. A cause of death must fall in one of them; vital statistics count deaths by chapter.
 */
export const ICD10_CHAPTERS = [
  { chapter: 'I', from: 'A00', to: 'B99', title: 'Certain infectious and parasitic diseases' },
  { chapter: 'II', from: 'C00', to: 'D48', title: 'Neoplasms' },
  {
    chapter: 'III',
    from: 'D50',
    to: 'D89',
    title: 'Diseases of the blood and blood-forming organs and certain disorders involving the immune mechanism',
  },
  { chapter: 'IV', from: 'E00', to: 'E90', title: 'Endocrine, nutritional and metabolic diseases' },
  { chapter: 'V', from: 'F00', to: 'F99', title: 'Mental and behavioural disorders' },
  { chapter: 'VI', from: 'G00', to: 'G99', title: 'Diseases of the nervous system' },
  { chapter: 'VII', from: 'H00', to: 'H59', title: 'Diseases of the eye and adnexa' },
  { chapter: 'VIII', from: 'H60', to: 'H95', title: 'Diseases of the ear and mastoid process' },
  { chapter: 'IX', from: 'I00', to: 'I99', title: 'Diseases of the circulatory system' },
  { chapter: 'X', from: 'J00', to: 'J99', title: 'Diseases of the respiratory system' },
  { chapter: 'XI', from: 'K00', to: 'K93', title: 'Diseases of the digestive system' },
  { chapter: 'XII', from: 'L00', to: 'L99', title: 'Diseases of the skin and subcutaneous tissue' },
  { chapter: 'XIII', from: 'M00', to: 'M99', title: 'Diseases of the musculoskeletal system and connective tissue' },
  { chapter: 'XIV', from: 'N00', to: 'N99', title: 'Diseases of the genitourinary system' },
  { chapter: 'XV', from: 'O00', to: 'O99', title: 'Pregnancy, childbirth and the puerperium' },
  { chapter: 'XVI', from: 'P00', to: 'P96', title: 'Certain conditions originating in the perinatal period' },
  {
    chapter: 'XVII',
    from: 'Q00',
    to: 'Q99',
    title: 'Congenital malformations, deformations and chromosomal abnormalities',
  },
  {
    chapter: 'XVIII',
    from: 'R00',
    to: 'R99',
    title: 'Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified',
  },
  {
    chapter: 'XIX',
    from: 'S00',
    to: 'T98',
    title: 'Injury, poisoning and certain other consequences of external causes',
  },
  { chapter: 'XX', from: 'V01', to: 'Y98', title: 'External causes of morbidity and mortality' },
  {
    chapter: 'XXI',
    from: 'Z00',
    to: 'Z99',
    title: 'Factors influencing health status and contact with health services',
  },
  { chapter: 'XXII', from: 'U00', to: 'U85', title: 'Codes for special purposes' },
] as const;

export type Icd10Chapter = (typeof ICD10_CHAPTERS)[number]['chapter'];

/** A category (A00) with an optional subcategory after a dot (A00.1; national extensions up to four characters). */
export const ICD10_PATTERN = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

/** The chapter of a code of the right form, or undefined when its category is in no chapter (D49, U99). */
export function chapterOf(code: string): Icd10Chapter | undefined {
  const category = code.slice(0, 3);
  return ICD10_CHAPTERS.find((c) => category >= c.from && category <= c.to)?.chapter;
}

export const isIcd10Code = (code: string) => ICD10_PATTERN.test(code) && chapterOf(code) !== undefined;
