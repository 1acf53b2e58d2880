import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CONSOLE_DIR } from '../src/http/console';
import { startHarness, type Harness } from './support/harness';
import { CONSOLE_LANGUAGES, faultlessLooks, looksWithoutFault } from './support/console-page';
import { PEOPLE_SCREENS, walkPeople, type PeopleWalk } from './support/console-people';
import { scratchPictures } from './support/pictures';
import { launchChromium, serve } from './support/verify-page';

/**
 * The console's people (issue 18) in Debian's Chromium against the real service: the admin's
 * users and clients, the auditor's journal and integrity check, the officer's activation code, a
 * citizen's activation, certificate languages and access log, and checking a certificate; each
 * new screen checked by axe-core in Arabic, Kurdish and English.
 */
let h: Harness;
let http: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let pictures: Awaited<ReturnType<typeof scratchPictures>>;
let walk: PeopleWalk;

beforeAll(async () => {
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html')))
    throw new Error(`the console is not built (${CONSOLE_DIR}): run npm ci, or npm run build --prefix web`);
  pictures = await scratchPictures('console-people');
  h = await startHarness();
  http = await serve(h.app);
  browser = await launchChromium();
  walk = await walkPeople(h, http.base, browser, process.env.PEOPLE_PICTURES ?? pictures.dir);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await h?.close();
  await pictures?.remove();
});

