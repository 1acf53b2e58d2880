import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser } from '../../src/modules/users/commands';
import type { Harness } from './harness';

/**
 * What every walk through the office console (web/) in Chromium needs: a page, signing in, the
 * language switch by the name it has in each language, and `look`, which shows the screen in
 * Arabic, Kurdish and English and records <html lang dir>, axe-core's serious and critical
 * findings and, when a folder is given, a picture (docs/screens/ through npm run docs:screens).
 */
export const CONSOLE_LANGUAGES = ['ar', 'ckb', 'en'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

export interface ScreenLook {
  screen: string;
  language: ConsoleLanguage;
  lang: string | null;
  dir: string | null;
  /** axe-core's serious and critical violations: rule id and how many elements. */
  violations: { id: string; nodes: number; impact: string | null | undefined }[];
}

const SWITCH_NAME: Record<ConsoleLanguage, string> = { ar: 'اللغة', ckb: 'زمان', en: 'Language' };
export const STAFF_PASSWORD = 'a long console password';
const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 'console-setup' };

/** A new staff account for a walk; its username. */
export async function staffUser(
  h: Harness,
  role: 'officer' | 'registrar' | 'auditor' | 'admin',
  office = 'BGD',
): Promise<{ username: string; id: string; token: string }> {
  const tag = Math.random().toString(36).slice(2, 8);
  const user = await createUser(h.services, SYSTEM, {
    username: `${role}.${tag}`,
    password: STAFF_PASSWORD,
    role,
    office,
  });
  return {
    username: user.username,
    id: user._id,
    token: h.services.tokens.issueAccess({ id: user._id, role, office }),
  };
}

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  looks: ScreenLook[];
  /** Every page URL the browser showed (to check that none carries personal data). */
  urls: string[];
  look: (screen: string) => Promise<void>;
  signIn: (username: string, password?: string, firstHeading?: string) => Promise<void>;
  signOut: () => Promise<void>;
  heading: () => Promise<string>;
  /** The text of what describes a field (its hint and its error), as a screen reader reads it after the name. */
  describedBy: (label: string) => Promise<string>;
  /** What the page said, for an error thrown when a walk stops: the first thing to look at. */
  failure: (e: unknown) => Promise<Error>;
}

/** A new browser context on the console, in English (a British locale), its switch starting there. */
export async function openConsole(
  browser: Browser,
  base: string,
  pictures: string | undefined,
  options: { locale?: string } = {},
): Promise<ConsolePage> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) urls.push(f.url());
  });
  const looks: ScreenLook[] = [];
  // The switch is named in the page's language: each step finds it by the name it must have.
  let current: ConsoleLanguage = 'en';
  const switchTo = async (language: ConsoleLanguage) => {
    await page.getByRole('combobox', { name: SWITCH_NAME[current], exact: true }).selectOption(language);
    current = language;
  };
  await page.goto(base);
  current = ((await page.getAttribute('html', 'lang')) as ConsoleLanguage | null) ?? 'en';

  return {
    context,
    page,
    looks,
    urls,
    async look(screen) {
      for (const language of CONSOLE_LANGUAGES) {
        await switchTo(language);
        // A string, evaluated in the page: the tests are compiled without the DOM's types.
        await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(language)}`);
        const axe = await new AxeBuilder({ page }).analyze();
        looks.push({
          screen,
          language,
          lang: await page.getAttribute('html', 'lang'),
          dir: await page.getAttribute('html', 'dir'),
          violations: axe.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({ id: v.id, nodes: v.nodes.length, impact: v.impact })),
        });
        if (pictures) await page.screenshot({ path: path.join(pictures, `${screen}-${language}.png`), fullPage: true });
      }
      await switchTo('en');
    },
    async signIn(username, password = STAFF_PASSWORD, firstHeading = 'Work queues') {
      await page.getByLabel('Username', { exact: true }).fill(username);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: firstHeading, exact: true }).waitFor();
    },
    async signOut() {
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    },
    heading: () => page.getByRole('heading', { level: 1 }).innerText(),
    async describedBy(label) {
      const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
      const texts = await Promise.all(
        ids
          .split(' ')
          .filter(Boolean)
          .map((id) => page.locator(`#${id}`).innerText()),
      );
      return texts.join(' ');
    },
    async failure(e) {
      const text = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      return new Error(`${(e as Error).message}\n--- the page at ${page.url()} said:\n${text}`, { cause: e });
    },
  };
}

/**
 * What each look found, and what it must find (<html lang dir> of its language, no serious or
 * critical axe violation): `expect(looksWithoutFault(looks)).toEqual(faultlessLooks(looks))`.
 */
export function looksWithoutFault(looks: readonly ScreenLook[]) {
  return looks.map((l) => ({
    screen: l.screen,
    language: l.language,
    lang: l.lang,
    dir: l.dir,
    violations: l.violations,
  }));
}
export function faultlessLooks(looks: readonly ScreenLook[]) {
  return looks.map((l) => ({
    screen: l.screen,
    language: l.language,
    lang: l.language,
    dir: l.language === 'en' ? 'ltr' : 'rtl',
    violations: [],
  }));
}
