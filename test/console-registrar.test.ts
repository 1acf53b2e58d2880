import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CONSOLE_DIR } from '../src/http/console';
import { startHarness, type Harness } from './support/harness';
import { CONSOLE_LANGUAGES, faultlessLooks, looksWithoutFault } from './support/console-page';
import { REGISTRAR_SCREENS, walkRegistrar, type RegistrarWalk } from './support/console-registrar';
import { scratchPictures } from './support/pictures';
import { launchChromium, serve } from './support/verify-page';

/**
 * The registrar's record screen (web/src/screens/record/) in Debian's Chromium against the real
 * service: duplicates reviewed with four eyes, documents, a stale correction then a good one, and
 * voiding; each new state checked by axe-core in Arabic, Kurdish and English.
 */
let h: Harness;
let http: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let pictures: Awaited<ReturnType<typeof scratchPictures>>;
let walk: RegistrarWalk;

beforeAll(async () => {
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html')))
    throw new Error(`the console is not built (${CONSOLE_DIR}): run npm ci, or npm run build --prefix web`);
  pictures = await scratchPictures('console-registrar');
  h = await startHarness();
  http = await serve(h.app);
  browser = await launchChromium();
  walk = await walkRegistrar(h, http.base, browser, pictures.dir);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await h?.close();
  await pictures?.remove();
});

describe("the registrar's record screen, in Chromium", () => {
  it('shows the declarer of a possible duplicate why they cannot review it (four eyes)', () => {
    expect(walk.seen.ownDisabled).toBe('true');
    expect(walk.seen.ownWhy).toContain('another registrar must review its possible duplicates');
    expect(walk.seen.ownRegisterWhy).toContain('another registrar must register it');
  });

  it('shows a possible duplicate beside the record it may repeat, what is alike, and asks a reason', () => {
    expect(walk.seen.compare).toMatch(/This record\s+Possible duplicate 1/);
    expect(walk.seen.compare).toMatch(/Likeness 100%/);
    expect(walk.seen.compare?.match(/نرجس حيدر جواد/g)).toHaveLength(2);
    expect(walk.seen.compare).toContain('alike');
    expect(walk.seen.registerBefore).toContain('a registrar reviews it before it is registered');
    expect(walk.seen.reasonMissing).toContain('Fill in this field.');
  });

  it('clears it as not a duplicate with the reason, after which Register works', () => {
    expect(walk.seen.focusAfterReview).toBe('Not a duplicate: the record can be registered now.');
    expect(walk.seen.reviewed).toContain('not a duplicate. Reason: Checked with Yarmouk hospital');
    expect(walk.seen.registeredFacts).toMatch(/Status\s+Registered/);
    // The Duplicate decision: the repeated declaration rejected, pointing at the registered record.
    expect(walk.seen.markedDuplicate).toBe('rejected duplicate true');
    expect(walk.seen.registeredFacts).toMatch(/Registration number\s+BGD-\d{4}-B-\d{6}/);
  });

  it('attaches a PNG chosen with the file picker: previewed before sending, listed, opened inline', () => {
    expect(walk.seen.chosen).toMatch(/judgment-scan\.png · \d+ B · PNG/);
    expect(walk.seen.typeMissing).toContain('Fill in this field.');
    expect(walk.seen.documents).toMatch(/Court order\s+PNG/);
    expect(walk.seen.previewWidth).toBe('8');
  });

  it('says a correction is stale (412) and reads the record again, keeping nothing stale', () => {
    expect(walk.seen.stale).toContain('This record was changed by someone else since you opened it.');
    expect(walk.seen.stale).toContain('Reload');
    expect(walk.seen.focusOnStale).toBe('correction-stale');
    expect(walk.seen.staleGone).toBe('0');
    expect(walk.seen.facilityAfterReload).toBe('مستشفى اليرموك التعليمي'); // the edit made on the old version is gone
    expect(walk.seen.weightAfterReload).toBe('3400'); // the change made meanwhile is there
  });

  it('asks the court order a name correction needs, then shows it in the history with before and after', () => {
    expect(walk.seen.evidenceAsked).toContain('needs a court order');
    expect(walk.seen.correctedHeading).toBe('Birth: مريام حيدر جواد');
    expect(walk.seen.history).toMatch(
      /Corrected\s+Reason: Weight from the hospital register\s+Field\s+Before\s+After\s+Weight at birth \(grams\)\s+\(none\)\s+3400/,
    );
    expect(walk.seen.history).toMatch(
      /Corrected\s+Reason: Judgment of the Karkh court\s+Field\s+Before\s+After\s+Given name\s+مريم\s+مريام/,
    );
    expect(walk.seen.history).toContain('Document attached');
  });

  it('voids the record with a reason: Voided, and its certificates revoked', () => {
    expect(walk.seen.voidReasonMissing).toContain('Fill in this field.');
    expect(walk.seen.voidNotice).toBe('Voided. Certificates revoked with it: 1.');
    expect(walk.seen.voidedFacts).toMatch(/Status\s+Voided/);
    expect(walk.seen.voidedFacts).toMatch(/Reason for voiding\s+Registered twice/);
    expect(walk.seen.voidedFacts).toMatch(/Certificates\s+All revoked with the record: 1/);
    expect(walk.seen.voidedActions).toBe('0');
    expect(walk.certificateStatus).toBe('revoked');
  });

  it('puts no personal data in the addresses, and has no serious or critical axe violation in any language', () => {
    for (const url of walk.urls)
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(queues(\/[a-z-]+)?|records\/r_[\w-]{22})?$/);
    expect(walk.looks).toHaveLength(REGISTRAR_SCREENS.length * CONSOLE_LANGUAGES.length);
    expect(looksWithoutFault(walk.looks)).toEqual(faultlessLooks(walk.looks));
  });
});
