import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { createClient } from '../../src/modules/clients/commands';
import { enrolPerson } from '../../src/modules/persons/commands';
import { auth, request, type Harness } from './harness';
import { daysAgo, openConsole, staffUser, type ScreenLook } from './console-page';

/**
 * The console's people in a real browser (test/console-people.test.ts asserts on what it returns;
 * scripts/console-screens.ts keeps its screenshots): an admin creates a user and a sectoral
 * client (its secret shown once) and rotates the secret; an auditor reads the journal of one
 * record and the integrity check; an officer hands out an activation code from the search; a
 * citizen activates her account with a code made through the API, signs in with her NIN,
 * downloads a certificate in the languages she chose and reads who read her data; anyone checks
 * a certificate by its pasted token and by a photo of its QR code.
 */
export const PEOPLE_SCREENS = [
  'users',
  'clients',
  'journal',
  'integrity',
  'activation-code',
  'activate',
  'my-extract',
  'consents',
  'check-certificate',
] as const;

export interface PeopleWalk {
  looks: ScreenLook[];
  seen: Record<string, string>;
  /** The PDF the citizen downloaded, and the certificate's language as the service holds it. */
  citizenPdf: Buffer;
  citizenCertificateLanguage: string;
  /** The extracts downloaded: the citizen's own (and what the service holds of it), and the one the officer issued the father. */
  citizenExtractPdf: Buffer;
  citizenExtract: { kind: string; language: string; hers: boolean };
  officerExtractPdf: Buffer;
  /** What the API answered with the secrets the admin read off the page. */
  oldSecretToken: number;
  newSecretToken: number;
  /** What the API answered to activating with the code the officer was shown. */
  officerCodeActivation: number;
  /** What the ministry's system was answered when it asked for the daughter's birth certificate with the consent, then after its withdrawal. */
  obtained: number[];
  urls: string[];
  storage: Record<string, string>;
  /** The things that must appear in no page address. */
  secrets: string[];
}

