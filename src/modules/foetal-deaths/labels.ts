import type { CertificateWords } from '../records/contract';
import type { FoetalDeathCertified } from './presenter';

/**
 * The words of a certificate of stillbirth (the certificates label nin, name and sex for every
 * kind). Arabic: "ولادة ميتة" is the usual Arabic medical term for a stillbirth; "الولادة" for
 * the delivery follows the wording of Iraq's Births and Deaths Registration Law No. 148 of 1971
 * (art. 3, "عملية ولادة"). No Iraqi stillbirth form was found to quote: the Arabic wants review by
 * the registry before release. The Kurdish (ckb) was found in no KRG form either: to be reviewed.
 */
export const FOETAL_DEATH_TITLE = {
  ar: 'شهادة ولادة ميتة',
  ckb: 'بڕوانامەی لەدایکبوونی مردوو',
  en: 'Certificate of stillbirth',
};

export const FOETAL_DEATH_LABELS: CertificateWords<FoetalDeathCertified>['labels'] = {
  mother: { ar: 'الأم', ckb: 'دایک', en: 'Mother' },
  dateOfDelivery: { ar: 'تاريخ الولادة', ckb: 'ڕێکەوتی منداڵبوون', en: 'Date of delivery' },
  placeOfDelivery: { ar: 'مكان الولادة', ckb: 'شوێنی منداڵبوون', en: 'Place of delivery' },
  gestationWeeks: { ar: 'مدة الحمل بالأسابيع', ckb: 'ماوەی سکپڕی بە هەفتە', en: 'Weeks of gestation' },
};
