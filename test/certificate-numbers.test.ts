import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { registeredBirth } from './support/fixtures';
import { certificatePdf, pdfText } from './support/certificates';

/**
 * A certificate number typed off the paper (issue: a clerk at a counter, a school's secretary):
 * Crockford's Base32 in groups with a check symbol, found however it is typed, a slip caught
 * and said; the link printed large enough to read; the page with the validity dates.
 */
let h: Harness;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;
let issued: { id: string; expiresAt?: string };

const NUMBER = /^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]$/;
/** As a person might type it: lower case, spaces for hyphens, O for 0 and l for 1. */
const typedBy = (id: string) => id.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
/** One symbol changed, the check symbol not: a slip the check symbol catches. */
const slipOf = (id: string) => {
  const first = id[0] === 'A' ? 'B' : 'A';
  return first + id.slice(1);
};

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  const { record } = await registeredBirth(h.app, officer, registrar);
  const res = await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId: record.id });
  expect(res.status).toBe(201);
  issued = res.body;
});
afterAll(() => h.close());

describe('certificate numbers', () => {
  it('are four groups of four symbols and a check symbol, named so in the links', async () => {
    expect(issued.id).toMatch(NUMBER);
    const got = await request(h.app).get(`/v1/certificates/${issued.id}`).set(auth(officer));
    expectContract(got);
    expect(got.body).toMatchObject({
      id: issued.id,
      verifyUrl: expect.stringMatching(new RegExp(`/verify/${issued.id}$`)),
    });
  });

  it('are found however they are typed, in the API and on the verification page', async () => {
    const typed = typedBy(issued.id);
    const got = await request(h.app)
      .get(`/v1/certificates/${encodeURIComponent(typed)}`)
      .set(auth(officer));
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(issued.id);
    for (const res of [
      await request(h.app).get(`/verify/${encodeURIComponent(typed)}`),
      await request(h.app).get('/verify').query({ number: typed }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.text).toContain('data-status="valid"');
      expect(res.text).toContain(issued.id);
    }
  });

  it('caught mistyped: the page says to check the number and gives it back in the form; the API answers 400', async () => {
    const slip = slipOf(issued.id);
    const page = await request(h.app).get('/verify').query({ number: slip });
    expect(page.status).toBe(404);
    expect(page.text).toContain('data-status="not-found"');
    expect(page.text).toMatch(new RegExp(`<input id="number" name="number"[^>]* value="${slip}"`));
    const api = await request(h.app).get(`/v1/certificates/${slip}`).set(auth(officer));
    expectContract(api);
    expect(api.status).toBe(400);
    expect(api.body.errors[0]).toMatchObject({ path: 'path.id', message: expect.stringMatching(/mistyped/) });
    // Both the token and a number: which one to check is not for the page to guess.
    const both = await request(h.app).get('/verify').query({ number: issued.id, token: 'x' });
    expect(both.status).toBe(400);
  });

  it('the bare page is a form to type one, labelled in both languages', async () => {
    const page = await request(h.app).get('/verify');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form class="check" action="/verify" method="get">');
    expect(page.text).toContain('<label for="number">');
    expect(page.text).toContain('The certificate number, as printed on it');
    expect(page.text).toContain('رقم الشهادة كما هو مطبوع عليها');
    expect(page.text).not.toContain('data-status');
  });

  it('the page shows the validity dates; the PDF prints the number and the link at 12 pt', async () => {
    const page = await request(h.app).get(`/verify/${issued.id}?lang=en`);
    const until = (await request(h.app).get(`/v1/certificates/${issued.id}`).set(auth(officer))).body
      .expiresAt as string;
    expect(page.text).toMatch(/<th [^>]*>Date of issue<\/th>/);
    expect(page.text).toMatch(/<th [^>]*>Valid until<\/th>/);
    const date = new Date(until).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(page.text).toMatch(new RegExp(`<th [^>]*>Valid until</th><td [^>]*><bdi>${date}</bdi>`));

    const pdf = await pdfText((await certificatePdf(h.app, issued.id, officer)).body as Buffer);
    const link = pdf.items.find((i) => i.str.includes(`/verify/${issued.id}`));
    expect(link).toBeDefined();
    expect(link!.size).toBeGreaterThanOrEqual(11.5);
    expect(pdf.items.filter((i) => i.str.includes(issued.id)).length).toBeGreaterThanOrEqual(2);
  });
});
