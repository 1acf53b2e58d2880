import type { CertifiedFacts } from '../records/contract';
import { factLines, formatDate, REGISTRY, UNKNOWN_KIND, type KindWords } from './labels';
import type { Verification } from './verification';

/**
 * What the page is shown for: a verification, or a certificate number that names no certificate
 * (mistyped, most often: it says to check the number, not that the paper is forged).
 */
export type PageOutcome = Verification | { valid: false; status: 'not-found'; certificate?: undefined };

/** What each outcome means, in words a clerk at a counter understands. */
const VERDICT: Record<PageOutcome['status'], { ar: string; en: string; arDetail: string; enDetail: string }> = {
  valid: {
    ar: 'شهادة أصلية وسارية',
    en: 'Genuine and valid',
    arDetail: 'صدرت هذه الشهادة عن السجل المدني، ولم تُلغَ، والبيانات أدناه مطابقة للسجل.',
    enDetail:
      'The civil registry issued this certificate; it has not been revoked, and the details below match the register.',
  },
  revoked: {
    ar: 'شهادة ملغاة — لا تُقبل',
    en: 'Revoked — do not accept',
    arDetail: 'صدرت هذه الشهادة عن السجل المدني ثم أُلغيت. اطلب من صاحبها شهادة جديدة.',
    enDetail:
      'The civil registry issued this certificate and has since revoked it. Ask the holder for a new certificate.',
  },
  superseded: {
    ar: 'شهادة قديمة — صدرت شهادة أحدث',
    en: 'Out of date — a newer certificate exists',
    arDetail:
      'هذه الشهادة أصلية لكن السجل صُحّح بعد إصدارها؛ البيانات أدناه هي ما كان صحيحاً يوم إصدارها. اطلب شهادة حديثة.',
    enDetail:
      'This certificate is genuine, but the record was corrected after it was issued; the details below are what was true when it was issued. Ask for a current certificate.',
  },
  invalid: {
    ar: 'شهادة غير صالحة — لا تُقبل',
    en: 'Not valid — do not accept',
    arDetail: 'تعذّر التأكد من أن هذه الشهادة صادرة عن السجل المدني، أو انتهت مدة نفاذها.',
    enDetail: 'This could not be confirmed as a certificate of the civil registry, or it has expired.',
  },
  'not-found': {
    ar: 'لا توجد شهادة بهذا الرقم',
    en: 'No certificate has this number',
    arDetail: 'تأكّد من رقم الشهادة المطبوع عليها وأعد المحاولة، أو امسح الرمز المطبوع عليها.',
    enDetail: 'No certificate has this number: check it and try again, or scan the code printed on the certificate.',
  },
};

/** Why a certificate was revoked, from its code: the registrar's own words are not shown to the public. */
const REVOCATION: Record<string, { ar: string; en: string }> = {
  'record-voided': { ar: 'أُبطل القيد في السجل المدني', en: 'The record was voided' },
  'revoked-by-registrar': { ar: 'ألغاها أمين السجل المدني', en: 'Revoked by the registrar' },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The verification page: Arabic (right to left) beside English, the verdict first, then the facts of a genuine certificate. */
export function verificationPage(v: PageOutcome, wordsOf: (kind: string) => KindWords | undefined): string {
  const verdict = VERDICT[v.status];
  const c = v.certificate;
  const words = (c && wordsOf(c.kind)) ?? UNKNOWN_KIND;
  const title = words.title;
  const reason = v.status === 'revoked' && v.reason ? REVOCATION[v.reason] : undefined;
  const rows = c
    ? [
        { label: { ar: 'رقم الشهادة', en: 'Certificate number' }, value: { ar: c.id, en: c.id } },
        {
          label: { ar: 'رقم التسجيل', en: 'Registration number' },
          value: { ar: c.registrationNumber, en: c.registrationNumber },
        },
        // The facts come from a token the registry signed from a kind's certified facts.
        ...(c.facts ? factLines(c.facts as CertifiedFacts, words) : []),
        { label: { ar: 'تاريخ الإصدار', en: 'Date of issue' }, value: formatDate(c.issuedAt) },
        ...(c.revokedAt ? [{ label: { ar: 'تاريخ الإلغاء', en: 'Revoked on' }, value: formatDate(c.revokedAt) }] : []),
        ...(reason ? [{ label: { ar: 'سبب الإلغاء', en: 'Reason' }, value: reason }] : []),
      ]
    : [];
  const table = rows
    .map(
      (r) =>
        `<tr><th dir="rtl" lang="ar">${escape(r.label.ar)}</th><td dir="rtl" lang="ar"><bdi>${escape(r.value.ar)}</bdi></td>` +
        `<td dir="ltr" lang="en"><bdi>${escape(r.value.en)}</bdi></td><th dir="ltr" lang="en">${escape(r.label.en)}</th></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>التحقق من الشهادة — Certificate check</title>
<style>
body { font-family: "Noto Naskh Arabic", "Noto Sans", Arial, sans-serif; margin: 0; background: #f5f5f0; color: #1a1a1a; }
main { max-width: 960px; margin: 0 auto; padding: 24px; }
header { display: flex; justify-content: space-between; gap: 16px; border-bottom: 2px solid #14532d; padding-bottom: 8px; }
.verdict { display: flex; gap: 24px; margin: 24px 0; padding: 20px; border-radius: 8px; border: 3px solid; }
.verdict > div { flex: 1; }
.verdict h1 { margin: 0 0 8px; font-size: 1.7em; }
.status-valid { border-color: #15803d; background: #dcfce7; }
.status-revoked, .status-invalid { border-color: #b91c1c; background: #fee2e2; }
.status-not-found { border-color: #1d4ed8; background: #dbeafe; }
.status-superseded { border-color: #b45309; background: #fef3c7; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { padding: 6px 10px; border-bottom: 1px solid #ddd; vertical-align: top; }
th { color: #555; font-weight: normal; width: 18%; }
</style>
</head>
<body>
<main>
<header><div lang="ar">${escape(REGISTRY.ar)}</div><div dir="ltr" lang="en">${escape(REGISTRY.en)}</div></header>
<section class="verdict status-${v.status}" data-status="${v.status}">
<div lang="ar" dir="rtl"><h1>${escape(verdict.ar)}</h1><p>${escape(verdict.arDetail)}</p>${c ? `<p>${escape(title.ar)}</p>` : ''}</div>
<div lang="en" dir="ltr"><h1>${escape(verdict.en)}</h1><p>${escape(verdict.enDetail)}</p>${c ? `<p>${escape(title.en)}</p>` : ''}</div>
</section>
${rows.length > 0 ? `<table>\n${table}\n</table>` : ''}
</main>
</body>
</html>
`;
}
