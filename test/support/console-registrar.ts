import { deflateSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { enrolPerson } from '../../src/modules/persons/commands';
import { auth, request, type Harness } from './harness';
import { daysAgo, openConsole, staffUser, type ScreenLook } from './console-page';

/**
 * The registrar's record screen in a real browser (test/console-registrar.test.ts asserts on
 * what it returns; scripts/console-screens.ts keeps its pictures): a possible duplicate that its
 * declarer cannot review and a second registrar clears, then registers; a scan attached by the
 * file picker and previewed; a correction refused as stale (412), read again, then made on a
 * court order with its before and after in the history; and the record voided.
 */
export const REGISTRAR_SCREENS = [
  'record-duplicates',
  'record-documents',
  'record-correction',
  'record-corrected',
  'record-voided',
] as const;

export interface RegistrarWalk {
  looks: ScreenLook[];
  seen: Record<string, string>;
  urls: string[];
  /** What the service says of the certificate issued before the voiding. */
  certificateStatus: string;
}

const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 'console-registrar-setup' };

/** A small valid PNG (8 x 8, one colour), made here: signature, IHDR, IDAT, IEND with their CRCs. */
export function smallPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits a channel, RGB
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array(8).fill([11, 93, 75]).flat()])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function setUp(h: Harness) {
  const officer = await staffUser(h, 'officer');
  const declarer = await staffUser(h, 'registrar');
  const reviewer = await staffUser(h, 'registrar');
  const mother = await enrolPerson(h.services, SYSTEM, {
    name: { givenName: 'سعاد', fatherName: 'جواد', grandfatherName: 'كاظم', familyName: 'العبيدي' },
    sex: 'female',
    dateOfBirth: '1991-07-21',
    placeOfBirth: { governorate: 'IQ-BG' },
  });
  const post = async (path: string, token: string, body?: object) => {
    const res = await request(h.app).post(path).set(auth(token)).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; flags: string[] };
  };
  const child = (givenName: string, dateOfBirth: string) => ({
    child: {
      givenName,
      fatherName: 'حيدر',
      grandfatherName: 'جواد',
      sex: 'female',
      dateOfBirth,
      placeOfBirth: { governorate: 'IQ-BG', facility: 'مستشفى اليرموك التعليمي' },
    },
    mother: { nin: mother._id },
  });
  // One birth declared twice (the hospital's officer, then the registrar at the counter): the second is flagged.
  await post('/v1/births', officer.token, child('نرجس', daysAgo(4)));
  const duplicate = await post('/v1/births', declarer.token, child('نرجس', daysAgo(4)));
  if (!duplicate.flags.includes('possible-duplicate')) throw new Error('the second declaration was not flagged');
  // Her elder daughter's birth, registered: corrected, documented and voided in the browser.
  const elder = await post('/v1/births', officer.token, child('مريم', '2024-11-02'));
  await post(`/v1/records/${elder.id}/registration`, declarer.token);
  // Declared again by the officer weeks later, the elder daughter's birth: a duplicate to reject.
  const again = await post('/v1/births', officer.token, child('مريم', '2024-11-02'));
  if (!again.flags.includes('possible-duplicate')) throw new Error('the repeated declaration was not flagged');
  return { officer, declarer, reviewer, duplicate: duplicate.id, elder: elder.id, again: again.id };
}

