import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { startHarness, type Harness } from './support/harness';
import { DOCS, ROOT, docsFingerprint, isUnder, scratchPictures } from './support/pictures';
import {
  VERIFY_STATES,
  launchChromium,
  look,
  serve,
  verifyPages,
  verifyPicture,
  type VerifyState,
} from './support/verify-page';

/**
 * The verification page in a real browser (Debian's Chromium, driven by playwright-core): one
 * certificate of each standing, what the page says of it in Arabic and English, and a screenshot
 * of each, into a temporary folder: `npm run docs:pictures` makes the ones in docs/.
 */
let h: Harness;
let http: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let pictures: Awaited<ReturnType<typeof scratchPictures>>;
let docsBefore: Record<string, string>;

beforeAll(async () => {
  docsBefore = await docsFingerprint();
  pictures = await scratchPictures('verify-page');
  h = await startHarness();
  http = await serve(h.app);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await h.close();
  await pictures?.remove();
});

describe('the verification page, in Chromium', () => {
  it('says genuine, revoked, superseded or invalid, in Arabic (right to left) and English', async () => {
    const pages = await verifyPages(h, http.base);
    const shot = (state: VerifyState) => look(browser, pages[state], verifyPicture(pictures.dir, state));

    const page = await shot('valid');
    expect(page).toMatchObject({
      httpStatus: 200,
      status: 'valid',
      arabic: 'شهادة أصلية وسارية',
      english: 'Genuine and valid',
      direction: 'rtl',
    });
    expect(page.text).toContain('Zainab');
    expect(page.text).toContain('زينب');

    const byToken = await shot('valid-by-token');
    expect(byToken.status).toBe('valid');

    const r = await shot('revoked');
    expect(r).toMatchObject({ status: 'revoked', english: 'Revoked — do not accept' });
    expect(r.text).not.toContain('Zainab');

    const s = await shot('superseded');
    expect(s).toMatchObject({ status: 'superseded', english: 'Out of date — a newer certificate exists' });
    expect(s.text).toContain('Zainab'); // what was true when it was issued

    const invalid = await shot('invalid');
    expect(invalid).toMatchObject({ status: 'invalid', english: 'Not valid — do not accept' });
    expect(invalid.text).not.toContain('Zainab');
    // A number that names no certificate, well formed or mistyped, is a page that says to check it (not "do not accept").
    const unknown = await shot('unknown');
    expect(unknown).toMatchObject({ httpStatus: 404, status: 'not-found', english: 'No certificate has this number' });
    expect(unknown.text).toContain('check it and try again');
    const mistyped = await shot('mistyped');
    expect(mistyped).toMatchObject({
      httpStatus: 404,
      status: 'not-found',
      arabic: 'لا توجد شهادة بهذا الرقم',
      direction: 'rtl',
    });
    expect(mistyped.text).not.toContain('Not valid');

    // Each screenshot is a whole page at the viewport's width, written where the test said.
    for (const state of VERIFY_STATES) {
      const png = PNG.sync.read(await readFile(verifyPicture(pictures.dir, state)));
      expect([state, png.width, png.height >= 900]).toEqual([state, 1000, true]);
    }
  }, 60_000);

  it('wrote its screenshots outside the repository and left docs/ as it was', async () => {
    expect(isUnder(pictures.dir, ROOT)).toBe(false);
    expect(isUnder(pictures.dir, DOCS)).toBe(false);
    expect(await docsFingerprint()).toEqual(docsBefore);
  });
});
