/**
 * `npm run docs:screens`: screenshots of the office console (web/) into docs/screens/, each main
 * screen in Arabic, Kurdish and English, as test/console.test.ts walks them (it keeps its own in
 * a temporary folder), then the people's screens as test/console-people.test.ts walks them. On an engine of its own, with throwaway data; needs the console built
 * (npm ci does it, or npm run build --prefix web) and Chromium. Commit the pictures that changed.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { auth, request, startHarness } from '../test/support/harness';
import { walkConsole } from '../test/support/console';
import { walkPeople } from '../test/support/console-people';
import { walkRegistrar } from '../test/support/console-registrar';
import { walkDeclarations } from '../test/support/console-declarations';
import { startThrowawayEngine } from '../test/support/engine';
import { DOCS } from '../test/support/pictures';
import { launchChromium, serve } from '../test/support/verify-page';

const log = (m: string) => process.stderr.write(`${m}\n`);

async function main() {
  const engine = await startThrowawayEngine(log);
  process.env.TEST_MONGODB_URI = engine.uri;
  const h = await startHarness();
  const http = await serve(h.app);
  const browser = await launchChromium();
  const dir = path.join(DOCS, 'screens');
  try {
    await mkdir(dir, { recursive: true });
    const walk = await walkConsole(h, http.base, browser, dir, async (token, body) => {
      const res = await request(h.app).post('/v1/births').set(auth(token)).send(body);
      if (res.status !== 201) throw new Error(`declaring a birth: ${res.status}`);
    });
    // The people's screens (activation, the auditor's, the admin's, checking a certificate), the registrar's, the declarations.
    const looks = [
      ...walk.looks,
      ...(await walkPeople(h, http.base, browser, dir)).looks,
      ...(await walkRegistrar(h, http.base, browser, dir)).looks,
      ...(await walkDeclarations(h, http.base, browser, dir)).looks,
    ];
    const flawed = looks.filter((l) => l.violations.length > 0);
    for (const l of looks) log(`wrote ${path.join(dir, `${l.screen}-${l.language}.png`)}`);
    if (flawed.length > 0) throw new Error(`axe found serious violations: ${JSON.stringify(flawed)}`);
  } finally {
    await browser.close();
    await http.close();
    await h.close();
    await engine.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
