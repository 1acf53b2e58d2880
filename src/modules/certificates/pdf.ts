import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { visualRuns, type FontRole } from './bidi-text';
import type { CertifiedFacts } from '../records/contract';
import type { Words } from '../records/contract';
import { CKB } from './ckb';
import { copyWords, factLines, formatDate, PAPER, REGISTRY, type FactLine, type KindWords } from './labels';
import { directionOf, eachWords, languagesOf, sameWords, type Lang } from './languages';
import type { CertificateDoc } from './store';
import { checkTokenShape } from './token-claims';
import { isQrCredential } from './cose';
import { woffToSfnt } from './woff';

/** The fonts ship with the project through npm (@fontsource, SIL Open Font License). */
const fontFile = (pkg: string, file: string) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files', file);
const FONTS: Record<FontRole | `${FontRole}-bold`, string> = {
  arabic: fontFile('@fontsource/noto-naskh-arabic', 'noto-naskh-arabic-arabic-400-normal.woff'),
  'arabic-bold': fontFile('@fontsource/noto-naskh-arabic', 'noto-naskh-arabic-arabic-700-normal.woff'),
  latin: fontFile('@fontsource/noto-sans', 'noto-sans-latin-400-normal.woff'),
  'latin-bold': fontFile('@fontsource/noto-sans', 'noto-sans-latin-700-normal.woff'),
};

type FontName = keyof typeof FONTS;
let fonts: [FontName, Buffer][] | undefined;
/** The fonts as plain sfnt, unwrapped once per process. */
const fontData = () =>
  (fonts ??= Object.entries(FONTS).map(([name, file]) => [name as FontName, woffToSfnt(readFileSync(file))]));
const shapers = new Map<FontName, fontkit.Font>();
/** The same fonts as fontkit reads them (each once per process), to shape Arabic and draw its glyphs as outlines. */
function shaperOf(name: FontName): fontkit.Font {
  let font = shapers.get(name);
  if (!font) {
    const data = fontData().find(([n]) => n === name)?.[1];
    if (!data) throw new Error(`no font ${name}`);
    font = fontkit.create(data) as fontkit.Font;
    shapers.set(name, font);
  }
  return font;
}

/**
 * The letters of `text` the certificate's Arabic-script fonts (regular and bold) would draw as
 * .notdef (glyph 0, an empty box), shaped as the page shows them or one by one as its text layer
 * holds them: none for every letter of Arabic and Sorani Kurdish (test/certificates-kurdish.test.ts).
 */
export function missingGlyphs(text: string): string[] {
  const fonts = [shaperOf('arabic'), shaperOf('arabic-bold')];
  const missing = [...text].filter(
    (c) => /\S/u.test(c) && fonts.some((f) => f.glyphForCodePoint(c.codePointAt(0) ?? 0).id === 0),
  );
  const shapedMissing = fonts.some((f) => f.layout(text).glyphs.some((g) => g.id === 0));
  return shapedMissing && missing.length === 0 ? [text] : missing;
}

/** Shaping is the costly part of a line and a line is measured several times: once per word and PDF. */
function shapedWords() {
  const runs = new Map<string, { run: fontkit.GlyphRun; font: fontkit.Font }>();
  return (name: FontName, text: string) => {
    const key = `${name}\n${text}`;
    let shaped = runs.get(key);
    if (!shaped) {
      const font = shaperOf(name);
      shaped = { run: font.layout(text), font };
      runs.set(key, shaped);
    }
    return shaped;
  };
}

/**
 * OpenType features off: Arabic laid out one nominal glyph per letter. Shaped Noto Naskh shares a
 * dotless glyph between letters (ب ت ث ن ي) and adds the dots as marks, so no ToUnicode map can
 * say which letter a shaped glyph was; pdf.js read `رقم التسجيل` as `رق م الت سج تل`.
 */
const NO_SHAPING = Object.fromEntries(
  [
    'ccmp',
    'locl',
    'isol',
    'fina',
    'fin2',
    'fin3',
    'medi',
    'med2',
    'init',
    'rlig',
    'rclt',
    'calt',
    'liga',
    'clig',
    'dlig',
    'mset',
    'curs',
    'kern',
    'mark',
    'mkmk',
  ].map((f) => [f, false]),
) as unknown as PDFKit.Mixins.OpenTypeFeatures[]; // pdfkit hands `features` to fontkit, which takes an object of switches too

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const GREEN = '#14532d';

type Doc = PDFKit.PDFDocument;

const num = (n: number) => String(Math.round(n * 10) / 10);

/** The point at argument `i` of a glyph path command: fontkit gives each command all its numbers. */
function pointAt(args: readonly number[], i: number): [number, number] {
  const [x, y] = [args[i], args[i + 1]];
  if (x === undefined || y === undefined)
    throw new Error(`internal error: a glyph path command with no point at argument ${i}`);
  return [x, y];
}

