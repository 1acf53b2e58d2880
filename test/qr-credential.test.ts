import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
// zxing-wasm: ZXing's C++ decoder (zxing-cpp, the one phone apps build on), compiled to WebAssembly.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
// cose-js: a COSE implementation not ours (its own Sig_structure, elliptic for ES256), to check ours against.
import * as cose from 'cose-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { decodeBase45 } from '../src/lib/base45';
import { qrSymbol } from '../src/modules/certificates/pdf';
import { auth, request, startHarness, type Harness } from './support/harness';
import { certificatePdf } from './support/certificates';
import { declareAndRegister, enrolParents, registeredOfEachKind } from './support/fixtures';

const run = promisify(execFile);
let h: Harness;
let officer: string;
let registrar: string;
const issued: Record<string, { id: string; token: string; qr: string }> = {};

/**
 * The lower half of the first page (where the QR code is, as a phone pointed at it frames it) as
 * a greyscale PNG at this resolution (pdftoppm -gray), as a scanner or a camera sees a print.
 */
async function greyPage(pdf: Buffer, dpi: number): Promise<PNG> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qr-'));
  try {
    await writeFile(path.join(dir, 'c.pdf'), pdf);
    // A4 is 8.27 by 11.69 inches: the lower half starts at 5.85.
    const inches = (n: number) => String(Math.round(n * dpi));
    await run('pdftoppm', [
      '-png',
      '-gray',
      '-r',
      String(dpi),
      ...['-y', inches(5.85), '-W', inches(8.27), '-H', inches(5.84)],
      '-singlefile',
      path.join(dir, 'c.pdf'),
      path.join(dir, 'p'),
    ]);
    return PNG.sync.read(await readFile(path.join(dir, 'p.png')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The image blurred by one pixel: each pixel the mean of its 3x3 neighbourhood (a phone slightly out of focus, a photocopy). */
function blurred(png: PNG): PNG {
  const out = new PNG({ width: png.width, height: png.height });
  const at = (x: number, y: number) =>
    png.data[(Math.min(png.height - 1, Math.max(0, y)) * png.width + Math.min(png.width - 1, Math.max(0, x))) * 4]!;
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += at(x + dx, y + dy);
      const i = (y * png.width + x) * 4;
      out.data[i] = out.data[i + 1] = out.data[i + 2] = Math.round(sum / 9);
      out.data[i + 3] = 255;
    }
  return out;
}

const withJsQr = (png: PNG) => jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;

async function withZxing(png: PNG): Promise<string | undefined> {
  const found = await readBarcodes(
    { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height, colorSpace: 'srgb' },
    { formats: ['QRCode'], tryHarder: false },
  );
  return found.find((b) => b.isValid)?.text;
}

const verify = (token: string) => request(h.app).post('/v1/certificates/verification').send({ token });

beforeAll(async () => {
  // The decoder's WebAssembly from the package itself (it would fetch it from a CDN).
  const wasm = await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer }, fireImmediately: true });
  h = await startHarness();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  const records = await registeredOfEachKind(h.app, officer, registrar);
  const { mother } = await enrolParents(h.app, registrar);
  const foetal = await declareAndRegister(h.app, officer, registrar, '/v1/foetal-deaths', {
    mother: { nin: mother.nin },
    dateOfDelivery: '2026-04-18',
    placeOfDelivery: { governorate: 'IQ-NA', facility: 'Al-Zahraa Teaching Hospital' },
    sex: 'male',
    weightGrams: 1450,
    gestationWeeks: 31,
    causeOfDeath: { icd10: 'P20.9', text: 'Intrauterine hypoxia, unspecified' },
    attendant: 'physician',
  });
  const issue = async (kind: string, body: object) => {
    const res = await request(h.app).post('/v1/certificates').set(auth(officer)).send(body);
    if (res.status !== 201) throw new Error(`${kind}: ${res.status} ${JSON.stringify(res.body)}`);
    issued[kind] = res.body;
  };
  for (const kind of ['birth', 'marriage', 'divorce', 'death'] as const) await issue(kind, { recordId: records[kind] });
  await issue('foetal-death', { recordId: foetal.id });
  await issue('civil-status-extract', { nin: records.mother, document: 'civil-status-extract' });
});
afterAll(() => h.close());