describe('the console for citizens, auditors, admins and anyone checking a certificate', () => {
  it('gives the admin Users and Clients (and the journal), landing on Users; creates, then disables, a user', () => {
    expect(walk.seen.adminNav).toMatch(/^Users\s+Clients\s+Journal\s+Integrity$/);
    expect(walk.seen.userPasswordShort).toBe('The password must have at least 12 characters.');
    expect(walk.seen.focusAfterCreate).toMatch(/^User registrar\.karkh\.\w+ created\.$/);
    expect(walk.seen.userRow).toMatch(/^registrar\.karkh\.\w+\s[\s\S]*\sActive\s/);
    expect(walk.seen.userRowRole).toBe('registrar');
    expect(walk.seen.userRowOffice).toBe('BSR');
    expect(walk.seen.userMoved).toBe('officer BGD');
    expect(walk.seen.userRowDisabled).toContain('Disabled');
  });

  it('shows a client’s secret once, with a copy button and a warning, and never again; rotating gives a new one', () => {
    expect(walk.seen.focusAfterClient).toBe('The secret of Ministry of Education');
    expect(walk.seen.secretCard).toContain('it is shown only once and cannot be read again');
    expect(walk.seen.copied).toBe('Copied.');
    expect(walk.seen.clipboardHoldsSecret).toBe('true');
    expect(walk.seen.secretsShownAgain).toBe('0');
    for (const secret of walk.secrets.slice(-2)) expect(walk.seen.clientsAgain).not.toContain(secret);
    expect(walk.seen.rotateAsk).toContain('stops working at once');
    expect(walk.seen.secretsDiffer).toBe('true');
    expect([walk.oldSecretToken, walk.newSecretToken]).toEqual([401, 200]);
    expect(walk.seen.clientRow).toContain('Verify identities · Obtain certificates with the citizen’s consent');
  });

  it('gives the auditor the journal, filtered by a record, and the integrity check', () => {
    expect(walk.seen.auditorNav).toMatch(/^Journal\s+Integrity$/);
    expect(walk.seen.badRecord).toContain('A record id is r_');
    expect(walk.seen.journal).toMatch(/Birth: Declared\s+birth\.declared/);
    expect(walk.seen.journal).toMatch(/Birth: Registered\s+birth\.registered/);
    expect(walk.seen.journal).toMatch(/Certificate issued\s+certificate\.issued/);
    expect(walk.seen.journal).toMatch(
      /Certificate revoked\s+certificate\.revoked\s+Reason: Issued with the wrong language/,
    );
    expect(walk.seen.journal).toMatch(/Registry officer, office BGD\s+u_/);
    expect(Number(walk.seen.journalRows)).toBeGreaterThanOrEqual(5);
    expect(walk.seen.journalRowsWithRecord).toBe(walk.seen.journalRows);
    expect(walk.seen.integrity).toMatch(/The journal is intact: \d+ entries, the chain holds\./);
    expect(walk.seen.heads).toMatch(/\d+\s+.+\s+[0-9a-f]{64}/);
  });

  it('lets an officer hand out an activation code from the search results, once, with its expiry', () => {
    expect(walk.seen.officerCode).toMatch(
      /^Activation code for حيدر كاظم عباس, valid until .+: [A-Z0-9]{4}-[A-Z0-9]{4} Give it to the person on paper/,
    );
    expect(walk.seen.focusAfterCode).toBe('code-made');
    expect(walk.officerCodeActivation).toBe(201);
  });

  it('lets an officer issue a person’s civil-status extract from the search results and save its PDF', () => {
    expect(walk.seen.officerExtract).toMatch(
      /^Extract of حيدر كاظم عباس الساعدي issued: number BGD-\d{4}-E-\d{6}\. The PDF was saved\.$/,
    );
    expect(walk.seen.focusAfterExtract).toBe('extract-made');
    expect(walk.officerExtractPdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets a citizen activate her account, sign in with her NIN, and choose the certificate’s languages', () => {
    expect(walk.seen.mismatch).toBe('The two passwords are not the same.');
    expect(walk.seen.wrongCode).toContain('the code has expired');
    expect(walk.seen.focusAfterWrongCode).toBe('f-code');
    expect(walk.seen.focusAfterActivate).toContain('Your account is open');
    expect(walk.seen.myRecords).toMatch(/Birth · Registered\s+Number: BGD-\d{4}-B-\d{6}/);
    expect(walk.citizenPdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(walk.citizenCertificateLanguage).toBe('ar');
  });

  it('lets a citizen issue her own civil-status extract in the languages she chooses, and save its PDF', () => {
    expect(walk.seen.citizenExtract).toMatch(/^Extract issued: number [A-Z]{3}-\d{4}-E-\d{6}\.\s+The PDF was saved\.$/);
    expect(walk.citizenExtract).toEqual({ kind: 'civil-status-extract', language: 'ckb-ar', hers: true });
    expect(walk.citizenExtractPdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets a citizen give a consent to a ministry’s system, with errors beside the fields, then withdraw it, asked first', () => {
    expect(walk.seen.consentClients).toMatch(/^Choose…/);
    expect(walk.seen.consentClients).toContain('Ministry of Education');
    expect(walk.seen.consentClients).toContain('Pension Fund');
    // Sent empty: each field says what it needs, and the focus is on the first.
    expect(walk.seen.consentEmpty).toContain('Fill in this field.');
    expect(walk.seen.focusAfterEmptyConsent).toBe('f-consent-client');
    // The service's refusal of a system disabled meanwhile, in the console's words, beside the field.
    expect(walk.seen.consentRefused).toBe('This system may no longer obtain certificates: choose another.');
    expect(walk.seen.focusAfterConsent).toMatch(
      /^Consent given: Ministry of Education may obtain your certificates for “school enrolment”; it ends on \d{1,2} \w+ \d{4}\.$/,
    );
    expect(walk.seen.consentRow).toMatch(/^Ministry of Education\s+school enrolment\s+.+\s+In force\s+Withdraw$/);
    expect(walk.seen.withdrawAsk).toContain(
      'Ministry of Education will obtain nothing more for “school enrolment”. Withdraw the consent?',
    );
    expect(walk.seen.focusOnAsk).toBe('Withdraw now');
    expect(walk.seen.focusAfterWithdraw).toBe(
      'Consent withdrawn: Ministry of Education obtains nothing more for “school enrolment”.',
    );
    expect(walk.seen.consentRowWithdrawn).toMatch(/Withdrawn on /);
    expect(walk.seen.consentRowWithdrawn).not.toContain('Withdraw now');
    // The ministry obtained the daughter's birth certificate with it, and nothing once it was withdrawn.
    expect(walk.obtained).toEqual([201, 403]);
  });

  it('tells the citizen in plain words who read her data, a ministry by its name', () => {
    expect(walk.seen.accessLog).toContain('Ministry of Education checked your identity');
    expect(walk.seen.accessLog).toContain('Registrar of office BGD issued a certificate about you');
    expect(walk.seen.accessLog).toContain('Auditor of office BGD read your data for an audit');
    // The ministry obtained her daughter's birth certificate with her consent: which one, and what for.
    expect(walk.seen.accessLog).toContain('Ministry of Education obtained your birth certificate: School enrolment');
  });

  it('checks a pasted token and a photo of the QR code, in plain words, with the service’s own page', () => {
    expect(walk.seen.checkValid).toMatch(/^Genuine: this certificate is valid\./);
    expect(walk.seen.checkValid).toMatch(/Registration number\s+BGD-\d{4}-B-\d{6}/);
    expect(walk.seen.checkValid).toMatch(/Name\s+مريم حيدر كاظم/);
    expect(walk.seen.focusAfterCheck).toBe('verdict-box');
    // The service's page by the certificate's number: no token (name, NIN) in an address.
    expect(walk.seen.servicePage).toMatch(/^\/verify\/[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-[0-9A-Z]$/);
    expect(walk.seen.checkRevoked).toMatch(/^Revoked: this certificate was withdrawn/);
    expect(walk.seen.checkForged).toMatch(/^Not genuine/);
    expect(walk.seen.checkNonsense).toMatch(/^Not genuine/);
    expect(walk.seen.checkPhoto).toMatch(/^Genuine: this certificate is valid\./);
    expect(walk.seen.tokenFromPhoto).toBe('true');
    expect(walk.seen.checkNoQr).toBe('No QR code was found in this picture: take it again, closer and sharper.');
    // Its printed number, typed in lower case with spaces, opens the service's page for it, with its validity.
    expect(walk.seen.checkNumber).toBe('valid');
    expect(walk.seen.checkNumberTable).toMatch(/Valid until/);
  });

  it('puts no NIN, code, token or secret in a page address, and keeps only the language in storage', () => {
    expect(walk.storage).toEqual({ 'console.language': 'en' });
    for (const url of walk.urls) {
      expect(url).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/(admin\/(users|clients)|audit(\/integrity)?|queues|search|activate|check|me\/records|me\/access-log|me\/consents)?$/,
      );
      for (const secret of walk.secrets) expect(url).not.toContain(secret);
    }
  });

  it('sets <html lang dir> and has no serious or critical axe violation, on each new screen in each language', () => {
    expect(walk.looks).toHaveLength(PEOPLE_SCREENS.length * CONSOLE_LANGUAGES.length);
    expect(looksWithoutFault(walk.looks)).toEqual(faultlessLooks(walk.looks));
  });
});
