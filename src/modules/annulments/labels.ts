import type { CertificateWords, Words } from '../records/contract';
import type { AnnulmentCertified } from './presenter';
import type { AnnulmentGround } from './schemas';

/** Each ground as a certificate writes it (the Kurdish: to be reviewed, no KRG form was found). */
const GROUND_WORDS: Record<AnnulmentGround, Words> = {
  'defect-of-contract': {
    ar: 'تخلف شرط من شروط انعقاد العقد أو صحته',
    ckb: 'نەبوونی مەرجێک لە مەرجەکانی بەستن یان دروستیی گرێبەست',
    en: 'A condition of the contract missing',
  },
  incapacity: {
    ar: 'انعدام أهلية أحد العاقدين',
    ckb: 'نەبوونی شایستەیی یەکێک لە لایەنەکان',
    en: 'Incapacity of a party',
  },
  coercion: { ar: 'الإكراه على الزواج', ckb: 'هاوسەرگیری بە زۆرەملێ', en: 'Marriage under coercion' },
  'prohibited-degree': {
    ar: 'حرمة مؤبدة (نسب أو مصاهرة أو رضاع)',
    ckb: 'حەرامێتیی هەمیشەیی (خزمایەتی، ژنخوازی یان شیرخواردن)',
    en: 'Prohibited degree (kinship, affinity, fosterage)',
  },
  'temporary-impediment': { ar: 'مانع مؤقت', ckb: 'ڕێگرێکی کاتی', en: 'Temporary impediment' },
  religion: { ar: 'اختلاف الدين', ckb: 'جیاوازیی ئایین', en: 'Difference of religion' },
  other: { ar: 'سبب آخر', ckb: 'هۆیەکی تر', en: 'Other ground' },
};

/**
 * The words of an annulment certificate.
 *
 * The title needs review by the registry's legal office. Iraq's Civil Status Law No. 65 of 1972
 * (art. 38, on events abroad) lists what the civil-status register records as "الزواج أو الطلاق
 * أو الفسخ أو الفرقة", so the register's word is فسخ; a court declaring a void contract speaks
 * of بطلان عقد الزواج, and تفريق is a separation (a divorce by judgment), which this is not.
 * Kurdish: هەڵوەشاندنەوەی هاوسەرگیری as the console's catalogue names the kind (web/src/i18n/ckb.ts).
 */
export const ANNULMENT_CERTIFICATE: CertificateWords<AnnulmentCertified> = {
  type: 'AnnulmentCertificate',
  title: {
    ar: 'شهادة فسخ زواج',
    ckb: 'بڕوانامەی هەڵوەشاندنەوەی هاوسەرگیری',
    en: 'Certificate of annulment of marriage',
  },
  labels: {
    parties: { ar: 'الطرف', ckb: 'لایەن', en: 'Party' },
    marriageRegistrationNumber: {
      ar: 'رقم تسجيل الزواج',
      ckb: 'ژمارەی تۆماری هاوسەرگیری',
      en: 'Marriage registration number',
    },
    dateOfJudgment: { ar: 'تاريخ الحكم', ckb: 'ڕێکەوتی حوکم', en: 'Date of judgment' },
    ground: { ar: 'سبب الفسخ', ckb: 'هۆی هەڵوەشاندنەوە', en: 'Ground of annulment' },
  },
  values: GROUND_WORDS,
};
