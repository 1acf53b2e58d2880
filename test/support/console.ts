import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { enrolPerson } from '../../src/modules/persons/commands';
import type { Harness } from './harness';
import { daysAgo, openConsole, staffUser, type ScreenLook } from './console-page';

/**
 * The office console's main path in a real browser (test/console.test.ts asserts on what it
 * returns; scripts/console-screens.ts keeps its screenshots): an officer signs in, declares a
 * birth (first with mistakes, caught before sending and by the service), a second registrar
 * registers it, issues a certificate and downloads the PDF, then searches people; the mother, a
 * citizen, downloads her child's certificate and reads who read her data. At each screen,
 * `look` shows it in Arabic, Kurdish and English: <html lang dir>, axe-core's findings, a picture.
 */
export { CONSOLE_LANGUAGES } from './console-page';
export const CONSOLE_SCREENS = [
  'sign-in',
  'work-queues',
  'declare-birth',
  'record-declared',
  'queue-list',
  'record-registered',
  'search-people',
  'my-records',
  'access-log',
] as const;

export interface ConsoleWalk {
  looks: ScreenLook[];
  /** What the page said at the points the test checks. */
  seen: Record<string, string>;
  pdf: Buffer;
  /** The certificate the mother downloaded herself. */
  citizenPdf: Buffer;
  /** What the browser kept in localStorage by the end: only the language. */
  storage: Record<string, string>;
  /** Every page URL the browser showed: no personal data in them. */
  urls: string[];
}

const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 'console-setup' };

/** The people of the walk: an officer, a registrar, the mother (enrolled) and one birth the registrar declared. */
async function setUp(h: Harness) {
  const [officer, registrar] = [await staffUser(h, 'officer'), await staffUser(h, 'registrar')];
  const mother = await enrolPerson(h.services, SYSTEM, {
    name: { givenName: 'فاطمة', fatherName: 'حسن', grandfatherName: 'علي', familyName: 'الربيعي' },
    sex: 'female',
    dateOfBirth: '1994-02-11',
    placeOfBirth: { governorate: 'IQ-BG' },
  });
  // A birth the registrar declared: four eyes keeps them from registering it.
  const token = registrar.token;
  // The mother has a citizen's account (username: her NIN): her child's birth is one of her records.
  const citizen = await h.citizen(mother._id);
  return {
    officer: officer.username,
    registrar: registrar.username,
    motherNin: mother._id,
    registrarToken: token,
    citizen: { username: citizen.nin, password: 'a long test password' },
  };
}