describe("the QR code's credential: COSE, zlib and Base45", () => {
  it('keeps every kind within QR version 15, in alphanumeric mode, at level M or better where it fits', () => {
    const levels = ['M', 'L', 'H', 'Q']; // QR codes number their levels M 0, L 1, H 2, Q 3
    const seen = Object.entries(issued).map(([kind, c]) => {
      const symbol = qrSymbol(c.qr);
      return {
        kind,
        prefix: c.qr.slice(0, 4),
        version: symbol.version,
        level: levels[symbol.errorCorrectionLevel.bit],
      };
    });
    process.stdout.write(`QR symbols: ${JSON.stringify(seen)}\n`);
    for (const s of seen) expect({ ...s, small: s.version <= 15 }).toEqual({ ...s, prefix: 'CR1:', small: true });
    for (const [kind, c] of Object.entries(issued))
      expect({ kind, shorter: c.qr.length < c.token.length * 0.6 }).toEqual({ kind, shorter: true });
  });

  it('decodes with jsQR and ZXing from a 100-dpi greyscale rendering, and with ZXing blurred by one pixel', async () => {
    for (const [kind, c] of Object.entries(issued)) {
      const pdf = await certificatePdf(h.app, c.id, officer);
      const page = await greyPage(pdf.body as Buffer, 100);
      const soft = blurred(page);
      expect({ kind, jsQR: withJsQr(page), zxing: await withZxing(page) }).toEqual({ kind, jsQR: c.qr, zxing: c.qr });
      // Blurred, ZXing reads every kind; jsQR, the simpler decoder, misses a blurred version-15 code now and then.
      expect({ kind, zxing: await withZxing(soft) }).toEqual({ kind, zxing: c.qr });
    }
  }, 120_000);

  it('verifies with an independent COSE library and the published key, and says what the token says', async () => {
    const jwks = (await request(h.app).get('/.well-known/jwks.json')).body.keys as { x: string; y: string }[];
    const key = jwks[0]!;
    for (const [kind, c] of Object.entries(issued)) {
      const message = inflateSync(decodeBase45(c.qr.slice(4))!);
      const payload = await cose.sign.verify(message, {
        key: { x: Buffer.from(key.x, 'base64url'), y: Buffer.from(key.y, 'base64url') },
      });
      expect({ kind, ok: payload.length > 0 }).toEqual({ kind, ok: true });
      const fromQr = (await verify(c.qr)).body;
      const fromToken = (await verify(c.token)).body;
      expect({ kind, verdict: fromQr }).toEqual({ kind, verdict: fromToken });
      expect(fromQr).toMatchObject({ valid: true, status: 'valid' });
    }
  });

  it('is refused when a character is changed, and follows the certificate when it is revoked', async () => {
    const c = issued.birth!;
    const i = 40;
    const changed = c.qr.slice(0, i) + (c.qr[i] === 'A' ? 'B' : 'A') + c.qr.slice(i + 1);
    expect((await verify(changed)).body).toMatchObject({ valid: false, status: 'invalid' });
    expect((await verify('CR1:NOT BASE45 AT ALL~')).body).toMatchObject({ valid: false, reason: 'malformed' });
    const revoked = await request(h.app)
      .post(`/v1/certificates/${c.id}/revocation`)
      .set(auth(registrar))
      .send({ reason: 'Issued in error' });
    expect(revoked.status).toBe(200);
    expect((await verify(c.qr)).body).toMatchObject({ valid: false, status: 'revoked' });
    const page = await request(h.app).get('/verify').query({ token: c.qr });
    expect(page.status).toBe(200);
  });
});
