import type { CertifiedFacts, Words } from '../records/contract';
import { factLines, formatDate, PAPER, REGISTRY, UNKNOWN_KIND, type KindWords } from './labels';
import { directionOf, sameWords, type Lang } from './languages';
import type { Verification } from './verification';

/**
 * What the page is shown for: a verification, or a certificate number that names no certificate
 * (mistyped, most often: it says to check the number, not that the paper is forged).
 */
export type PageOutcome = Verification | { valid: false; status: 'not-found'; certificate?: undefined };

/** Nothing asked yet: the page is only the form to type a certificate number. */
export const ASK: unique symbol = Symbol('ask');

/**
 * What each outcome means, in words a clerk at a counter understands. The Kurdish follows the
 * console's vocabulary (web/src/i18n/ckb.ts: بڕوانامە, کشاندنەوە for a revocation) and is to be
 * reviewed by a Kurdish-speaking registrar.
 */
const VERDICT: Record<
  PageOutcome['status'],
  { ar: string; ckb: string; en: string; arDetail: string; ckbDetail: string; enDetail: string }
> = {
  valid: {
    ar: 'شهادة أصلية وسارية',
    ckb: 'بڕوانامەیەکی ڕەسەن و کارپێکراوە',
    en: 'Genuine and valid',
    ckbDetail:
      'ئەم بڕوانامەیە تۆماری باری شارستانی دەریکردووە، نەکشێنراوەتەوە، و زانیارییەکانی خوارەوە لەگەڵ تۆمارەکە دەگونجێن.',
    arDetail: 'صدرت هذه الشهادة عن السجل المدني، ولم تُلغَ، والبيانات أدناه مطابقة للسجل.',
    enDetail:
      'The civil registry issued this certificate; it has not been revoked, and the details below match the register.',
  },
  revoked: {
    ar: 'شهادة ملغاة — لا تُقبل',
    ckb: 'بڕوانامەی کشێنراوە — وەرمەگرە',
    en: 'Revoked — do not accept',
    ckbDetail:
      'تۆماری باری شارستانی ئەم بڕوانامەیەی دەرکرد و پاشان کشاندییەوە. داوای بڕوانامەیەکی نوێ لە خاوەنەکەی بکە.',
    arDetail: 'صدرت هذه الشهادة عن السجل المدني ثم أُلغيت. اطلب من صاحبها شهادة جديدة.',
    enDetail:
      'The civil registry issued this certificate and has since revoked it. Ask the holder for a new certificate.',
  },
  superseded: {
    ar: 'شهادة قديمة — صدرت شهادة أحدث',
    ckb: 'بڕوانامەی کۆن — بڕوانامەیەکی نوێتر دەرچووە',
    en: 'Out of date — a newer certificate exists',
    ckbDetail:
      'ئەم بڕوانامەیە ڕەسەنە، بەڵام تۆمارەکە دوای دەرچوونی ڕاستکرایەوە؛ زانیارییەکانی خوارەوە ئەوەن کە ڕۆژی دەرچوونی ڕاست بوون. داوای بڕوانامەیەکی نوێ بکە.',
    arDetail:
      'هذه الشهادة أصلية لكن السجل صُحّح بعد إصدارها؛ البيانات أدناه هي ما كان صحيحاً يوم إصدارها. اطلب شهادة حديثة.',
    enDetail:
      'This certificate is genuine, but the record was corrected after it was issued; the details below are what was true when it was issued. Ask for a current certificate.',
  },
  invalid: {
    ar: 'شهادة غير صالحة — لا تُقبل',
    ckb: 'بڕوانامەی نادروست — وەرمەگرە',
    en: 'Not valid — do not accept',
    ckbDetail: 'نەتوانرا پشتڕاست بکرێتەوە کە ئەمە بڕوانامەی تۆماری باری شارستانییە، یان ماوەی کارپێکردنی تەواو بووە.',
    arDetail: 'تعذّر التأكد من أن هذه الشهادة صادرة عن السجل المدني، أو انتهت مدة نفاذها.',
    enDetail: 'This could not be confirmed as a certificate of the civil registry, or it has expired.',
  },
  'not-found': {
    ar: 'لا توجد شهادة بهذا الرقم',
    ckb: 'هیچ بڕوانامەیەک بەم ژمارەیە نییە',
    en: 'No certificate has this number',
    ckbDetail:
      'ژمارەی بڕوانامەکە کە لەسەری چاپکراوە بپشکنە و دووبارە هەوڵ بدەرەوە، یان ئەو کۆدەی لەسەری چاپکراوە بخوێنەرەوە.',
    arDetail: 'تأكّد من رقم الشهادة المطبوع عليها وأعد المحاولة، أو امسح الرمز المطبوع عليها.',
    enDetail: 'No certificate has this number: check it and try again, or scan the code printed on the certificate.',
  },
};

/** Why a certificate was revoked, from its code: the registrar's own words are not shown to the public. */
const REVOCATION: Record<string, Words> = {
  'record-voided': { ar: 'أُبطل القيد في السجل المدني', ckb: 'تۆمارەکە هەڵوەشێنرایەوە', en: 'The record was voided' },
  'revoked-by-registrar': {
    ar: 'ألغاها أمين السجل المدني',
    ckb: 'تۆمارکار کشاندییەوە',
    en: 'Revoked by the registrar',
  },
};

