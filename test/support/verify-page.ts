import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { courtOrderEvidence, registeredBirth } from './fixtures';
import { auth, request, type App, type Harness } from './harness';
import { CHROMIUM } from './system-tools';
import { etagOf } from './checked';

/** The app on a free loopback port, for a browser: its base address, and close(). */
export async function serve(app: App): Promise<{ base: string; close(): Promise<void> }> {
  const server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, with nothing that reaches the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** What a person reads on the verification page: the verdict in both languages, and the whole text. */
export interface PageReading {
  httpStatus?: number;
  status: string | null;
  arabic: string;
  english: string;
  direction: string;
  text: string;
}

/** Opens url at 1000 x 900, reads the verdict, and saves a full-page screenshot as file. */
export async function look(browser: Browser, url: string, file: string): Promise<PageReading> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const response = await page.goto(url);
  const verdict = page.locator('.verdict');
  const result = {
    httpStatus: response?.status(),
    status: await verdict.getAttribute('data-status'),
    arabic: await verdict.locator('[lang="ar"] h1').innerText(),
    english: await verdict.locator('[lang="en"] h1').innerText(),
    // Evaluated in the page (a string, as the test is compiled without the DOM's types).
    direction: await page.evaluate<string>(
      `getComputedStyle(document.querySelector('.verdict [lang="ar"]')).direction`,
    ),
    text: await page.locator('body').innerText(),
  };
  await page.screenshot({ path: file, fullPage: true });
  await page.close();
  return result;
}

/** The standings the page is shown in, each saved as verify-<name>.png. */
export const VERIFY_STATES = [
  'valid',
  'valid-by-token',
  'revoked',
  'superseded',
  'invalid',
  'unknown',
  'mistyped',
] as const;
export type VerifyState = (typeof VERIFY_STATES)[number];

export const verifyPicture = (dir: string, state: VerifyState) => path.join(dir, `verify-${state}.png`);

async function issued(h: Harness) {
  const [officer, registrar] = [await h.token('officer'), await h.token('registrar')];
  const { record } = await registeredBirth(h.app, officer, registrar);
  const certificate = await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId: record.id });
  if (certificate.status !== 201)
    throw new Error(`certificate: ${certificate.status} ${JSON.stringify(certificate.body)}`);
  return { recordId: record.id, certificate: certificate.body as { id: string; token: string }, registrar };
}

/**
 * A certificate in each standing (one valid, one revoked, one superseded by a correction of the
 * child's name), and the page's address under base for each state: by number, by token, a forged
 * token, a well-formed number and a mistyped one that name no certificate.
 */
export async function verifyPages(h: Harness, base: string): Promise<Record<VerifyState, string>> {
  const valid = await issued(h);

  const revoked = await issued(h);
  await request(h.app)
    .post(`/v1/certificates/${revoked.certificate.id}/revocation`)
    .set(auth(revoked.registrar))
    .send({ reason: 'Reported stolen' });

  const superseded = await issued(h);
  const read = await request(h.app).get(`/v1/records/${superseded.recordId}`).set(auth(superseded.registrar));
  await request(h.app)
    .post(`/v1/records/${superseded.recordId}/corrections`)
    .set(auth(superseded.registrar))
    .set('If-Match', etagOf(read))
    .send({
      changes: { child: { givenName: 'مريم', latin: { givenName: 'Maryam' } } },
      reason: 'Name as chosen by the parents',
      // A registered birth's name changes by a court's order.
      evidence: await courtOrderEvidence(h.app, superseded.registrar, superseded.recordId),
    })
    .expect(200);

  return {
    valid: `${base}/verify/${valid.certificate.id}`,
    'valid-by-token': `${base}/verify?token=${valid.certificate.token}`,
    revoked: `${base}/verify/${revoked.certificate.id}`,
    superseded: `${base}/verify/${superseded.certificate.id}`,
    invalid: `${base}/verify?token=${valid.certificate.token.slice(0, -4)}AAAA`,
    unknown: `${base}/verify/c_AAAAAAAAAAAAAAAAAAAAAA`,
    mistyped: `${base}/verify/c_doesnotexist`,
  };
}
