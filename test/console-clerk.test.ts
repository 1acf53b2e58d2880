import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CONSOLE_DIR } from '../src/http/console';
import { enrolPerson } from '../src/modules/persons/commands';
import { createUser } from '../src/modules/users/commands';
import { startHarness, TEST_CENTRE, type Harness } from './support/harness';
import { faultlessLooks, looksWithoutFault, openConsole, STAFF_PASSWORD } from './support/console-page';
import { launchChromium, serve } from './support/verify-page';

/**
 * A community service centre's counter in the console: the service clerk lands on Search people,
 * has nothing of the register's work, finds the citizen by NIN, gives them an activation code and
 * issues their civil-status extract.
 */
let h: Harness;
let http: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 'console-clerk' };

beforeAll(async () => {
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html')))
    throw new Error(`the console is not built (${CONSOLE_DIR}): run npm ci, or npm run build --prefix web`);
  h = await startHarness();
  http = await serve(h.app);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await h?.close();
});

describe('the console at a community service centre', () => {
  it('gives a service clerk the counter: a citizen by NIN, an activation code, an extract, and no register work', async () => {
    await h.token('service-clerk'); // makes the harness's centre
    const clerk = await createUser(h.services, SYSTEM, {
      username: 'clerk.console',
      password: STAFF_PASSWORD,
      role: 'service-clerk',
      office: TEST_CENTRE,
    });
    const person = await enrolPerson(h.services, SYSTEM, {
      name: { givenName: 'شیلان', fatherName: 'ڕێبوار', grandfatherName: 'هەڵۆ' },
      sex: 'female',
      dateOfBirth: '1996-04-02',
      placeOfBirth: { governorate: 'IQ-SU' },
    });
    const c = await openConsole(browser, http.base, undefined);
    try {
      await c.signIn(clerk.username, STAFF_PASSWORD, 'Search people');
      const nav = await c.page.getByRole('navigation', { name: 'Main' }).innerText();
      expect(nav.trim()).toBe('Search people');
      await c.page.getByLabel('Search', { exact: true }).fill(person._id);
      await c.page.getByRole('button', { name: 'Find', exact: true }).click();
      await c.page.getByRole('cell', { name: person._id }).waitFor();
      await c.page.getByRole('button', { name: /^Activation code for / }).click();
      await c.page.getByText(/valid until/).waitFor();
      // The citizen's civil-status extract at the counter, numbered in the centre's book, and its PDF.
      await c.page.getByRole('button', { name: 'Civil-status extract for شیلان ڕێبوار هەڵۆ', exact: true }).click();
      const made = c.page.locator('.extract-made');
      await made.waitFor();
      expect(await made.innerText()).toMatch(/^Extract of شیلان ڕێبوار هەڵۆ issued: number KPC-\d{4}-E-\d{6}\.$/);
      expect(await c.page.evaluate<string>(`document.activeElement?.className ?? ''`)).toBe('extract-made');
      const saving = c.page.waitForEvent('download');
      await c.page.getByRole('button', { name: 'Download PDF: the extract of شیلان ڕێبوار هەڵۆ', exact: true }).click();
      const pdf = await readFile(await (await saving).path());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await made.filter({ hasText: 'The PDF was saved.' }).waitFor();
      await c.look('clerk-extract');
      // The register's screens are not there: an address of one leads back to the counter.
      await c.page.goto(`${http.base}/queues`);
      await c.page.getByRole('heading', { name: 'Search people', exact: true }).waitFor();
      await c.look('clerk-search');
      expect(looksWithoutFault(c.looks)).toEqual(faultlessLooks(c.looks));
    } catch (e) {
      throw await c.failure(e);
    } finally {
      await c.context.close();
    }
  }, 120_000);
});