const PAGE_WORDS: Readonly<Record<'title' | 'revokedOn' | 'reason' | 'validUntil' | 'typeNumber' | 'check', Words>> = {
  title: { ar: 'التحقق من الشهادة', ckb: 'پشتڕاستکردنەوەی بڕوانامە', en: 'Certificate check' },
  validUntil: { ar: 'نافذة حتى', ckb: 'کارپێکراوە تا', en: 'Valid until' },
  typeNumber: {
    ar: 'رقم الشهادة كما هو مطبوع عليها',
    ckb: 'ژمارەی بڕوانامەکە وەک لەسەری چاپکراوە',
    en: 'The certificate number, as printed on it',
  },
  check: { ar: 'تحقّق', ckb: 'پشتڕاستی بکەرەوە', en: 'Check' },
  revokedOn: { ar: 'تاريخ الإلغاء', ckb: 'ڕێکەوتی کشاندنەوە', en: 'Revoked on' },
  reason: { ar: 'سبب الإلغاء', ckb: 'هۆ', en: 'Reason' },
};

const DETAIL = { ar: 'arDetail', ckb: 'ckbDetail', en: 'enDetail' } as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The verification page in two languages (routes.ts picks them: the certificate's, or the one
 * asked), the first as the page's own direction, the verdict first, then the facts of a genuine
 * certificate.
 */
export function verificationPage(
  outcome: PageOutcome | typeof ASK,
  wordsOf: (kind: string) => KindWords | undefined,
  [one, two]: [Lang, Lang] = ['ar', 'en'],
  typed = '',
): string {
  const v = outcome === ASK ? undefined : outcome;
  const c = v?.certificate;
  const words = (c && wordsOf(c.kind)) ?? UNKNOWN_KIND;
  const title = words.title;
  const reason = v?.status === 'revoked' && v.reason ? REVOCATION[v.reason] : undefined;
  const rows = c
    ? [
        { label: PAPER.certificateNumber, value: sameWords(c.id) },
        { label: PAPER.registrationNumber, value: sameWords(c.registrationNumber) },
        // The facts come from a token the registry signed from a kind's certified facts.
        ...(c.facts ? factLines(c.facts as CertifiedFacts, words) : []),
        { label: PAPER.dateOfIssue, value: formatDate(c.issuedAt) },
        { label: PAGE_WORDS.validUntil, value: formatDate(c.expiresAt) },
        ...(c.revokedAt ? [{ label: PAGE_WORDS.revokedOn, value: formatDate(c.revokedAt) }] : []),
        ...(reason ? [{ label: PAGE_WORDS.reason, value: reason }] : []),
      ]
    : [];
  const at = (l: Lang) => `dir="${directionOf(l)}" lang="${l}"`;
  const table = rows
    .map(
      (r) =>
        `<tr><th ${at(one)}>${escape(r.label[one])}</th><td ${at(one)}><bdi>${escape(r.value[one])}</bdi></td>` +
        `<td ${at(two)}><bdi>${escape(r.value[two])}</bdi></td><th ${at(two)}>${escape(r.label[two])}</th></tr>`,
    )
    .join('\n');
  const verdictIn = (l: Lang, verdict: (typeof VERDICT)[PageOutcome['status']]) =>
    `<div ${at(l)}><h1>${escape(verdict[l])}</h1><p>${escape(verdict[DETAIL[l]])}</p>${c ? `<p>${escape(title[l])}</p>` : ''}</div>`;
  const verdict = v
    ? `<section class="verdict status-${v.status}" data-status="${v.status}">
${verdictIn(one, VERDICT[v.status])}
${verdictIn(two, VERDICT[v.status])}
</section>`
    : `<h1 ${at(one)}>${escape(PAGE_WORDS.title[one])}</h1>`;
  // A number typed off the paper (case, spaces and hyphens do not matter): GET /verify?number=.
  const form = `<form class="check" action="/verify" method="get">
<label for="number"><span ${at(one)}>${escape(PAGE_WORDS.typeNumber[one])}</span> · <span ${at(two)}>${escape(PAGE_WORDS.typeNumber[two])}</span></label>
<input id="number" name="number" dir="ltr" maxlength="64" autocomplete="off" autocapitalize="characters" spellcheck="false" value="${escape(typed)}">
<button type="submit"><span ${at(one)}>${escape(PAGE_WORDS.check[one])}</span> · <span ${at(two)}>${escape(PAGE_WORDS.check[two])}</span></button>
</form>`;
  return `<!doctype html>
<html ${at(one)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(PAGE_WORDS.title[one])} — ${escape(PAGE_WORDS.title[two])}</title>
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
.check { margin: 24px 0; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.check label { flex-basis: 100%; }
.check input { font: 1.3em monospace; padding: 6px 8px; min-inline-size: 16em; letter-spacing: 0.05em; }
.check button { font-size: 1.1em; padding: 6px 16px; }
</style>
</head>
<body>
<main>
<header><div ${at(one)}>${escape(REGISTRY[one])}</div><div ${at(two)}>${escape(REGISTRY[two])}</div></header>
${verdict}
${rows.length > 0 ? `<table>\n${table}\n</table>` : ''}
${form}
</main>
</body>
</html>
`;
}