export async function walkRegistrar(
  h: Harness,
  base: string,
  browser: Browser,
  pictures: string | undefined,
): Promise<RegistrarWalk> {
  const people = await setUp(h);
  const { context, page, looks, urls, look, signIn, signOut, heading, describedBy, failure } = await openConsole(
    browser,
    base,
    pictures,
  );
  const seen: Record<string, string> = {};
  const notice = (text: RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const openQueue = async (queue: string, name: RegExp) => {
    await page.getByRole('link', { name: 'Work queues', exact: true }).click();
    await page.getByRole('link', { name: new RegExp(`^${queue}`) }).click();
    await page.getByRole('heading', { name: queue, exact: true }).waitFor();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name: new RegExp(name.source.replace(/^\^/, '')) }).waitFor();
  };
  try {
    // (a) The declarer sees why they cannot review; a second registrar clears the flag, then registers.
    await signIn(people.declarer.username);
    await openQueue('Possible duplicates', /نرجس/);
    seen.ownDisabled = (await button('Not a duplicate').getAttribute('aria-disabled')) ?? '';
    seen.ownWhy = await page
      .locator(`#${await button('Not a duplicate').getAttribute('aria-describedby')}`)
      .innerText();
    seen.ownRegisterWhy = await page.locator('#four-eyes').innerText();
    await signOut();

    await signIn(people.reviewer.username);
    await openQueue('Possible duplicates', /نرجس/);
    await page.locator('.compare tbody td.alike').first().waitFor();
    seen.compare = await page.locator('.compare table').innerText();
    seen.registerBefore = await page.locator('#four-eyes').innerText();
    await look('record-duplicates');
    await button('Not a duplicate').click();
    seen.reasonMissing = await describedBy('Reason for the decision');
    await page
      .getByLabel('Reason for the decision', { exact: true })
      .fill('Checked with Yarmouk hospital: one child, declared twice');
    await button('Not a duplicate').click();
    await notice(/^Not a duplicate: the record can be registered now\.$/);
    seen.focusAfterReview = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    seen.reviewed = await page.locator('section[aria-labelledby="duplicates"]').innerText();
    await button('Register').click();
    await notice(/^Registered: number/);
    seen.registeredFacts = await page.locator('dl.facts').innerText();

    // (b) The elder daughter's birth declared again: marked a duplicate of the registered one, so rejected.
    await openQueue('Possible duplicates', /^مريم/);
    await page.getByLabel('Reason for the decision', { exact: true }).fill('The same child, registered in 2024');
    await button('Duplicate').click();
    await notice(/^Marked as a duplicate: the record is rejected\.$/);
    const again = await h.services.records.get(people.again);
    seen.markedDuplicate = `${again?.status} ${again?.duplicateReview?.decision} ${again?.duplicateReview?.duplicateOf === people.elder}`;

    // (c) A scan attached by the file picker: previewed before sending, listed, opened from memory.
    await openQueue('To print', /^مريم/);
    await page.getByLabel('Scanned file', { exact: true }).setInputFiles({
      name: 'judgment-scan.png',
      mimeType: 'image/png',
      buffer: smallPng(),
    });
    await page.getByRole('img', { name: 'Preview of the chosen scan', exact: true }).waitFor();
    seen.chosen = await page.locator('.chosen').innerText();
    await button('Attach').click();
    seen.typeMissing = await describedBy('Document type');
    await page.getByLabel('Document type', { exact: true }).selectOption('court-order');
    await button('Attach').click();
    await notice(/^Attached: Court order d_/);
    seen.documents = await page.locator('table.documents').innerText();
    await page.getByRole('button', { name: /^Open Court order d_/ }).click();
    await notice(/^Showing Court order d_/);
    await page.waitForFunction(`document.querySelector('figure.preview img')?.naturalWidth > 0`);
    seen.previewWidth = String(
      await page.evaluate<number>(`document.querySelector('figure.preview img').naturalWidth`),
    );
    await look('record-documents');

    // (b) A correction against a version someone else changed meanwhile: 412, Reload, then one that goes.
    await button('Correct the record').click();
    await page.getByLabel('Hospital or place', { exact: true }).fill('مستشفى الكرخ للولادة');
    await page.getByLabel('Reason for the correction', { exact: true }).fill('The ward named in error');
    const read = await request(h.app).get(`/v1/records/${people.elder}`).set(auth(people.declarer.token));
    const meanwhile = await request(h.app)
      .post(`/v1/records/${people.elder}/corrections`)
      .set(auth(people.declarer.token))
      .set('If-Match', read.headers.etag as string)
      .send({ changes: { child: { weightGrams: 3400 } }, reason: 'Weight from the hospital register' });
    if (meanwhile.status !== 200) throw new Error(`the correction meanwhile: ${meanwhile.status}`);
    await button('Send the correction').click();
    await page.locator('#correction-stale').waitFor();
    seen.stale = await page.locator('#correction-stale').innerText();
    await page.waitForFunction(`document.activeElement?.id === 'correction-stale'`, undefined, { timeout: 5000 });
    seen.focusOnStale = await page.evaluate<string>(`document.activeElement?.id ?? ''`);
    await look('record-correction');
    await button('Reload').click();
    await page
      .locator('#correction-reloaded')
      .filter({ hasText: /read again/ })
      .waitFor();
    seen.facilityAfterReload = await page.getByLabel('Hospital or place', { exact: true }).inputValue();
    seen.weightAfterReload = await page.getByLabel('Weight at birth (grams)', { exact: true }).inputValue();
    seen.staleGone = String(await page.locator('#correction-stale').count());
    // The given name is corrected on a court order: the judgment is the scan attached above.
    await page.getByLabel('Given name', { exact: true }).fill('مريام');
    await page.getByLabel('Reason for the correction', { exact: true }).fill('Judgment of the Karkh court');
    await button('Send the correction').click();
    await page.locator('#f-correction-evidence-error, #correction-evidence-error').first().waitFor();
    seen.evidenceAsked = await page.locator('#correction-evidence').innerText();
    await page.getByLabel('Court', { exact: true }).fill('محكمة الأحوال الشخصية في الكرخ');
    await page.getByLabel('Reference of the judgment', { exact: true }).fill('KRK-CS-2026/118');
    await page.getByLabel('Date of the judgment', { exact: true }).fill(daysAgo(2));
    await page.getByRole('checkbox', { name: /^Court order d_/ }).check();
    await button('Send the correction').click();
    await notice(/^Corrected\.$/);
    seen.correctedHeading = await heading();
    await page
      .getByRole('cell', { name: /^Corrected/ })
      .nth(1)
      .waitFor();
    seen.history = await page.locator('section[aria-labelledby="history"]').innerText();
    await look('record-corrected');

    // (d) Voided with a reason: its certificate (issued meanwhile at the counter) is revoked.
    const issued = await request(h.app)
      .post('/v1/certificates')
      .set(auth(people.declarer.token))
      .send({ recordId: people.elder });
    if (issued.status !== 201) throw new Error(`issuing: ${issued.status} ${JSON.stringify(issued.body)}`);
    await button('Void').click();
    seen.voidReasonMissing = await describedBy('Reason for voiding');
    await page
      .getByLabel('Reason for voiding', { exact: true })
      .fill('Registered twice: the birth is also registered in Karkh');
    await button('Void').click();
    await notice(/^Voided\./);
    seen.voidNotice = await page.locator('p.notice').first().innerText();
    seen.voidedFacts = await page.locator('dl.facts').innerText();
    seen.voidedActions = String(
      await page.locator('section[aria-labelledby="correct"], section[aria-labelledby="void"]').count(),
    );
    await look('record-voided');
    await signOut();
    const verified = await request(h.app)
      .post('/v1/certificates/verification')
      .send({ token: issued.body.token as string });
    return { looks, seen, urls, certificateStatus: String(verified.body.status) };
  } catch (e) {
    throw await failure(e);
  } finally {
    await context.close();
  }
}
