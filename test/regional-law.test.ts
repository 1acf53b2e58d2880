import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { declareAndRegister, enrol, SCANNED_PDF } from './support/fixtures';
import { CIVIL_STATUS_LAW, lawIn } from '../src/modules/civil-status/law';

/**
 * Rules that differ by region: a further marriage in the Kurdistan Region (Law No. 15 of 2008)
 * needs, besides the court's permission, the recorded consent of the wife already married; the
 * rules of the office that declares and registers the marriage apply.
 */
let h: Harness;
let expectContract: ReturnType<typeof contractChecker>;
const tokens: Record<string, { officer: string; registrar: string }> = {};

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  for (const office of ['BGD', 'ERB'])
    tokens[office] = { officer: await h.token('officer', office), registrar: await h.token('registrar', office) };
});
afterAll(() => h.close());

let n = 0;
async function person(sex: 'female' | 'male') {
  const given = ['هەڵۆ', 'شیلان', 'ڕێبوار', 'ژیلا', 'دلێر', 'نازدار'];
  const name = { givenName: given[n++ % given.length], fatherName: 'ئەحمەد', grandfatherName: 'کەریم' };
  const body = { name, sex, dateOfBirth: '1988-03-01', placeOfBirth: { governorate: 'IQ-AR' } };
  return (await enrol(h.app, tokens.BGD!.registrar, body)).nin;
}
const marriage = (a: string, b: string, extra: Record<string, unknown> = {}) => ({
  partyA: { nin: a },
  partyB: { nin: b },
  dateOfMarriage: '2026-02-01',
  placeOfMarriage: { governorate: 'IQ-AR', facility: 'Erbil Personal Status Court' },
  courtReference: 'ERB-PS-2026/41',
  ...extra,
});
const declare = (office: string, body: object) =>
  request(h.app).post('/v1/marriages').set(auth(tokens[office]!.officer)).send(body);
const register = (office: string, id: string) =>
  request(h.app).post(`/v1/records/${id}/registration`).set(auth(tokens[office]!.registrar));
const attach = (office: string, recordId: string, type: string) =>
  request(h.app)
    .post(`/v1/records/${recordId}/documents`)
    .query({ type })
    .set(auth(tokens[office]!.officer))
    .set('Content-Type', 'application/pdf')
    .send(SCANNED_PDF);

describe('the civil-status rules by region', () => {
  it('applies the Kurdistan Region profile in its three governorates, the federal rules elsewhere', () => {
    for (const g of ['IQ-AR', 'IQ-SU', 'IQ-DA'])
      expect(lawIn(CIVIL_STATUS_LAW, g).furtherMarriageNeedsSpouseConsent).toBe(true);
    for (const g of ['IQ-BG', 'IQ-KI', 'IQ-NI', undefined]) expect(lawIn(CIVIL_STATUS_LAW, g)).toBe(CIVIL_STATUS_LAW);
  });

  it('registers in Baghdad the further marriage with a court reference that Erbil refuses until the first wife’s consent is recorded', async () => {
    const [husband, first, second, third] = [
      await person('male'),
      await person('female'),
      await person('female'),
      await person('female'),
    ];
    await declareAndRegister(h.app, tokens.BGD!.officer, tokens.BGD!.registrar, '/v1/marriages', {
      ...marriage(husband, first, { courtReference: undefined }),
      dateOfMarriage: '2015-05-05',
    });
    // Without the court's permission, a further marriage is refused in either, at once.
    for (const office of ['BGD', 'ERB']) {
      const noCourt = await declare(office, marriage(husband, third, { courtReference: undefined }));
      expect([office, noCourt.status, noCourt.body.code]).toEqual([office, 409, 'already-married']);
    }

    // The same declaration, with the court's permission: registered in Baghdad…
    const inBaghdad = await declare('BGD', marriage(husband, second));
    expectContract(inBaghdad);
    expect(inBaghdad.status).toBe(201);
    expect((await register('BGD', inBaghdad.body.id)).status).toBe(200);
    // …declared in Erbil, whose registrar is refused: the wife already married has not consented on record.
    const inErbil = await declare('ERB', marriage(husband, third, { dateOfMarriage: '2026-03-01' }));
    expect(inErbil.status).toBe(201);
    const refused = await register('ERB', inErbil.body.id);
    expectContract(refused);
    expect([refused.status, refused.body.code]).toEqual([409, 'spouse-consent-required']);
    expect(refused.body.detail).toContain('consentOfExistingSpouse');

    // The consent must be a spouse-consent document of this record.
    const amend = async (documentId: string) => {
      const record = await request(h.app).get(`/v1/records/${inErbil.body.id}`).set(auth(tokens.ERB!.officer));
      return request(h.app)
        .post(`/v1/records/${inErbil.body.id}/corrections`)
        .set(auth(tokens.ERB!.officer))
        .set('If-Match', record.headers.etag as string)
        .send({ changes: { consentOfExistingSpouse: { documentId } }, reason: 'The consent given before the judge' });
    };
    const other = await attach('ERB', inErbil.body.id, 'other');
    expect(other.status).toBe(201);
    const notConsent = await amend(other.body.id);
    expect([notConsent.status, notConsent.body.code]).toEqual([422, 'consent-document-not-found']);
    expect((await amend('consent.pdf')).status).toBe(400);
    const consent = await attach('ERB', inErbil.body.id, 'spouse-consent');
    expect([consent.status, consent.body.type]).toEqual([201, 'spouse-consent']);
    const amended = await amend(consent.body.id);
    expect(amended.status).toBe(200);
    expect(amended.body.consentOfExistingSpouse).toEqual({ documentId: consent.body.id });
    const registered = await register('ERB', inErbil.body.id);
    expect([registered.status, registered.body.status]).toEqual([200, 'registered']);

    // A consent named at declaration cannot be a document of a record that does not exist yet: said so.
    const early = await declare(
      'ERB',
      marriage(husband, await person('female'), { consentOfExistingSpouse: { documentId: consent.body.id } }),
    );
    expect([early.status, early.body.code]).toEqual([422, 'consent-document-not-found']);
    expect(early.body.detail).toContain('declare the marriage without it');
  });
});
