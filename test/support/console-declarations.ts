import type { Browser } from 'playwright-core';
import { enrolPerson } from '../../src/modules/persons/commands';
import type { EnrolPerson } from '../../src/modules/persons/schemas';
import { auth, request, type Harness } from './harness';
import { daysAgo, openConsole, staffUser, type ScreenLook } from './console-page';

/**
 * The officer's declarations in a real browser (test/console-declarations.test.ts asserts on what
 * it returns; scripts/console-screens.ts keeps its pictures): a marriage, a death and a foetal
 * death through the forms, each then in the work queue; a divorce of that marriage once a
 * registrar registered it (through the API); the names of a birth a hospital notified; and a
 * birth declared without a link, kept in the outbox across a reload and sent once when the link
 * returns. The people are enrolled through the service first.
 */
export const DECLARATION_SCREENS = [
  'declare-marriage',
  'declare-death',
  'declare-foetal-death',
  'declare-divorce',
  'declare-annulment',
  'complete-birth',
  'outbox-waiting',
] as const;

export interface DeclarationsWalk {
  looks: ScreenLook[];
  seen: Record<string, string>;
  /** How many births the officer's account has declared, after the link returned and after a second reload. */
  birthsDeclared: number[];
  urls: string[];
}

const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 'console-declarations' };
const person = (givenName: string, sex: 'female' | 'male', dateOfBirth: string): EnrolPerson => ({
  name: { givenName, fatherName: 'عباس', grandfatherName: 'جواد', familyName: 'الخفاجي' },
  sex,
  dateOfBirth,
  placeOfBirth: { governorate: 'IQ-BG' },
});

async function setUp(h: Harness) {
  const officer = await staffUser(h, 'officer');
  const registrar = await staffUser(h, 'registrar');
  const enrol = async (p: EnrolPerson) => (await enrolPerson(h.services, SYSTEM, p))._id;
  const husband = await enrol(person('حيدر', 'male', '1990-03-01'));
  const wife = await enrol(person('مريم', 'female', '1993-07-12'));
  const deceased = await enrol(person('جعفر', 'male', '1941-01-20'));
  const mother = await enrol(person('سعاد', 'female', '1989-11-05'));
  const offlineMother = await enrol(person('هدى', 'female', '1995-04-17'));
  // A hospital notifies a birth without the child's names: the officer completes it.
  const hospital = await h.clientToken(['notifications:write']);
  const notified = await request(h.app)
    .post('/v1/notifications/births')
    .set(auth(hospital))
    .send({
      notificationId: `YTH-${Date.now()}`,
      facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG' },
      birth: { date: daysAgo(2), sex: 'female' },
      mother: { nin: mother },
    });
  if (notified.status !== 202)
    throw new Error(`notifying a birth: ${notified.status} ${JSON.stringify(notified.body)}`);
  return {
    officer,
    registrar,
    husband,
    wife,
    deceased,
    mother,
    offlineMother,
    notified: notified.body.recordId as string,
  };
}