/** A glyph's outline as PDF path operators, in font units (TrueType's quadratic curves made cubic). */
function outlineOps(path: fontkit.Path): string {
  const ops: string[] = [];
  let [cx, cy] = [0, 0];
  for (const { command, args } of path.commands) {
    if (command === 'moveTo' || command === 'lineTo') {
      const [x, y] = pointAt(args, 0);
      ops.push(`${num(x)} ${num(y)} ${command === 'moveTo' ? 'm' : 'l'}`);
    } else if (command === 'quadraticCurveTo') {
      const [qx, qy] = pointAt(args, 0);
      const [x, y] = pointAt(args, 2);
      const c = [
        cx + (2 / 3) * (qx - cx),
        cy + (2 / 3) * (qy - cy),
        x + (2 / 3) * (qx - x),
        y + (2 / 3) * (qy - y),
        x,
        y,
      ];
      ops.push(`${c.map(num).join(' ')} c`);
    } else if (command === 'bezierCurveTo') ops.push(`${args.map(num).join(' ')} c`);
    else ops.push('h');
    if (args.length >= 2) [cx, cy] = pointAt(args, args.length - 2);
  }
  return `${ops.join('\n')}\nf`;
}

/**
 * Each glyph's outline once per PDF, as a Form XObject in font units, filled in the colour of
 * wherever it is placed; a word places its glyphs. The certificate is one page, whose resources
 * hold them.
 */
function glyphForms(doc: Doc) {
  const names = new Map<string, string>();
  return (font: FontName, glyph: fontkit.Glyph): string | undefined => {
    const key = `${font}:${glyph.id}`;
    let name = names.get(key);
    if (name === undefined) {
      name = glyph.path.commands.length > 0 ? `G${names.size + 1}` : '';
      if (name) {
        const { minX, minY, maxX, maxY } = glyph.bbox;
        const form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [minX, minY, maxX, maxY], Resources: {} });
        form.end(outlineOps(glyph.path));
        (doc.page.xobjects as Record<string, PDFKit.PDFKitReference>)[name] = form;
      }
      names.set(key, name);
    }
    return name || undefined;
  };
}
type Drawing = { shape: ReturnType<typeof shapedWords>; forms: ReturnType<typeof glyphForms> };

/**
 * An Arabic word as it is seen: fontkit's shaped glyphs (joined letters, dots, ligatures) as
 * filled outlines. Returns the width.
 */
function arabicOutlines(doc: Doc, draw: Drawing, font: FontName, text: string, x: number, y: number, size: number) {
  const { run, font: shaper } = draw.shape(font, text);
  const scale = size / shaper.unitsPerEm;
  const baseline = y + shaper.ascent * scale;
  let pen = 0;
  for (const [i, glyph] of run.glyphs.entries()) {
    const p = run.positions[i];
    if (!p) throw new Error(`internal error: fontkit placed no glyph ${i} of "${text}"`);
    const form = draw.forms(font, glyph);
    // pdfkit's space runs downwards: the glyph's y axis is flipped back up.
    const at = [scale, 0, 0, -scale, x + (pen + p.xOffset) * scale, baseline - p.yOffset * scale].map(
      (n) => Math.round(n * 1000) / 1000,
    );
    if (form) doc.addContent(`q ${at.join(' ')} cm /${form} Do Q`);
    pen += p.xAdvance;
  }
  return pen * scale;
}

/**
 * The same word as it is read: invisible text (render mode 3, as a scanned page's OCR layer) of
 * one glyph per letter, stretched over the shaped word, so copying, search, screen readers and
 * archives get the letters as written.
 */
function arabicText(doc: Doc, font: FontName, text: string, x: number, y: number, size: number, width: number) {
  const plain = doc.font(font).fontSize(size).widthOfString(text, { features: NO_SHAPING });
  doc.save().addContent('3 Tr');
  const stretch = { horizontalScaling: plain > 0 ? (width / plain) * 100 : 100 }; // pdfkit's Tz, not in its types
  doc.text(text, x, y, { lineBreak: false, features: NO_SHAPING, ...stretch });
  doc.restore();
}

/**
 * Draws one line of mixed text inside [left, right], aligned to the start of its direction,
 * shrinking the size until it fits. The line is one marked-content span with its language and
 * its text in logical order as ActualText (what Acrobat, poppler and screen readers read out).
 * Returns the height used.
 */