const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 'console-people-setup' };
const CITIZEN_PASSWORD = 'Palm grove by the river 1958';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function setUp(h: Harness) {
  const [officer, registrar, registrar2, auditor, admin] = [
    await staffUser(h, 'officer'),
    await staffUser(h, 'registrar'),
    await staffUser(h, 'registrar'),
    await staffUser(h, 'auditor'),
    await staffUser(h, 'admin'),
  ];
  const mother = await enrolPerson(h.services, SYSTEM, {
    name: { givenName: 'زهراء', fatherName: 'جاسم', grandfatherName: 'محمد', familyName: 'الساعدي' },
    sex: 'female',
    dateOfBirth: '1991-07-23',
    placeOfBirth: { governorate: 'IQ-BG' },
  });
  const father = await enrolPerson(h.services, SYSTEM, {
    name: { givenName: 'حيدر', fatherName: 'كاظم', grandfatherName: 'عباس', familyName: 'الساعدي' },
    sex: 'male',
    dateOfBirth: '1988-03-14',
    placeOfBirth: { governorate: 'IQ-BG' },
  });
  const post = async (url: string, token: string, body: object = {}) => {
    const res = await request(h.app).post(url).set(auth(token)).send(body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  // Their daughter's birth, declared and registered: a record of the mother's, and a certificate to check.
  const birth = await post('/v1/births', officer.token, {
    child: {
      givenName: 'مريم',
      fatherName: 'حيدر',
      grandfatherName: 'كاظم',
      familyName: 'الساعدي',
      sex: 'female',
      dateOfBirth: daysAgo(4),
      placeOfBirth: { governorate: 'IQ-BG' },
    },
    mother: { nin: mother._id },
    father: { nin: father._id },
  });
  const recordId = birth.id as string;
  await post(`/v1/records/${recordId}/registration`, registrar.token);
  const certificate = await post('/v1/certificates', registrar2.token, { recordId });
  const revoked = await post('/v1/certificates', registrar2.token, { recordId, language: 'en' });
  await post(`/v1/certificates/${revoked.id as string}/revocation`, registrar.token, {
    reason: 'Issued with the wrong language',
  });
  // The office's code for the mother, made through the API (as the officer's screen does).
  const code = (await post(`/v1/persons/${mother._id}/activation-code`, officer.token)) as { code: string };
  // A second system that may obtain certificates, which the admin will disable while the mother chooses it.
  const pensionFund = await createClient(h.services, SYSTEM, { name: 'Pension Fund', scopes: ['certificates:issue'] });
  return {
    officer,
    registrar,
    auditor,
    admin,
    motherNin: mother._id,
    fatherNin: father._id,
    recordId,
    code: code.code,
    pensionFund: pensionFund.clientId,
    token: certificate.token as string,
    qr: certificate.qr as string,
    revokedToken: revoked.token as string,
  };
}

export async function walkPeople(
  h: Harness,
  base: string,
  browser: Browser,
  pictures: string | undefined,
): Promise<PeopleWalk> {
  const people = await setUp(h);
  const { context, page, looks, urls, look, signIn, signOut, heading, describedBy, failure } = await openConsole(
    browser,
    base,
    pictures,
  );
  const seen: Record<string, string> = {};
  const secrets: string[] = [people.motherNin, people.fatherNin, people.code, people.token.slice(0, 40)];
  const clientToken = (id: string, secret: string) =>
    request(h.app)
      .post('/v1/auth/token')
      .send({ grant_type: 'client_credentials', client_id: id, client_secret: secret })
      .then((r) => r as { status: number; body: { access_token?: string } });
  const main = page.locator('main');
  try {
    // The admin: lands on Users, creates one, disables it; registers a ministry's client.
    await signIn(people.admin.username, undefined, 'Users');
    seen.adminNav = await page.getByRole('navigation').innerText();
    const username = `registrar.karkh.${Math.random().toString(36).slice(2, 6)}`;
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create user', exact: true }).click();
    seen.userPasswordShort = await page.locator('#f-user-password-error').innerText();
    await page.getByLabel('Password', { exact: true }).fill('Tigris at dawn 2026 again');
    await page.getByLabel('Role', { exact: true }).selectOption('registrar');
    await page.getByLabel('Office', { exact: true }).selectOption('BSR');
    await page.getByRole('button', { name: 'Create user', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `User ${username} created.` })
      .waitFor();
    seen.focusAfterCreate = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    const row = page.getByRole('row').filter({ hasText: username });
    await row.waitFor();
    seen.userRow = await row.innerText();
    seen.userRowOffice = await row.getByLabel(`Office of ${username}`, { exact: true }).inputValue();
    seen.userRowRole = await row.getByLabel(`Role of ${username}`, { exact: true }).inputValue();
    // Moved: another role at another office, saved from the row; the service has it so.
    await row.getByLabel(`Role of ${username}`, { exact: true }).selectOption('officer');
    await row.getByLabel(`Office of ${username}`, { exact: true }).selectOption('BGD');
    await row.getByRole('button', { name: `Save ${username}`, exact: true }).click();
    await row
      .getByRole('status')
      .filter({ hasText: `${username} changed.` })
      .waitFor();
    const moved = await h.services.models.users.findOne({ username }).lean();
    seen.userMoved = `${moved?.role} ${moved?.office}`;
    await row.getByRole('button', { name: `Disable ${username}`, exact: true }).click();
    await row.getByRole('button', { name: `Enable ${username}`, exact: true }).waitFor();
    seen.userRowDisabled = await row.innerText();
    await look('users');

    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('heading', { name: 'Sectoral clients', exact: true }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Ministry of Education');
    await page.getByRole('checkbox', { name: 'Verify identities', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Obtain certificates with the citizen’s consent', exact: true }).check();
    await page.getByRole('button', { name: 'Register client', exact: true }).click();
    await page.getByRole('heading', { name: 'The secret of Ministry of Education', exact: true }).waitFor();
    seen.focusAfterClient = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    seen.secretCard = await page.locator('.secret').innerText();
    const clientId = (await page.locator('.secret dd code').first().innerText()).trim();
    const oldSecret = (await page.getByTestId('client-secret').innerText()).trim();
    secrets.push(oldSecret);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Copied\.$|Could not copy/ })
      .waitFor();
    seen.copied = await page.locator('.secret [role="status"]').innerText();
    seen.clipboardHoldsSecret = String((await page.evaluate<string>('navigator.clipboard.readText()')) === oldSecret);
    await look('clients');
    // Away and back: the secret is not shown again.
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('cell', { name: 'Ministry of Education', exact: true }).waitFor();
    seen.clientsAgain = await main.innerText();
    seen.clientRow = await page.getByRole('row').filter({ hasText: 'Ministry of Education' }).innerText();
    seen.secretsShownAgain = String(await page.getByTestId('client-secret').count());
    // Rotate, asked first: a new secret, once; the old one stops working.
    await page.getByRole('button', { name: 'Rotate secret: Ministry of Education', exact: true }).click();
    seen.rotateAsk = await page.getByRole('group', { name: /stops working/ }).innerText();
    await page.getByRole('button', { name: 'Rotate now', exact: true }).click();
    await page.getByRole('heading', { name: 'The secret of Ministry of Education', exact: true }).waitFor();
    const newSecret = (await page.getByTestId('client-secret').innerText()).trim();
    secrets.push(newSecret);
    seen.secretsDiffer = String(newSecret !== oldSecret);
    const oldSecretToken = (await clientToken(clientId, oldSecret)).status;
    const fresh = await clientToken(clientId, newSecret);
    const newSecretToken = fresh.status;
    // The ministry checks the mother's identity: her access log will name it.
    const identity = await request(h.app)
      .post('/v1/identity/verification')
      .set(auth(fresh.body.access_token ?? ''))
      .send({ nin: people.motherNin, dateOfBirth: '1991-07-23' });
    if (identity.status !== 200) throw new Error(`the ministry's identity check: ${identity.status}`);
    await signOut();

    // The auditor: lands on the journal; one record's entries; the integrity check.
    await signIn(people.auditor.username, undefined, 'Journal');
    seen.auditorNav = await page.getByRole('navigation').innerText();
    await page.locator('table.journal tbody tr').first().waitFor();
    await page.getByLabel('Record', { exact: true }).fill('r_nonsense');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    seen.badRecord = await page.locator('#f-recordId-error').innerText();
    await page.getByLabel('Record', { exact: true }).fill(people.recordId);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText(`Journal entries of ${people.recordId}`, { exact: true }).waitFor();
    seen.journal = await page.locator('table.journal').innerText();
    seen.journalRows = String(await page.locator('table.journal tbody tr').count());
    seen.journalRowsWithRecord = String(
      await page.locator('table.journal tbody tr').filter({ hasText: people.recordId }).count(),
    );
    await look('journal');
    await page.getByRole('link', { name: 'Integrity', exact: true }).click();
    await page.getByRole('heading', { name: 'Integrity of the journal', exact: true }).waitFor();
    await page.getByText(/^The journal is intact/).waitFor();
    seen.integrity = await main.innerText();
    await page.getByRole('button', { name: 'Show the signed heads', exact: true }).click();
    await page.getByRole('table').waitFor();
    seen.heads = await page.getByRole('table').innerText();
    await look('integrity');
    await signOut();

    // The officer hands the father a code from the search results.
    await signIn(people.officer.username);
    await page.getByRole('link', { name: 'Search people', exact: true }).click();
    await page.getByLabel('Search', { exact: true }).fill('حيدر');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('cell', { name: people.fatherNin }).waitFor();
    await page.getByRole('button', { name: 'Activation code for حيدر كاظم عباس', exact: true }).click();
    const made = page.locator('.code-made');
    await made.waitFor();
    seen.officerCode = await made.innerText();
    seen.focusAfterCode = await page.evaluate<string>(`document.activeElement?.className ?? ''`);
    const officerCode = (await made.locator('code').innerText()).trim();
    secrets.push(officerCode);
    // And his civil-status extract, in the office's languages, its PDF to save.
    await page.getByRole('button', { name: 'Civil-status extract for حيدر كاظم عباس الساعدي', exact: true }).click();
    const extractMade = page.locator('.extract-made');
    await extractMade.waitFor();
    seen.focusAfterExtract = await page.evaluate<string>(`document.activeElement?.className ?? ''`);
    const savingOfficerExtract = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Download PDF: the extract of حيدر كاظم عباس الساعدي', exact: true })
      .click();
    const officerExtractPdf = await readFile(await (await savingOfficerExtract).path());
    await extractMade.filter({ hasText: 'The PDF was saved.' }).waitFor();
    seen.officerExtract = await extractMade.innerText();
    await look('activation-code');
    await signOut();
    const officerCodeActivation = (
      await request(h.app)
        .post('/v1/citizens/activation')
        .send({ nin: people.fatherNin, code: officerCode, password: 'Date palms of Basra 1977' })
    ).status;

    // The mother activates her account from the sign-in screen, first with a wrong code.
    await page.getByRole('main').getByRole('link', { name: 'Activate your account', exact: true }).click();
    await page.getByRole('heading', { name: 'Activate your account', exact: true }).waitFor();
    await page.getByLabel('Your NIN', { exact: true }).fill(people.motherNin);
    await page.getByLabel('Activation code', { exact: true }).fill('AAAA-BBBB');
    await page.getByLabel('New password', { exact: true }).fill(CITIZEN_PASSWORD);
    await page.getByLabel('New password again', { exact: true }).fill('Palm grove by the river');
    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    seen.mismatch = await page.locator('#f-confirm-error').innerText();
    await page.getByLabel('New password again', { exact: true }).fill(CITIZEN_PASSWORD);
    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    await page.locator('#f-code-error').waitFor();
    seen.wrongCode = await page.locator('#f-code-error').innerText();
    seen.focusAfterWrongCode = await page.evaluate<string>(`document.activeElement?.id ?? ''`);
    await look('activate');
    await page.getByLabel('Activation code', { exact: true }).fill(people.code.toLowerCase());
    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Your account is open' }).waitFor();
    seen.focusAfterActivate = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await h.services.accessLog.flush();
    await signIn(people.motherNin, CITIZEN_PASSWORD, 'My records');
    await page.getByRole('heading', { name: /^Birth · Registered/ }).waitFor();
    seen.myRecords = await main.innerText();
    // Her certificate in the languages she chooses: Arabic only.
    await page.getByLabel('Languages of the certificate', { exact: true }).selectOption({ label: 'Arabic' });
    await page.getByRole('button', { name: 'Issue certificate', exact: true }).click();
    const issued = page.getByRole('status').filter({ hasText: /^Certificate issued: number/ });
    await issued.waitFor();
    const certificateId = /number (\S+)\./.exec(await issued.innerText())?.[1] ?? '';
    const saving = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF', exact: true }).click();
    const citizenPdf = await readFile(await (await saving).path());
    const held = await request(h.app).get(`/v1/certificates/${certificateId}`).set(auth(people.registrar.token));
    // Her own civil-status extract, in Kurdish and Arabic.
    await page.getByLabel('Languages of the extract', { exact: true }).selectOption({ label: 'Kurdish and Arabic' });
    await page.getByRole('button', { name: 'Issue my extract', exact: true }).click();
    const extractIssued = page.getByRole('status').filter({ hasText: /^Extract issued: number/ });
    await extractIssued.waitFor();
    const savingExtract = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the extract (PDF)', exact: true }).click();
    const extractDownload = await savingExtract;
    const citizenExtractPdf = await readFile(await extractDownload.path());
    const extractId = /^extract-([\w-]+)\.pdf$/.exec(extractDownload.suggestedFilename())?.[1] ?? '';
    const extractHeld = await request(h.app).get(`/v1/certificates/${extractId}`).set(auth(people.registrar.token));
    await extractIssued.filter({ hasText: 'The PDF was saved.' }).waitFor();
    seen.citizenExtract = await extractIssued.innerText();
    await look('my-extract');

    // Her consents: none yet; the form asks for each field, then the service refuses a system just disabled.
    const schoolToken = fresh.body.access_token ?? '';
    const obtain = () =>
      request(h.app)
        .post('/v1/certificates')
        .set(auth(schoolToken))
        .send({ recordId: people.recordId, purpose: 'School enrolment' });
    await page.getByRole('link', { name: 'Consents', exact: true }).click();
    await page.getByRole('heading', { name: 'Consents', exact: true }).waitFor();
    await page.getByText('You have given no consent.', { exact: true }).waitFor();
    seen.consentClients = (await page.getByLabel('System', { exact: true }).locator('option').allInnerTexts()).join(
      ' | ',
    );
    await page.getByRole('button', { name: 'Give consent', exact: true }).click();
    await page.locator('#f-consent-client-error').waitFor();
    seen.consentEmpty = await describedBy('Purpose');
    seen.focusAfterEmptyConsent = await page.evaluate<string>(`document.activeElement?.id ?? ''`);
    const disabled = await request(h.app)
      .patch(`/v1/clients/${people.pensionFund}`)
      .set(auth(people.admin.token))
      .send({ disabled: true });
    if (disabled.status !== 200) throw new Error(`disabling the pension fund: ${disabled.status}`);
    await page.getByLabel('System', { exact: true }).selectOption({ label: 'Pension Fund' });
    await page.getByLabel('Purpose', { exact: true }).fill('pension');
    await page.getByLabel('Ends on', { exact: true }).fill(inDays(90));
    await page.getByRole('button', { name: 'Give consent', exact: true }).click();
    await page.locator('#f-consent-client-error').filter({ hasText: 'no longer' }).waitFor();
    seen.consentRefused = await describedBy('System');
    // The ministry, for school enrolment, for ninety days: the status says so and takes the focus.
    await page.getByLabel('System', { exact: true }).selectOption({ label: 'Ministry of Education' });
    await page.getByLabel('Purpose', { exact: true }).fill('school enrolment');
    await page.getByRole('button', { name: 'Give consent', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Consent given:/ })
      .waitFor();
    seen.focusAfterConsent = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    const consentRow = page.getByRole('row').filter({ hasText: 'school enrolment' });
    await consentRow.waitFor();
    seen.consentRow = await consentRow.innerText();
    await look('consents');
    // With it, the ministry obtains her daughter's birth certificate (a parent's consent covers a minor's).
    const obtainedWithConsent = (await obtain()).status;
    // Withdrawn, asked first: the ministry obtains nothing more by it.
    await page
      .getByRole('button', { name: 'Withdraw the consent: Ministry of Education, school enrolment', exact: true })
      .click();
    const ask = page.getByRole('group', { name: /will obtain nothing more/ });
    seen.withdrawAsk = await ask.innerText();
    seen.focusOnAsk = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    await ask.getByRole('button', { name: 'Withdraw now', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Consent withdrawn:/ })
      .waitFor();
    seen.focusAfterWithdraw = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    await consentRow.filter({ hasText: 'Withdrawn on' }).waitFor();
    seen.consentRowWithdrawn = await consentRow.innerText();
    const obtainedAfterWithdrawal = (await obtain()).status;

    await h.services.accessLog.flush();
    await page.getByRole('link', { name: 'Who read my data', exact: true }).click();
    await page.locator('.log li').first().waitFor();
    seen.accessLog = await page.locator('.log').innerText();
    const storage = await page.evaluate<Record<string, string>>(`Object.fromEntries(Object.entries(localStorage))`);
    await signOut();

    // Anyone checks a certificate: linked from the header; a pasted token, a forged one, a revoked one, a photo.
    await page.getByRole('banner').getByRole('link', { name: 'Check a certificate', exact: true }).click();
    await page.getByRole('heading', { name: 'Check a certificate', exact: true }).waitFor();
    const check = async (token: string, verdict: RegExp) => {
      await page.getByLabel('Certificate code', { exact: true }).fill(token);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('#verdict').filter({ hasText: verdict }).waitFor();
      return page.locator('.verdict').innerText();
    };
    seen.checkValid = await check(people.token, /^Genuine/);
    seen.focusAfterCheck = await page.evaluate<string>(`document.activeElement?.className ?? ''`);
    seen.servicePage = (await page.getByRole('link', { name: /own page/ }).getAttribute('href')) ?? '';
    await look('check-certificate');
    seen.checkRevoked = await check(people.revokedToken, /^Revoked/);
    seen.checkForged = await check(`${people.token.slice(0, -6)}AAAAAA`, /^Not genuine/);
    await check(people.token, /^Genuine/);
    seen.checkNonsense = await check('not a certificate', /^Not genuine/);
    await page.getByLabel('Certificate code', { exact: true }).fill('');
    const png = path.join(os.tmpdir(), `qr-${process.pid}-${Date.now()}.png`);
    // The QR code as the certificate prints it: the COSE credential's text (CR1:, Base45).
    await writeFile(png, await QRCode.toBuffer(people.qr, { errorCorrectionLevel: 'M', margin: 4, scale: 4 }));
    await page.getByLabel('Photo of the QR code', { exact: true }).setInputFiles(png);
    await page.getByText('Genuine: this certificate is valid.', { exact: true }).waitFor();
    seen.checkPhoto = await page.locator('.verdict').innerText();
    seen.tokenFromPhoto = String(
      (await page.getByLabel('Certificate code', { exact: true }).inputValue()) === people.qr,
    );
    const blank = path.join(os.tmpdir(), `blank-${process.pid}-${Date.now()}.png`);
    await writeFile(
      blank,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=',
        'base64',
      ),
    );
    await page.getByLabel('Photo of the QR code', { exact: true }).setInputFiles(blank);
    await page.getByRole('alert').waitFor();
    seen.checkNoQr = await page.getByRole('alert').innerText();
    seen.headingAtEnd = await heading();
    // The number typed off the paper, as a clerk might: lower case, spaces for hyphens; the service's
    // page answers, outside the console (its address holds the number, which is printed to be typed).
    const consoleUrls = [...urls];
    const { jti } = JSON.parse(Buffer.from(people.token.split('.')[1] ?? '', 'base64url').toString()) as {
      jti: string;
    };
    await page
      .getByLabel('Or the certificate number, as printed on it', { exact: true })
      .fill(jti.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Open its verification page', exact: true }).click();
    await page.waitForURL(/\/verify\?number=/);
    seen.checkNumber = (await page.locator('[data-status]').getAttribute('data-status')) ?? '';
    seen.checkNumberTable = await page.locator('table').innerText();

    return {
      looks,
      seen,
      citizenPdf,
      citizenCertificateLanguage: (held.body as { language?: string }).language ?? '',
      citizenExtractPdf,
      citizenExtract: {
        kind: (extractHeld.body as { kind?: string }).kind ?? '',
        language: (extractHeld.body as { language?: string }).language ?? '',
        hers: (extractHeld.body as { subjectNin?: string }).subjectNin === people.motherNin,
      },
      officerExtractPdf,
      oldSecretToken,
      newSecretToken,
      officerCodeActivation,
      obtained: [obtainedWithConsent, obtainedAfterWithdrawal],
      urls: consoleUrls,
      storage,
      secrets,
    };
  } catch (e) {
    throw await failure(e);
  } finally {
    await context.close();
  }
}