export async function walkDeclarations(
  h: Harness,
  base: string,
  browser: Browser,
  pictures: string | undefined,
): Promise<DeclarationsWalk> {
  const people = await setUp(h);
  const { context, page, looks, urls, look, signIn, heading, describedBy, failure } = await openConsole(
    browser,
    base,
    pictures,
  );
  const seen: Record<string, string> = {};
  const declare = async (button: string) => {
    await page.getByRole('link', { name: 'Work queues', exact: true }).click();
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('heading', { name: button, exact: true }).waitFor();
  };
  const submit = () => page.getByRole('button', { name: 'Submit declaration', exact: true }).click();
  const declared = async (kind: string) => {
    await page.getByRole('heading', { name: new RegExp(`^${kind}: `) }).waitFor();
    return page.url().split('/').pop() ?? '';
  };
  const birthsDeclared = async () => {
    const list = await request(h.app).get('/v1/records?kind=birth&declaredBy=me').set(auth(people.officer.token));
    return (list.body.items as unknown[]).length;
  };
  try {
    await signIn(people.officer.username);
    seen.declareMenu = await page.getByRole('group', { name: 'Declare', exact: true }).innerText();

    // A marriage: the mistakes are caught before sending, then it goes.
    await declare('Declare a marriage');
    await page.getByLabel("First spouse's NIN", { exact: true }).fill('12345');
    await submit();
    seen.marriageNinBeforeSending = await describedBy("First spouse's NIN");
    seen.marriageDateBeforeSending = await describedBy('Date of marriage');
    await look('declare-marriage');
    await page.getByLabel("First spouse's NIN", { exact: true }).fill(people.husband);
    await page.getByLabel("Second spouse's NIN", { exact: true }).fill(people.wife);
    await page.getByLabel('Date of marriage', { exact: true }).fill(daysAgo(20));
    await page.getByLabel('Governorate', { exact: true }).selectOption('IQ-BG');
    await page.getByLabel('Court or place of the contract', { exact: true }).fill('Karkh Personal Status Court');
    await submit();
    const marriage = await declared('Marriage');

    // A death, with its cause as an ICD-10 code: a code of the wrong form is caught first.
    await declare('Declare a death');
    await page.getByLabel("The deceased's NIN", { exact: true }).fill(people.deceased);
    await page.getByLabel('Date of death', { exact: true }).fill(daysAgo(3));
    await page.getByLabel('Governorate', { exact: true }).selectOption('IQ-BG');
    await page.getByLabel('ICD-10 code', { exact: true }).fill('heart');
    await submit();
    seen.icd10BeforeSending = await describedBy('ICD-10 code');
    await look('declare-death');
    await page.getByLabel('ICD-10 code', { exact: true }).fill('i21.9');
    await page.getByLabel('Cause in words', { exact: true }).fill('Acute myocardial infarction');
    await page.getByLabel('Manner of death', { exact: true }).selectOption('disease');
    await page.getByLabel('Usual residence (governorate)', { exact: true }).selectOption('IQ-BA');
    await submit();
    const death = await h.services.records.get(await declared('Death'));
    seen.deathResidence = String(
      (death?.data as { usualResidence?: { governorate: string } }).usualResidence?.governorate,
    );

    // A foetal death: under 22 weeks is not one, and the form says so before sending.
    await declare('Declare a foetal death');
    await page.getByLabel("Mother's NIN", { exact: true }).fill(people.mother);
    await page.getByLabel('Date of delivery', { exact: true }).fill(daysAgo(4));
    await page.getByLabel('Governorate', { exact: true }).selectOption('IQ-BG');
    await page.getByLabel('Weeks of gestation', { exact: true }).fill('20');
    await submit();
    seen.gestationBeforeSending = await describedBy('Weeks of gestation');
    await look('declare-foetal-death');
    await page.getByLabel('Weeks of gestation', { exact: true }).fill('31');
    await page.getByLabel('Weight in grams', { exact: true }).fill('1450');
    await page.getByLabel('ICD-10 code', { exact: true }).fill('P95');
    await submit();
    await declared('Foetal death');

    // Each is in the office's queue to register.
    await page.getByRole('link', { name: 'Work queues', exact: true }).click();
    await page.getByRole('link', { name: /To register/ }).click();
    await page.getByRole('heading', { name: 'To register', exact: true }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    seen.toRegister = await page.locator('tbody').innerText();

    // A registrar registers the marriage (through the API); the officer declares its divorce.
    const registered = await request(h.app)
      .post(`/v1/records/${marriage}/registration`)
      .set(auth(people.registrar.token));
    if (registered.status !== 200) throw new Error(`registering the marriage: ${registered.status}`);
    await declare('Declare a divorce');
    await submit();
    seen.marriageMissing = await describedBy('NIN of either spouse');
    await page.getByLabel('NIN of either spouse', { exact: true }).fill(people.wife);
    await page.getByRole('button', { name: 'Find the marriage', exact: true }).click();
    const choice = page.getByRole('radio');
    await choice.first().waitFor();
    seen.marriageChoices = String(await choice.count());
    seen.marriageChecked = String(await choice.first().isChecked());
    seen.marriageChoice = await page.getByRole('radiogroup', { name: 'Choose the marriage' }).innerText();
    await page.getByLabel('Date of divorce', { exact: true }).fill(daysAgo(1));
    await page.getByLabel('Court reference', { exact: true }).fill('BGD-PS-2026/4410');
    await page.getByLabel('Kind of divorce', { exact: true }).selectOption('judicial-separation');
    await look('declare-divorce');
    await submit();
    await declared('Divorce');
    seen.divorceFacts = await page.locator('dl.facts').innerText();

    await declare('Declare an annulment');
    await look('declare-annulment');

    // The hospital's birth, without the child's names: the officer fills them in.
    await page.getByRole('link', { name: 'Work queues', exact: true }).click();
    await page.getByRole('link', { name: /Incomplete/ }).click();
    await page.getByRole('heading', { name: 'Incomplete', exact: true }).waitFor();
    await page.getByRole('link', { name: '(no name yet)' }).first().click();
    await page.getByRole('heading', { name: "Complete the child's names", exact: true }).waitFor();
    seen.completeUrl = page.url();
    await look('complete-birth');
    await page.getByLabel('Given name', { exact: true }).fill('زينب');
    await page.getByLabel("Father's name", { exact: true }).fill('أحمد');
    await page.getByLabel("Grandfather's name", { exact: true }).fill('محمود');
    await page.getByRole('button', { name: 'Save the names', exact: true }).click();
    await page.getByRole('status').filter({ hasText: "The child's names are saved." }).waitFor();
    seen.focusAfterComplete = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    await page.getByRole('heading', { name: /زينب/ }).waitFor();
    seen.completedHeading = await heading();
    const completed = await request(h.app).get(`/v1/records/${people.notified}`).set(auth(people.officer.token));
    seen.completedGivenName = completed.body.child?.givenName ?? '';

    // Offline: the service worker keeps the console's files, so the page opens again without a link.
    await page.evaluate(`navigator.serviceWorker.ready.then(() => true)`);
    await page.waitForFunction(`navigator.serviceWorker.controller !== null`);
    await declare('Declare a birth');
    await page.getByLabel('Given name', { exact: true }).fill('يوسف');
    await page.getByLabel("Father's name", { exact: true }).fill('حيدر');
    await page.getByLabel("Grandfather's name", { exact: true }).fill('عباس');
    await page.getByLabel('Sex', { exact: true }).selectOption('male');
    await page.getByLabel('Date of birth', { exact: true }).fill(daysAgo(6));
    await page.getByLabel('Governorate', { exact: true }).selectOption('IQ-BG');
    await page.getByLabel("Mother's NIN", { exact: true }).fill(people.offlineMother);
    await context.setOffline(true);
    await submit();
    await page.getByRole('status').filter({ hasText: 'Waiting to be sent: 1' }).waitFor();
    seen.keptNotice = await page.locator('main [role="status"]').first().innerText();
    seen.focusAfterKeeping = await page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    seen.givenNameAfterKeeping = await page.getByLabel('Given name', { exact: true }).inputValue();
    await look('outbox-waiting');
    // Signing out would lose it: the console says so and asks; the officer stays.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    seen.signOutWarning = await page.getByRole('alertdialog').innerText();
    await page.getByRole('button', { name: 'Stay signed in', exact: true }).click();
    seen.declaredWhileOffline = String(await birthsDeclared());

    // A reload without a link: the page opens from the service worker, and the entry still waits.
    await page.reload();
    // Offline, the session cannot be renewed from its cookie: the officer signs in again once the link is back.
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Waiting to be sent: 1' }).waitFor();
    seen.waitingAfterReload = await page.locator('.outbox').innerText();
    await context.setOffline(false);
    await signIn(people.officer.username, undefined, 'Declare a birth'); // the page it was on
    await page.getByText('Sent from the outbox: Birth declaration.').waitFor();
    seen.sentOutcome = await page.locator('.outbox').innerText();
    const counts = [await birthsDeclared()];
    await page.getByRole('link', { name: 'Open the record', exact: true }).click();
    await page.getByRole('heading', { name: /يوسف/ }).waitFor();
    seen.sentHeading = await heading();

    // A second reload sends nothing again: the entry is gone.
    await page.getByRole('link', { name: 'Work queues', exact: true }).click();
    await page.reload();
    // Online, a reload keeps the session (its refresh cookie): straight back to the work queues.
    await page.getByRole('heading', { name: 'Work queues', exact: true }).waitFor();
    await page.waitForTimeout(500);
    seen.outboxAfterSecondReload = await page.locator('.outbox').innerText();
    counts.push(await birthsDeclared());
    const storage = await page.evaluate<string>(`JSON.stringify(Object.keys(localStorage))`);
    seen.localStorageKeys = storage;
    return { looks, seen, birthsDeclared: counts, urls };
  } catch (e) {
    throw await failure(e);
  } finally {
    await context.close();
  }
}
