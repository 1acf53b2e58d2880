import type { CertificateWords, Words } from '../records/contract';
import type { AnnulmentCertified } from './presenter';
import type { ANNULMENT_GROUNDS } from './schemas';

/** Each ground as a certificate writes it. */
const GROUND_WORDS: Record<(typeof ANNULMENT_GROUNDS)[number], Words> = {
  'defect-of-contract': { ar: 'تخلف شرط من شروط انعقاد العقد أو صحته', en: 'A condition of the contract missing' },
  incapacity: { ar: 'انعدام أهلية أحد العاقدين', en: 'Incapacity of a party' },
  coercion: { ar: 'الإكراه على الزواج', en: 'Marriage under coercion' },
  'prohibited-degree': {
    ar: 'حرمة مؤبدة (نسب أو مصاهرة أو رضاع)',
    en: 'Prohibited degree (kinship, affinity, fosterage)',
  },
  'temporary-impediment': { ar: 'مانع مؤقت', en: 'Temporary impediment' },
  religion: { ar: 'اختلاف الدين', en: 'Difference of religion' },
  other: { ar: 'سبب آخر', en: 'Other ground' },
};

/**
 * The words of an annulment certificate.
 *
 * The title needs review by the registry's legal office. Iraq's Civil Status Law No. 65 of 1972
 * (art. 38, on events abroad) lists what the civil-status register records as "الزواج أو الطلاق
 * أو الفسخ أو الفرقة", so the register's word is فسخ; a court declaring a void contract speaks
 * of بطلان عقد الزواج, and تفريق is a separation (a divorce by judgment), which this is not.
 */
export const ANNULMENT_CERTIFICATE: CertificateWords<AnnulmentCertified> = {
  type: 'AnnulmentCertificate',
  title: { ar: 'شهادة فسخ زواج', en: 'Certificate of annulment of marriage' },
  labels: {
    parties: { ar: 'الطرف', en: 'Party' },
    marriageRegistrationNumber: { ar: 'رقم تسجيل الزواج', en: 'Marriage registration number' },
    dateOfJudgment: { ar: 'تاريخ الحكم', en: 'Date of judgment' },
    ground: { ar: 'سبب الفسخ', en: 'Ground of annulment' },
  },
  values: GROUND_WORDS,
};
