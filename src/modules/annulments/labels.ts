import type { ANNULMENT_GROUNDS } from './schemas';

/**
 * The words of an annulment certificate, for certificates/labels.ts when the kind is wired in.
 *
 * The title needs review by the registry's legal office. Iraq's Civil Status Law No. 65 of 1972
 * (art. 38, on events abroad) lists what the civil-status register records as "الزواج أو الطلاق
 * أو الفسخ أو الفرقة", so the register's word is فسخ; a court declaring a void contract speaks
 * of بطلان عقد الزواج, and تفريق is a separation (a divorce by judgment), which this is not.
 */
export const ANNULMENT_TITLE = { ar: 'شهادة فسخ زواج', en: 'Certificate of annulment of marriage' };

/** Labels of the certified keys certificates/labels.ts lacks (it has parties, courtReference, marriageRegistrationNumber). */
export const ANNULMENT_LABELS: Record<string, { ar: string; en: string }> = {
  dateOfJudgment: { ar: 'تاريخ الحكم', en: 'Date of judgment' },
  ground: { ar: 'سبب الفسخ', en: 'Ground of annulment' },
};

/** Each ground as a certificate writes it. */
export const ANNULMENT_GROUND_VALUES: Record<(typeof ANNULMENT_GROUNDS)[number], { ar: string; en: string }> = {
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
