import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { visualRuns, type FontRole } from './bidi-text';
import { factLines, formatDate, REGISTRY, TITLES, type FactLine } from './labels';
import type { CertificateDoc } from './model';
import { checkTokenShape } from './token-claims';
import { woffToSfnt } from './woff';

/** The fonts ship with the project through npm (@fontsource, SIL Open Font License). */
const fontFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files', file);
const FONTS: Record<FontRole | `${FontRole}-bold`, string> = {
  arabic: fontFile('@fontsource/noto-naskh-arabic', 'noto-naskh-arabic-arabic-400-normal.woff'),
  'arabic-bold': fontFile('@fontsource/noto-naskh-arabic', 'noto-naskh-arabic-arabic-700-normal.woff'),
  latin: fontFile('@fontsource/noto-sans', 'noto-sans-latin-400-normal.woff'),
  'latin-bold': fontFile('@fontsource/noto-sans', 'noto-sans-latin-700-normal.woff'),
};

let fonts: [string, Buffer][] | undefined;
/** The fonts as plain sfnt, unwrapped once per process. */
const fontData = () => (fonts ??= Object.entries(FONTS).map(([name, file]) => [name, woffToSfnt(readFileSync(file))]));

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const GREEN = '#14532d';

type Doc = PDFKit.PDFDocument;

/**
 * Draws one line of mixed text inside [left, right], aligned to the start of its direction,
 * shrinking the size until it fits. Returns the height used.
 */
function line(doc: Doc, text: string, o: { left: number; right: number; y: number; size: number; direction: 'rtl' | 'ltr'; bold?: boolean; color?: string }) {
  const runs = visualRuns(text, o.direction);
  const fontOf = (f: FontRole) => (o.bold ? `${f}-bold` : f);
  const spaceFont = fontOf(o.direction === 'rtl' ? 'arabic' : 'latin');
  let size = o.size;
  const widthOf = (r: (typeof runs)[number]) =>
    'spaces' in r ? r.spaces * doc.font(spaceFont).fontSize(size).widthOfString(' ') : doc.font(fontOf(r.font)).fontSize(size).widthOfString(r.text);
  const width = () => runs.reduce((w, r) => w + widthOf(r), 0);
  while (width() > o.right - o.left && size > 6) size -= 0.5;
  let x = o.direction === 'rtl' ? o.right - width() : o.left;
  doc.fillColor(o.color ?? '#111');
  for (const r of runs) {
    if ('text' in r) doc.font(fontOf(r.font)).fontSize(size).text(r.text, x, o.y, { lineBreak: false });
    x += widthOf(r);
  }
  return size * 1.45;
}

/** The QR code as vector squares: sharp at any print resolution. */
function qr(doc: Doc, token: string, x: number, y: number, size: number) {
  // M (15% recovery) reads from a print, smudges and creases included; L only when the token is too long for M.
  const code = (() => {
    try {
      // One byte-mode segment: the token is ASCII, and the library's search for an optimal mix of modes costs more than the rest of the page.
      return QRCode.create([{ data: Buffer.from(token), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    } catch {
      return QRCode.create([{ data: Buffer.from(token), mode: 'byte' }], { errorCorrectionLevel: 'L' });
    }
  })();
  const n = code.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.rect(x, y, size, size).fill('#fff');
  doc.fillColor('#000');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (code.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
  }
  doc.fill('#000');
}

/**
 * The certificate as an A4 PDF: Arabic on the right, English on the left (or one of them alone,
 * as asked), the facts from the token itself, and the QR code carrying the token.
 */
export async function certificatePdf(doc: CertificateDoc, base: string): Promise<Buffer> {
  const claims = checkTokenShape(doc.token);
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${TITLES[doc.kind].en} ${doc.registrationNumber}`, Author: REGISTRY.en } });
  for (const [name, data] of fontData()) pdf.registerFont(name, data);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));

  const inner = { left: MARGIN, right: A4.width - MARGIN };
  pdf
    .lineWidth(2)
    .strokeColor(GREEN)
    .rect(MARGIN / 2, MARGIN / 2, A4.width - MARGIN, A4.height - MARGIN)
    .stroke();
  const both = doc.language === 'ar-en';
  const mid = A4.width / 2;
  const arCol = { left: both ? mid + 8 : inner.left, right: inner.right };
  const enCol = { left: inner.left, right: both ? mid - 8 : inner.right };
  const showAr = doc.language !== 'en';
  const showEn = doc.language !== 'ar';

  let y = MARGIN;
  const pair = (text: { ar: string; en: string }, size: number, bold = false, color?: string) => {
    const h = Math.max(
      showAr ? line(pdf, text.ar, { ...arCol, y, size, direction: 'rtl', bold, color }) : 0,
      showEn ? line(pdf, text.en, { ...enCol, y, size, direction: 'ltr', bold, color }) : 0,
    );
    y += h;
  };
  pair(REGISTRY, 11, false, GREEN);
  y += 10;
  pair(TITLES[doc.kind], 24, true, GREEN);
  y += 14;

  const subject = claims.credentialSubject;
  const rows: FactLine[] = [
    { label: { ar: 'رقم التسجيل', en: 'Registration number' }, value: { ar: doc.registrationNumber, en: doc.registrationNumber } },
    { label: { ar: 'تاريخ التسجيل', en: 'Date of registration' }, value: formatDate(String(subject.registeredAt)) },
    ...factLines(subject.facts),
  ];
  for (const r of rows) {
    pair({ ar: r.label.ar, en: r.label.en }, 9, false, '#555');
    pair(r.value, 12.5, true);
    y += 3;
  }
  y += 6;
  pdf.moveTo(inner.left, y).lineTo(inner.right, y).lineWidth(0.5).strokeColor('#999').stroke();
  y += 8;
  pair({ ar: `تاريخ الإصدار: ${formatDate(doc.issuedAt).ar}`, en: `Issued: ${formatDate(doc.issuedAt).en}` }, 10);
  pair({ ar: `نافذة حتى: ${formatDate(doc.expiresAt).ar}`, en: `Valid until: ${formatDate(doc.expiresAt).en}` }, 10);
  pair({ ar: `رقم الشهادة: ${doc._id}`, en: `Certificate number: ${doc._id}` }, 10);

  // The QR code takes the room left above the footer, up to 8 cm.
  const qrY = y + 6;
  const qrSize = Math.min(227, A4.height - MARGIN - 34 - qrY);
  qr(pdf, doc.token, (A4.width - qrSize) / 2, qrY, qrSize);
  y = qrY + qrSize + 4;
  const url = `${base}/verify/${doc._id}`;
  pair({ ar: `للتحقق امسح الرمز أو افتح ${url}`, en: `To verify, scan the code or open ${url}` }, 9.5);
  pair(
    {
      ar: 'الرمز يحمل الشهادة موقّعة؛ يمكن التحقق منها دون اتصال بالمفاتيح المنشورة',
      en: 'The code holds the signed certificate: it can be checked offline with the published keys',
    },
    8.5,
    false,
    '#555',
  );
  pdf.end();
  return done;
}
