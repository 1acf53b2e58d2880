/**
 * `npm run docs:pictures`: renders the pictures README links to into docs/, as the certificate and
 * verification-page tests render theirs (which go to a temporary folder, so that `npm test` leaves
 * a clean clone clean): each kind's certificate, first page at 150 dpi, and the verification page
 * in each state, in Chromium. On an engine of its own (throwaway data, as the tests'); needs
 * poppler's pdftoppm and Chromium, installed from Debian's packages when missing, as root.
 * Run it after a change to the certificate or the page, and commit the pictures that changed.
 */
import { auth, request, startHarness } from '../test/support/harness';
import { certificatePdf, writeCertificatePicture } from '../test/support/certificates';
import { startThrowawayEngine } from '../test/support/engine';
import { registeredOfEachKind } from '../test/support/fixtures';
import { DOCS } from '../test/support/pictures';
import { VERIFY_STATES, launchChromium, look, serve, verifyPages, verifyPicture } from '../test/support/verify-page';

const log = (m: string) => process.stderr.write(`${m}\n`);

async function main() {
  const engine = await startThrowawayEngine(log);
  // The harness connects to the engine jest's globalSetup names in TEST_MONGODB_URI: here, ours.
  process.env.TEST_MONGODB_URI = engine.uri;
  const h = await startHarness();
  try {
    const [officer, registrar] = [await h.token('officer'), await h.token('registrar')];
    const records = await registeredOfEachKind(h.app, officer, registrar);
    for (const kind of ['birth', 'marriage', 'divorce', 'death'] as const) {
      const issued = await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId: records[kind] });
      const pdf = await certificatePdf(h.app, (issued.body as { id: string }).id, officer);
      if (issued.status !== 201 || pdf.status !== 200)
        throw new Error(`${kind} certificate: ${issued.status}, PDF ${pdf.status}`);
      log(`wrote ${await writeCertificatePicture(DOCS, kind, pdf.body as Buffer)}`);
    }

    const http = await serve(h.app);
    const browser = await launchChromium();
    try {
      const pages = await verifyPages(h, http.base);
      for (const state of VERIFY_STATES) {
        const file = verifyPicture(DOCS, state);
        const seen = await look(browser, pages[state], file);
        log(`wrote ${file} (${seen.status}: ${seen.english})`);
      }
    } finally {
      await browser.close();
      await http.close();
    }
  } finally {
    await h.close();
    await engine.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`docs:pictures failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
