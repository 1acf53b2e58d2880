import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import request from 'supertest';
import { auth, type App } from './harness';

const run = promisify(execFile);

/** Renders the first page of a PDF to PNG with poppler's pdftoppm, at this resolution. */
export async function renderFirstPage(pdf: Buffer, dpi = 150, lowerHalfOnly = false): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'certificate-'));
  try {
    await writeFile(path.join(dir, 'c.pdf'), pdf);
    // A4 is 11.69 inches tall: the lower half starts at 5.85 inches.
    const crop = lowerHalfOnly
      ? [
          '-y',
          String(Math.round(5.85 * dpi)),
          '-W',
          String(Math.round(8.27 * dpi)),
          '-H',
          String(Math.round(5.85 * dpi)),
        ]
      : [];
    await run('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      ...crop,
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path.join(dir, 'c.pdf'),
      path.join(dir, 'page'),
    ]);
    return await readFile(path.join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A certificate's PDF as bytes, read with this token (the answer's status is the caller's to check). */
export function certificatePdf(app: App, id: string, token: string) {
  return request(app)
    .get(`/v1/certificates/${id}/pdf`)
    .set(auth(token))
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}

/** The picture of a certificate README shows: its first page at 150 dpi, as dir/certificate-<kind>.png. */
export async function writeCertificatePicture(dir: string, kind: string, pdf: Buffer): Promise<string> {
  const file = path.join(dir, `certificate-${kind}.png`);
  await writeFile(file, await renderFirstPage(pdf));
  return file;
}

/** Decodes the QR code of a rendered page with jsQR, an independent decoder. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** What pdf.js extracts from a PDF. */
export interface PdfText {
  title?: string;
  language?: string | null;
  /** Each page's text, in reading order. */
  pages: string[];
  /** Each text item, with its font size in points. */
  items: { page: number; str: string; size: number }[];
}

/** What pdf.js extracts from a PDF (pdf-text.mjs, a child process: pdfjs-dist is an ES module): title, language, each page's text. */
export async function pdfText(pdf: Buffer): Promise<PdfText> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'certificate-'));
  try {
    await writeFile(path.join(dir, 'c.pdf'), pdf);
    const { stdout } = await run(process.execPath, [path.join(__dirname, 'pdf-text.mjs'), path.join(dir, 'c.pdf')]);
    return JSON.parse(stdout) as PdfText;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
