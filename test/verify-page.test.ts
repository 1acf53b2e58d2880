import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { auth, request, startHarness, type Harness } from './support/harness';
import { registeredBirth } from './support/fixtures';
import { CHROMIUM } from './support/system-tools';

/**
 * The verification page in a real browser (Debian's Chromium, driven by playwright-core): one
 * certificate of each standing, what the page says of it in Arabic and English, and a screenshot
 * of each into docs/.
 */
let h: Harness;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness();
  server = createServer(h.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
  await h.close();
});

async function issued() {
  const [officer, registrar] = [await h.token('officer'), await h.token('registrar')];
  const { record } = await registeredBirth(h.app, officer, registrar);
  const certificate = await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId: record.id });
  return { recordId: record.id, certificate: certificate.body as { id: string; token: string }, registrar };
}

async function look(url: string, shot: string) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const response = await page.goto(url);
  const verdict = page.locator('.verdict');
  const result = {
    httpStatus: response?.status(),
    status: await verdict.getAttribute('data-status'),
    arabic: await verdict.locator('[lang="ar"] h1').innerText(),
    english: await verdict.locator('[lang="en"] h1').innerText(),
    // Evaluated in the page (a string, as the test is compiled without the DOM's types).
    direction: await page.evaluate<string>(`getComputedStyle(document.querySelector('.verdict [lang="ar"]')).direction`),
    text: await page.locator('body').innerText(),
  };
  await page.screenshot({ path: path.join(__dirname, '..', 'docs', `verify-${shot}.png`), fullPage: true });
  await page.close();
  return result;
}

describe('the verification page, in Chromium', () => {
  it('says genuine, revoked, superseded or invalid, in Arabic (right to left) and English', async () => {
    const valid = await issued();
    const page = await look(`${base}/verify/${valid.certificate.id}`, 'valid');
    expect(page).toMatchObject({ httpStatus: 200, status: 'valid', arabic: 'شهادة أصلية وسارية', english: 'Genuine and valid', direction: 'rtl' });
    expect(page.text).toContain('Zainab');
    expect(page.text).toContain('زينب');

    const byToken = await look(`${base}/verify?token=${valid.certificate.token}`, 'valid-by-token');
    expect(byToken.status).toBe('valid');

    const revoked = await issued();
    await request(h.app).post(`/v1/certificates/${revoked.certificate.id}/revocation`).set(auth(revoked.registrar)).send({ reason: 'Reported stolen' });
    const r = await look(`${base}/verify/${revoked.certificate.id}`, 'revoked');
    expect(r).toMatchObject({ status: 'revoked', english: 'Revoked — do not accept' });
    expect(r.text).not.toContain('Zainab');

    const superseded = await issued();
    const read = await request(h.app).get(`/v1/records/${superseded.recordId}`).set(auth(superseded.registrar));
    await request(h.app)
      .post(`/v1/records/${superseded.recordId}/corrections`)
      .set(auth(superseded.registrar))
      .set('If-Match', read.headers.etag)
      .send({ changes: { child: { givenName: 'مريم', latin: { givenName: 'Maryam' } } }, reason: 'Name as chosen by the parents' });
    const s = await look(`${base}/verify/${superseded.certificate.id}`, 'superseded');
    expect(s).toMatchObject({ status: 'superseded', english: 'Out of date — a newer certificate exists' });
    expect(s.text).toContain('Zainab'); // what was true when it was issued

    const forged = `${valid.certificate.token.slice(0, -4)}AAAA`;
    const invalid = await look(`${base}/verify?token=${forged}`, 'invalid');
    expect(invalid).toMatchObject({ status: 'invalid', english: 'Not valid — do not accept' });
    expect(invalid.text).not.toContain('Zainab');
    // A number that names no certificate, well formed or mistyped, is a page that says to check it (not "do not accept").
    const unknown = await look(`${base}/verify/c_AAAAAAAAAAAAAAAAAAAAAA`, 'unknown');
    expect(unknown).toMatchObject({ httpStatus: 404, status: 'not-found', english: 'No certificate has this number' });
    expect(unknown.text).toContain('check it and try again');
    const mistyped = await look(`${base}/verify/c_doesnotexist`, 'mistyped');
    expect(mistyped).toMatchObject({ httpStatus: 404, status: 'not-found', arabic: 'لا توجد شهادة بهذا الرقم', direction: 'rtl' });
    expect(mistyped.text).not.toContain('Not valid');
  }, 60_000);
});