export async function walkConsole(
  h: Harness,
  base: string,
  browser: Browser,
  pictures: string | undefined,
  declare: (token: string, body: object) => Promise<void>,
): Promise<ConsoleWalk> {
  const people = await setUp(h);
  await declare(people.registrarToken, {
    child: {
      givenName: 'علي',
      fatherName: 'عمر',
      grandfatherName: 'سعد',
      sex: 'male',
      dateOfBirth: daysAgo(3),
      placeOfBirth: { governorate: 'IQ-BG' },
    },
    mother: { nin: people.motherNin },
  });
  const { context, page, looks, urls, look, signIn, signOut, heading, describedBy, failure } = await openConsole(
    browser,
    base,
    pictures,
  );
  const seen: Record<string, string> = {};
  try {
    seen.firstLanguage = (await page.getAttribute('html', 'lang')) ?? '';
    await look('sign-in');

    // The officer declares a birth.
    await signIn(people.officer);
    // A reload keeps the session (the refresh token is in an HttpOnly cookie no script reads).
    await page.reload();
    await page.getByRole('heading', { name: 'Work queues', exact: true }).waitFor();
    seen.scriptCookies = await page.evaluate<string>('document.cookie');
    await look('work-queues');
    await page.getByRole('button', { name: 'Declare a birth', exact: true }).click();
    await page.getByRole('heading', { name: 'Declare a birth', exact: true }).waitFor();
    await page.getByLabel("Mother's NIN", { exact: true }).fill('123456789011');
    await page.getByRole('button', { name: 'Submit declaration', exact: true }).click();
    seen.givenNameInvalid = (await page.getByLabel('Given name', { exact: true }).getAttribute('aria-invalid')) ?? '';
    await page.waitForFunction(`document.activeElement?.id === 'f-child-givenName'`); // focus on the first to fix
    seen.motherNinBeforeSending = await describedBy("Mother's NIN");
    await look('declare-birth');
    await page.getByLabel('Given name', { exact: true }).fill('زينب');
    await page.getByLabel("Father's name", { exact: true }).fill('كريم');
    await page.getByLabel("Grandfather's name", { exact: true }).fill('سالم');
    await page.getByLabel('Family name', { exact: true }).fill('الربيعي');
    await page.getByLabel('Sex', { exact: true }).selectOption('female');
    await page.getByLabel('Date of birth', { exact: true }).fill(daysAgo(5));
    await page.getByLabel('Governorate', { exact: true }).selectOption('IQ-BG');
    await page.getByLabel('Type of place', { exact: true }).selectOption('hospital');
    await page.getByLabel('Attended by', { exact: true }).selectOption('physician');
    // A well-formed NIN that names no one: only the service knows, and says so beside the field.
    await page.getByLabel("Mother's NIN", { exact: true }).fill('123456789010');
    await page.getByRole('button', { name: 'Submit declaration', exact: true }).click();
    await page.locator('#f-mother-nin-error').waitFor();
    seen.motherNinFromService = await describedBy("Mother's NIN");
    await page.getByLabel("Mother's NIN", { exact: true }).fill(people.motherNin);
    await page.getByRole('button', { name: 'Submit declaration', exact: true }).click();
    await page.getByRole('heading', { name: /زينب/ }).waitFor();
    seen.declaredHeading = await heading();
    seen.declaredFacts = await page.locator('dl.facts').innerText();
    seen.officerDecision = await page.locator('section[aria-labelledby="decide"]').innerText();
    await look('record-declared');
    await signOut();
    // Signed out is signed out: a reload does not bring the session back.
    await page.reload();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();

    // A registrar registers it, and cannot register their own declaration.
    await signIn(people.registrar);
    await page.getByRole('link', { name: /To register/ }).click();
    await page.getByRole('heading', { name: 'To register', exact: true }).waitFor();
    await page.getByRole('link', { name: /^زينب/ }).waitFor();
    seen.queueRows = String(await page.locator('tbody tr').count());
    await look('queue-list');
    await page.getByRole('link', { name: /^علي/ }).click();
    await page.getByRole('heading', { name: /علي/ }).waitFor();
    const own = page.getByRole('button', { name: 'Register', exact: true });
    seen.ownRegisterDisabled = (await own.getAttribute('aria-disabled')) ?? '';
    seen.ownRegisterWhy = await page.locator(`#${await own.getAttribute('aria-describedby')}`).innerText();
    await own.click({ force: true }); // a click anyway (Playwright sees it disabled) does nothing
    seen.ownAfterClick = await page.locator('dl.facts').innerText();
    // Rejecting needs a reason: asked for first, then the record is rejected.
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    seen.reasonMissing = await describedBy('Reason');
    await page
      .getByLabel('Reason', { exact: true })
      .fill('The mother has no child of this name in the hospital register');
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Rejected\.$/ })
      .waitFor();
    seen.rejectedFacts = await page.locator('dl.facts').innerText();
    await page.goBack();
    await page.getByRole('link', { name: /^زينب/ }).click();
    await page.getByRole('heading', { name: /زينب/ }).waitFor();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Registered: number/ })
      .waitFor();
    seen.focusAfterRegister = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    const recordUrl = page.url();
    await page.getByRole('button', { name: 'Issue certificate', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF', exact: true }).click();
    const download = await downloading;
    const pdf = await readFile(await download.path());
    seen.pdfName = download.suggestedFilename();
    // Verify it as anyone would: its number (as the PDF's name gives it) typed into the console's
    // check page, which opens the service's verification page; in a tab of its own.
    const number = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}-[0-9A-Z])\.pdf$/.exec(seen.pdfName)?.[1] ?? '';
    const checker = await context.newPage();
    await checker.goto(`${base}/check`);
    await checker.getByLabel('Or the certificate number, as printed on it', { exact: true }).fill(number);
    await checker.getByRole('button', { name: 'Open its verification page', exact: true }).click();
    await checker.waitForURL(/\/verify\?number=/);
    seen.issuedVerified = (await checker.locator('[data-status]').getAttribute('data-status')) ?? '';
    await checker.close();
    // The history is read again after the certificate: its entry shows without a reload.
    await page.getByRole('cell', { name: 'Certificate issued', exact: true }).waitFor();
    seen.registeredFacts = await page.locator('dl.facts').innerText();
    seen.history = await page.locator('section[aria-labelledby="history"]').innerText();
    await look('record-registered');
    // Arabic-Indic digits for dates, on the switch beside the language's; NINs and numbers stay Latin.
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await page.getByRole('combobox', { name: 'أرقام التواريخ', exact: true }).selectOption('arab');
    seen.arabicIndicFacts = await page.locator('dl.facts').innerText();
    await page.getByRole('combobox', { name: 'أرقام التواريخ', exact: true }).selectOption('latn');
    await page.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption('en');

    // Search people: the service folds ة to ه, so "فاطمه" finds فاطمة.
    await page.getByRole('link', { name: 'Search people', exact: true }).click();
    await page.getByLabel('Search', { exact: true }).fill('فاطمه');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('cell', { name: people.motherNin }).waitFor();
    seen.searchResults = await page.locator('table').innerText();
    // A NIN in the same box finds that one person (in Arabic-Indic digits too).
    const arabicIndic = people.motherNin.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    await page.getByLabel('Search', { exact: true }).fill(arabicIndic);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('cell', { name: people.motherNin }).waitFor();
    seen.searchByNinRows = String(await page.locator('tbody tr').count());
    // A date of birth alone finds who was born that day (the mother among them).
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Date of birth', { exact: true }).fill('1994-02-11');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('cell', { name: people.motherNin }).waitFor();
    seen.searchByDateOfBirth = await page.locator('table').innerText();
    await look('search-people');

    await signOut();

    // The officer issues a copy of the same record's certificate and downloads it.
    await signIn(people.officer);
    await page.goto(recordUrl);
    await page.getByRole('button', { name: 'Issue certificate', exact: true }).click();
    const officerSaving = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF', exact: true }).click();
    seen.officerPdf = (await readFile(await (await officerSaving).path())).subarray(0, 5).toString();
    await signOut();

    // The mother, a citizen: her records, her child's certificate, and who read her data.
    await h.services.accessLog.flush(); // the log is written in batches, a fraction of a second apart
    await signIn(people.citizen.username, people.citizen.password, 'My records');
    seen.citizenNav = await page.getByRole('navigation').innerText();
    // The heading comes before the records: wait for them, not for "Loading…".
    await page.getByRole('heading', { name: /^Birth · Registered/ }).waitFor();
    seen.myRecords = await page.locator('main').innerText();
    await page.getByRole('button', { name: 'Issue certificate', exact: true }).click();
    const saving = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF', exact: true }).click();
    const citizenPdf = await readFile(await (await saving).path());
    await look('my-records');
    await page.getByRole('link', { name: 'Who read my data', exact: true }).click();
    await page.getByRole('heading', { name: 'Who read my data', exact: true }).waitFor();
    await page.locator('.log li').first().waitFor();
    seen.accessLog = await page.locator('.log').innerText();
    await look('access-log');

    const storage = await page.evaluate<Record<string, string>>(`Object.fromEntries(Object.entries(localStorage))`);
    await signOut();
    return { looks, seen, pdf, citizenPdf, storage, urls };
  } catch (e) {
    throw await failure(e);
  } finally {
    await context.close();
  }
}