function line(
  doc: Doc,
  draw: Drawing,
  text: string,
  o: {
    left: number;
    right: number;
    y: number;
    size: number;
    lang: Lang;
    bold?: boolean;
    color?: string;
    center?: boolean;
  },
) {
  const direction = directionOf(o.lang);
  const runs = visualRuns(text, direction);
  const fontOf = (f: FontRole): FontName => (o.bold ? `${f}-bold` : f);
  const spaceFont = fontOf(direction === 'rtl' ? 'arabic' : 'latin');
  let size = o.size;
  const widthOf = (r: (typeof runs)[number]) => {
    if ('spaces' in r) return r.spaces * doc.font(spaceFont).fontSize(size).widthOfString(' ');
    if (r.font === 'arabic') {
      const { run, font } = draw.shape(fontOf(r.font), r.text);
      return (run.advanceWidth * size) / font.unitsPerEm;
    }
    return doc.font(fontOf(r.font)).fontSize(size).widthOfString(r.text);
  };
  const width = () => runs.reduce((w, r) => w + widthOf(r), 0);
  while (width() > o.right - o.left && size > 6) size -= 0.5;
  const start = o.center ? (o.left + o.right - width()) / 2 : direction === 'rtl' ? o.right - width() : o.left;
  const placed = runs.map((r, i) => ({ r, x: start + runs.slice(0, i).reduce((w, q) => w + widthOf(q), 0) }));
  doc.markContent('Span', { lang: o.lang, actual: text });
  doc.fillColor(o.color ?? '#111');
  // The outlines first, then the line's text without a break: pdf.js joins text it reads in one
  // go into one item, and orders the words of a right-to-left item (a form drawn between two
  // words would make each its own item, left to right).
  for (const { r, x } of placed)
    if ('text' in r && r.font === 'arabic') arabicOutlines(doc, draw, fontOf(r.font), r.text, x, o.y, size);
  for (const { r, x } of placed) {
    if ('text' in r && r.font === 'arabic') arabicText(doc, fontOf(r.font), r.text, x, o.y, size, widthOf(r));
    else if ('text' in r) doc.font(fontOf(r.font)).fontSize(size).text(r.text, x, o.y, { lineBreak: false });
  }
  doc.endMarkedContent();
  return size * 1.45;
}

/**
 * The QR code's symbol for its text: the COSE credential (Base45, the alphanumeric mode) at the
 * highest error correction that keeps it within version 15 (Q, M, then L: a phone reads small
 * modules off a photocopy more surely than it repairs damage), and when even L is larger, the
 * smallest symbol at M. A certificate from before the COSE credential carries its token (byte
 * mode), at M, or L when too long for M.
 */
export function qrSymbol(text: string) {
  // One segment of one mode: the library's search for an optimal mix costs more than the rest of the page.
  const segments: QRCode.QRCodeSegment[] = isQrCredential(text)
    ? [{ data: text, mode: 'alphanumeric' }]
    : [{ data: Buffer.from(text), mode: 'byte' }];
  const at = (level: 'Q' | 'M' | 'L', maxVersion = 40) => {
    try {
      const code = QRCode.create(segments, { errorCorrectionLevel: level });
      return code.version <= maxVersion ? code : undefined;
    } catch {
      return undefined; // too long at this level
    }
  };
  const code = isQrCredential(text)
    ? (at('Q', 15) ?? at('M', 15) ?? at('L', 15) ?? at('M') ?? at('L'))
    : (at('M') ?? at('L'));
  if (!code) throw new Error('a certificate too long for any QR code');
  return code;
}

/** The QR code as vector squares: sharp at any print resolution. */
function qr(doc: Doc, text: string, x: number, y: number, size: number) {
  const code = qrSymbol(text);
  const n = code.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.rect(x, y, size, size).fill('#fff');
  doc.fillColor('#000');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++)
      if (code.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
  }
  doc.fill('#000');
}

/** The lines below the facts, in each language. */
const FOOTER = {
  issued: (d: Words) => eachWords((l) => `${{ ar: 'تاريخ الإصدار', ckb: CKB.issued, en: 'Issued' }[l]}: ${d[l]}`),
  validUntil: (d: Words) =>
    eachWords((l) => `${{ ar: 'نافذة حتى', ckb: CKB.validUntil, en: 'Valid until' }[l]}: ${d[l]}`),
  number: (id: string) => eachWords((l) => `${PAPER.certificateNumber[l]}: ${id}`),
  verify: {
    ar: 'للتحقق امسح الرمز، أو افتح الرابط أدناه، أو أدخل رقم الشهادة في صفحة التحقق',
    ckb: CKB.toVerify,
    en: 'To verify, scan the code, open the link below, or type the certificate number on the verification page',
  },
  offline: {
    ar: 'الرمز يحمل الشهادة موقّعة؛ يمكن التحقق منها دون اتصال بالمفاتيح المنشورة',
    ckb: CKB.offline,
    en: 'The code holds the signed certificate: it can be checked offline with the published keys',
  },
};

