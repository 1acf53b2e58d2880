import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CONSOLE_DIR } from '../src/http/console';
import { startHarness, type Harness } from './support/harness';
import { CONSOLE_LANGUAGES, faultlessLooks, looksWithoutFault } from './support/console-page';
import { DECLARATION_SCREENS, walkDeclarations, type DeclarationsWalk } from './support/console-declarations';
import { scratchPictures } from './support/pictures';
import { launchChromium, serve } from './support/verify-page';

/**
 * The officer's declarations and the offline outbox in Debian's Chromium against the real
 * service (web/ built into web/dist): marriage, death and foetal death through the forms, a
 * divorce of the marriage, a notified birth's names, and a birth declared without a link.
 */
let h: Harness;
let http: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let pictures: Awaited<ReturnType<typeof scratchPictures>>;
let walk: DeclarationsWalk;

beforeAll(async () => {
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html')))
    throw new Error(`the console is not built (${CONSOLE_DIR}): run npm ci, or npm run build --prefix web`);
  pictures = await scratchPictures('console-declarations');
  h = await startHarness();
  http = await serve(h.app);
  browser = await launchChromium();
  walk = await walkDeclarations(h, http.base, browser, pictures.dir);
}, 300_000); // seven screens in three languages with axe, and an offline reload: a longer walk than console.test.ts
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await h?.close();
  await pictures?.remove();
});

describe('the officer’s declarations, in Chromium', () => {
  it('offers a form for each kind from the work queues', () => {
    expect((walk.seen.declareMenu ?? '').split('\n').map((s) => s.trim())).toEqual([
      'Declare a birth',
      'Declare a marriage',
      'Declare a divorce',
      'Declare a death',
      'Declare a foetal death',
      'Declare an annulment',
    ]);
  });

  it('checks before sending: NINs, required dates, ICD-10 codes, weeks of gestation, the marriage named', () => {
    expect(walk.seen.marriageNinBeforeSending).toContain('A NIN is 12 digits');
    expect(walk.seen.marriageDateBeforeSending).toContain('Fill in this field.');
    expect(walk.seen.icd10BeforeSending).toContain('Write an ICD-10 code');
    expect(walk.seen.gestationBeforeSending).toContain('outside what the registry accepts');
    expect(walk.seen.marriageMissing).toContain('Fill in this field.');
  });

  it('declares a marriage, a death and a foetal death, each then waiting in the queue to register', () => {
    // The death's usual residence (the UN's place of usual residence), chosen in the form, is declared.
    expect(walk.seen.deathResidence).toBe('IQ-BA');
    expect(walk.seen.toRegister).toMatch(/Marriage/);
    expect(walk.seen.toRegister).toMatch(/Death/);
    expect(walk.seen.toRegister).toMatch(/Foetal death/);
    expect(walk.seen.toRegister).toContain('حيدر عباس جواد الخفاجي');
  });

  it('finds the registered marriage by a spouse’s NIN and declares its divorce', () => {
    expect([walk.seen.marriageChoices, walk.seen.marriageChecked]).toEqual(['1', 'true']);
    expect(walk.seen.marriageChoice).toMatch(/BGD-\d{4}-M-\d{6}, married on/);
    expect(walk.seen.divorceFacts).toMatch(/Status\s+Declared/);
  });

  it('completes the names of a birth a hospital notified', () => {
    expect(walk.seen.focusAfterComplete).toBe("The child's names are saved.");
    expect(walk.seen.completedHeading).toBe('Birth: زينب أحمد محمود');
    expect(walk.seen.completedGivenName).toBe('زينب');
  });

  it('keeps a declaration made without a link, across a reload, and sends it once when the link returns', () => {
    expect(walk.seen.keptNotice).toContain('No link to the registry');
    expect(walk.seen.focusAfterKeeping).toBe(walk.seen.keptNotice); // announced: focus moved to it
    expect(walk.seen.givenNameAfterKeeping).toBe(''); // the form is ready for the next one
    expect(walk.seen.signOutWarning).toContain('Signing out deletes them from this computer');
    expect(walk.seen.declaredWhileOffline).toBe('0');
    expect(walk.seen.waitingAfterReload).toContain('Waiting to be sent: 1');
    expect(walk.seen.sentOutcome).toContain('Sent from the outbox: Birth declaration.');
    expect(walk.seen.sentOutcome).not.toContain('Waiting to be sent');
    expect(walk.seen.sentHeading).toBe('Birth: يوسف حيدر عباس');
    expect(walk.birthsDeclared).toEqual([1, 1]); // exactly one record, and a second reload sent nothing
    expect(walk.seen.outboxAfterSecondReload).not.toContain('Waiting');
  });

  it('keeps no personal data in the addresses or in localStorage', () => {
    expect(JSON.parse(walk.seen.localStorageKeys ?? '[]')).toEqual(['console.language']);
    for (const url of walk.urls)
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(queues(\/[a-z-]+)?|records\/r_[\w-]{22}|declare\/[a-z-]+)?$/);
  });

  it('sets <html lang dir> and has no serious or critical axe violation on each new screen in each language', () => {
    expect(walk.looks.map((l) => l.screen)).toEqual(DECLARATION_SCREENS.flatMap((s) => CONSOLE_LANGUAGES.map(() => s)));
    expect(looksWithoutFault(walk.looks)).toEqual(faultlessLooks(walk.looks));
  });
});
