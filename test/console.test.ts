import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CONSOLE_DIR } from '../src/http/console';
import { auth, request, startHarness, type Harness } from './support/harness';
import { CONSOLE_LANGUAGES, CONSOLE_SCREENS, walkConsole, type ConsoleWalk } from './support/console';
import { faultlessLooks, looksWithoutFault, STAFF_PASSWORD, staffUser } from './support/console-page';
import { scratchPictures } from './support/pictures';
import { launchChromium, serve } from './support/verify-page';

/**
 * The office console (web/, built into web/dist by `npm ci`) in Debian's Chromium against the
 * real service: the officer's and the registrar's main path, each screen checked by axe-core in
 * Arabic, Kurdish and English. Pictures go to a temporary folder (npm run docs:screens keeps them).
 */
let h: Harness;
let http: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let pictures: Awaited<ReturnType<typeof scratchPictures>>;
let walk: ConsoleWalk;

beforeAll(async () => {
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html')))
    throw new Error(`the console is not built (${CONSOLE_DIR}): run npm ci, or npm run build --prefix web`);
  pictures = await scratchPictures('console');
  h = await startHarness();
  http = await serve(h.app);
  browser = await launchChromium();
  walk = await walkConsole(h, http.base, browser, pictures.dir, async (token, body) => {
    const res = await request(h.app).post('/v1/births').set(auth(token)).send(body);
    if (res.status !== 201) throw new Error(`declaring a birth: ${res.status} ${JSON.stringify(res.body)}`);
  });
}, 300_000); // a long walk: about 60 s on a quiet 2-core machine, more when other browser tests run beside it
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await h?.close();
  await pictures?.remove();
});