/** A sentence cut in two at the comma nearest its middle (Arabic or Latin), for two lines. */
export function halves(sentence: string): [string, string] {
  const middle = sentence.length / 2;
  const cuts = [...sentence.matchAll(/[،,] /g)].map((m) => m.index + 1);
  const at = cuts.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
  return at === undefined ? [sentence, ''] : [sentence.slice(0, at), sentence.slice(at + 1)];
}

/** Court orders stay the last lines, after facts printed from the paper's own store (a death's cause). */
function printedFacts(token: Record<string, unknown>, paper: Record<string, unknown> | undefined): CertifiedFacts {
  const { correctedByCourtOrder, ...facts } = token;
  return { ...facts, ...paper, ...(correctedByCourtOrder ? { correctedByCourtOrder } : {}) };
}

/**
 * The certificate as an A4 PDF: its first language on the right, its second on the left (or one
 * alone, as asked), the facts from the token itself (and those the token leaves out but the paper
 * prints, kept with the certificate), and the QR code carrying the token.
 */
export async function certificatePdf(doc: CertificateDoc, words: KindWords, base: string): Promise<Buffer> {
  const claims = checkTokenShape(doc.token);
  const langs = languagesOf(doc.language);
  const [first = 'ar', second] = langs;
  // The title and language a reader shows and speaks: the first language printed.
  const title = langs.map((l) => words.title[l]).join(' — ');
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: first,
    displayTitle: true,
    info: { Title: `${title} ${doc.registrationNumber}`, Author: REGISTRY[first] },
  });
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
  const mid = A4.width / 2;
  const columns = second
    ? [
        { lang: first, left: mid + 8, right: inner.right },
        { lang: second, left: inner.left, right: mid - 8 },
      ]
    : [{ lang: first, ...inner }];

  let y = MARGIN;
  const draw = { shape: shapedWords(), forms: glyphForms(pdf) };
  const pair = (text: Words, size: number, bold = false, color?: string) => {
    y += Math.max(...columns.map((c) => line(pdf, draw, text[c.lang], { ...c, y, size, bold, color })));
  };
  pair(REGISTRY, 11, false, GREEN);
  y += 10;
  pair(words.title, 24, true, GREEN);
  y += 4;
  pair(copyWords(doc.copyNumber), 11, true);
  y += 10;

  const subject = claims.credentialSubject;
  const rows: FactLine[] = [
    { label: PAPER.registrationNumber, value: sameWords(doc.registrationNumber) },
    { label: PAPER.dateOfRegistration, value: formatDate(String(subject.registeredAt)) },
    // The registry signed these from the kind's certified facts (token-claims.ts reads its own token).
    ...factLines(printedFacts(subject.facts, doc.paperFacts), words),
  ];
  // A long certificate (a birth with both parents, an extract) sets its lines closer, so that the
  // QR code keeps its size: at 8 cm and more a phone reads it off a photocopy.
  const dense = rows.length > 10;
  for (const r of rows) {
    pair(r.label, dense ? 8.5 : 9, false, '#555');
    pair(r.value, dense ? 11.5 : 12.5, true);
    y += dense ? 1 : 3;
  }
  y += 6;
  pdf.moveTo(inner.left, y).lineTo(inner.right, y).lineWidth(0.5).strokeColor('#999').stroke();
  y += 8;
  pair(FOOTER.issued(formatDate(doc.issuedAt)), 10);
  pair(FOOTER.validUntil(formatDate(doc.expiresAt)), 10);
  // The number a clerk types (ids.ts: no look-alike letters), as large as the facts.
  pair(FOOTER.number(doc._id), 12, true);

  // The QR code takes the room left above the lines below it, up to 9.5 cm: the modules of a
  // version-15 code stay near 1 mm, larger than a blur or a photocopy's smear.
  const qrY = y + 6;
  const qrSize = Math.min(270, A4.height - MARGIN - 50 - qrY);
  qr(pdf, doc.qr ?? doc.token, (A4.width - qrSize) / 2, qrY, qrSize);
  y = qrY + qrSize + 4;
  // Two lines a language: at 9 pt one line is wider than half the page, and shrunk to fit it
  // would be too small to read (or run into the other language's).
  for (const half of [0, 1] as const)
    pair(
      eachWords((l) => halves(FOOTER.verify[l])[half]),
      9,
    );
  // The link once, across the page at 12 pt, so that it can be read and typed off a photocopy.
  const url = `${base}/verify/${doc._id}`;
  y += line(pdf, draw, url, { ...inner, y, size: 12, lang: 'en', bold: true, center: true });
  pair(FOOTER.offline, 8.5, false, '#555');
  pdf.end();
  return done;
}