describe('the office console, in Chromium', () => {
  it('works with the keyboard alone: signs in, opens a declaration, and lands on the first field to fix', async () => {
    const officer = await staffUser(h, 'officer');
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await page.goto(http.base);
      await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
      // Tab until the element wanted has the focus (it must be reachable within `most` presses).
      const tabTo = async (name: string, most = 60) => {
        for (let i = 0; i < most; i++) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate<string>(
            `(() => { const e = document.activeElement; return (e?.labels?.[0]?.textContent ?? e?.textContent ?? '').trim(); })()`,
          );
          if (focused === name) return;
        }
        throw new Error(`${name} is not reachable with Tab`);
      };
      await tabTo('Username');
      await page.keyboard.type(officer.username);
      await page.keyboard.press('Tab');
      await page.keyboard.type(STAFF_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Work queues', exact: true }).waitFor();
      await tabTo('Declare a birth');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Declare a birth', exact: true }).waitFor();
      await tabTo('Submit declaration', 120);
      await page.keyboard.press('Enter');
      // Nothing filled in: the focus goes to the first field to fix, with its error said.
      await page.waitForFunction(`document.activeElement?.id === 'f-child-givenName'`);
      expect(await page.getByLabel('Given name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('starts in the language the browser prefers (English here), and keeps only that and the digits in storage', () => {
    expect(walk.seen.firstLanguage).toBe('en');
    expect(walk.storage).toEqual({ 'console.language': 'en', 'console.digits': 'latn' });
    // The session survived a reload through its cookie, which the page's scripts cannot read.
    expect(walk.seen.scriptCookies).toBe('');
    // Record ids only: no name or NIN in any page address.
    for (const url of walk.urls)
      expect(url).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/(queues(\/[a-z-]+)?|records\/r_[\w-]{22}|declare\/birth|search|me\/records|me\/access-log)?$/,
      );
  });

  it('starts in Kurdish or Arabic as the browser prefers, and remembers the switch across a reload', async () => {
    const first = async (locale: string) => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(http.base);
      const seen = [await page.getAttribute('html', 'lang'), await page.getAttribute('html', 'dir')];
      const heading = await page.getByRole('heading', { level: 1 }).innerText();
      return { context, page, seen, heading };
    };
    const kurdish = await first('ckb-IQ');
    expect([kurdish.seen, kurdish.heading]).toEqual([['ckb', 'rtl'], 'چوونەژوورەوە']);
    await kurdish.context.close();
    const french = await first('fr-FR');
    expect([french.seen, french.heading]).toEqual([['ar', 'rtl'], 'تسجيل الدخول']);
    await french.page.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption({ label: 'English' });
    await french.page.reload();
    expect(await french.page.getAttribute('html', 'lang')).toBe('en');
    // The form renders after the language is set: wait for it (count() alone does not wait).
    const signIn = french.page.getByRole('button', { name: 'Sign in', exact: true });
    await signIn.waitFor({ timeout: 15_000 });
    expect(await signIn.count()).toBe(1);
    await french.context.close();
  });

  it('checks the declaration before sending, and shows the service’s refusal beside the field', () => {
    expect(walk.seen.givenNameInvalid).toBe('true');
    expect(walk.seen.motherNinBeforeSending).toContain('This NIN does not exist');
    expect(walk.seen.motherNinFromService).toContain('No person with NIN 123456789010');
  });

  it('lets the officer declare, and a registrar register, issue and download the PDF', () => {
    expect(walk.seen.declaredHeading).toBe('Birth: زينب كريم سالم الربيعي');
    expect(walk.seen.officerDecision).toContain('Only a registrar registers');
    expect(Number(walk.seen.queueRows)).toBe(2); // the officer's birth and the registrar's own
    expect(walk.seen.focusAfterRegister).toMatch(/^Registered: number BGD-\d{4}-B-\d{6}\.$/); // focus moved to it
    expect(walk.seen.registeredFacts).toMatch(/Registration number\s+BGD-\d{4}-B-\d{6}/);
    expect(walk.seen.registeredFacts).toMatch(/Child's NIN\s+\d{12}/);
    expect(walk.seen.history).toMatch(/Declared[\s\S]*Registered[\s\S]*Certificate issued/);
    expect(walk.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(walk.seen.pdfName).toMatch(/^certificate-.+\.pdf$/);
    // Issued through the console, its number checked on the console's page: the service says valid.
    expect(walk.seen.issuedVerified).toBe('valid');
    // An officer issues and downloads a copy of a registered record's certificate too.
    expect(walk.seen.officerPdf).toBe('%PDF-');
    // The UN's facts of a birth, chosen in the form, shown on the record it made.
    expect(walk.seen.declaredFacts).toMatch(/Type of place\s+A hospital/);
    expect(walk.seen.declaredFacts).toMatch(/Attended by\s+A physician/);
  });

  it('writes dates in Arabic-Indic digits when chosen, and NINs and numbers in Latin ones still', () => {
    expect(walk.seen.arabicIndicFacts).toMatch(/[٠-٩]{1,2} [^\d]+ ٢٠[٠-٩]{2}/); // a date
    expect(walk.seen.arabicIndicFacts).toMatch(/BGD-\d{4}-B-\d{6}/); // the registration number
    expect(walk.seen.arabicIndicFacts).toMatch(/\b\d{12}\b/); // the child's NIN
  });

  it('shows a registrar why they cannot register their own declaration (four eyes)', () => {
    expect(walk.seen.ownRegisterDisabled).toBe('true');
    expect(walk.seen.ownRegisterWhy).toContain('another registrar must register it');
    expect(walk.seen.ownAfterClick).toMatch(/Status\s+Declared/);
  });

  it('rejects a declaration with the reason the registrar gives, and asks for one first', () => {
    expect(walk.seen.reasonMissing).toContain('Fill in this field.');
    expect(walk.seen.rejectedFacts).toMatch(/Status\s+Rejected/);
    expect(walk.seen.rejectedFacts).toMatch(/Reason for the rejection\s+The mother has no child of this name/);
  });

  it('finds a person by name with Arabic folding, and by NIN', () => {
    expect(walk.seen.searchResults).toContain('فاطمة حسن علي الربيعي');
    expect(walk.seen.searchByNinRows).toBe('1');
    expect(walk.seen.searchByDateOfBirth).toContain('فاطمة حسن علي الربيعي');
  });

  it('shows a citizen their records, lets them download a certificate, and says who read their data', () => {
    expect(walk.seen.citizenNav).toMatch(/My records\s+Who read my data/);
    expect(walk.seen.myRecords).toMatch(/Birth · Registered\s+Number: BGD-\d{4}-B-\d{6}/);
    expect(walk.citizenPdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The registrar's search found her, and her record was read: in plain words, with the office.
    expect(walk.seen.accessLog).toContain('Registrar of office BGD looked at your entry in the register');
  });

  it('sets <html lang dir> and has no serious or critical axe violation, on each screen in each language', () => {
    expect(walk.looks).toHaveLength(CONSOLE_SCREENS.length * CONSOLE_LANGUAGES.length);
    expect(looksWithoutFault(walk.looks)).toEqual(faultlessLooks(walk.looks));
  });
});
