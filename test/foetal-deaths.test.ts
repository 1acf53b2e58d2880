import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { enrol, enrolParents, motherName } from './support/fixtures';
import { certificatePdf, pdfText } from './support/certificates';
import { etagOf } from './support/checked';
import { verhoeffDigit } from '../src/modules/common/nin';

let h: Harness;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
});
afterAll(() => h.close());

const post = (path: string, body: object, token = officer) => request(h.app).post(path).set(auth(token)).send(body);

/** A stillbirth at 31 weeks in Najaf, the mother as given. */
const declaration = (mother: object, over: Record<string, unknown> = {}) => ({
  mother,
  dateOfDelivery: '2026-04-18',
  placeOfDelivery: { governorate: 'IQ-NA', facility: 'Al-Zahraa Teaching Hospital' },
  sex: 'male',
  weightGrams: 1450,
  gestationWeeks: 31,
  causeOfDeath: { icd10: 'P20.9', text: 'Intrauterine hypoxia, unspecified' },
  attendant: 'physician',
  ...over,
});

/**
 * A mother given by name, of her own: named like the fixtures' mother (Fatima Ali Hassan, born on
 * one day), she could not be told from them, and each of their stillbirths on the same day would
 * be a possible duplicate of hers.
 */
const namedMother = (givenName: string) => ({ ...motherName, givenName, latin: undefined });

/** A registered woman, as the mother of a stillbirth. */
const enrolledMother = async () => (await enrolParents(h.app, registrar)).mother.nin;

async function declared(body: object) {
  const res = await post('/v1/foetal-deaths', body);
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

async function registered(body: object) {
  const { id } = await declared(body);
  const res = await post(`/v1/records/${id}/registration`, {}, registrar);
  expect(res.status).toBe(200);
  return res;
}

describe('foetal deaths: declare and register', () => {
  it('declares a stillbirth of a registered mother, registers it under an F number, and links it to her', async () => {
    const motherNin = await enrolledMother();
    const res = await post('/v1/foetal-deaths', declaration({ nin: motherNin }));
    expectContract(res);
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      kind: 'foetal-death',
      status: 'declared',
      version: 1,
      mother: { nin: motherNin },
      dateOfDelivery: '2026-04-18',
      gestationWeeks: 31,
      causeOfDeath: { icd10: 'P20.9' },
    });

    const reg = await post(`/v1/records/${res.body.id}/registration`, {}, registrar);
    expectContract(reg);
    expect(reg.status).toBe(200);
    expect(reg.body.status).toBe('registered');
    expect(reg.body.registrationNumber).toMatch(/^BGD-\d{4}-F-\d{6}$/);
    expect(reg.body.subjectNin).toBe(motherNin);

    // No person is created; the mother's person lists the record.
    const mother = await request(h.app).get(`/v1/persons/${motherNin}`).set(auth(officer));
    expect(mother.body.recordIds).toContain(res.body.id);
    expect(mother.body).toMatchObject({ status: 'alive', maritalStatus: 'single' });
  });

  it('refuses registration by the declarer (four eyes), and a second registration', async () => {
    const motherNin = await enrolledMother();
    const res = await post('/v1/foetal-deaths', declaration({ nin: motherNin }), registrar);
    expect(res.status).toBe(201);
    const own = await post(`/v1/records/${res.body.id}/registration`, {}, registrar);
    expectContract(own);
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/four eyes/i);
    const other = await h.token('registrar');
    expect((await post(`/v1/records/${res.body.id}/registration`, {}, other)).status).toBe(200);
    expect((await post(`/v1/records/${res.body.id}/registration`, {}, other)).status).toBe(409);
  });

  it('declares a stillbirth of a mother given by name, who has no record list to show it in', async () => {
    const reg = await registered(declaration({ name: namedMother('رقية'), dateOfBirth: '1995-04-02' }));
    expect(reg.body.registrationNumber).toMatch(/^BGD-\d{4}-F-\d{6}$/);
    expect(reg.body.subjectNin).toBeUndefined();
    expect(reg.body.mother).toEqual({ name: namedMother('رقية'), dateOfBirth: '1995-04-02' });
  });

  it('refuses an auditor, who has no declaring role (403)', async () => {
    const auditor = await h.token('auditor');
    const res = await post('/v1/foetal-deaths', declaration({ nin: await enrolledMother() }), auditor);
    expectContract(res);
    expect(res.status).toBe(403);
  });
});

describe('foetal deaths: the rules', () => {
  it.each([
    ['a gestation under 22 weeks', { gestationWeeks: 21 }, 'gestation-too-short'],
    ['a delivery in the future', { dateOfDelivery: '2999-01-01' }, 'date-in-future'],
    ['a delivery before the mother was 12', { dateOfDelivery: '2005-01-01' }, 'mother-age-implausible'],
  ])('refuses %s (422)', async (_label, over, code) => {
    const res = await post('/v1/foetal-deaths', declaration({ nin: await enrolledMother() }, over));
    expectContract(res);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
  });

  it('refuses a man as mother, a mother not in the registry, and one who died before the delivery', async () => {
    const { father } = await enrolParents(h.app, registrar);
    expect((await post('/v1/foetal-deaths', declaration({ nin: father.nin }))).body.code).toBe('mother-not-female');
    const unknown = await post('/v1/foetal-deaths', declaration({ nin: `98765432101${verhoeffDigit('98765432101')}` }));
    expect([unknown.status, unknown.body.code]).toEqual([422, 'mother-not-found']);

    const motherNin = await enrolledMother();
    const death = await post('/v1/deaths', {
      deceased: { nin: motherNin },
      dateOfDeath: '2026-03-01',
      placeOfDeath: { governorate: 'IQ-NA' },
      causeOfDeath: { icd10: 'O72.1' },
    });
    expect((await post(`/v1/records/${death.body.id}/registration`, {}, registrar)).status).toBe(200);
    const after = await post('/v1/foetal-deaths', declaration({ nin: motherNin }));
    expect([after.status, after.body.code]).toEqual([422, 'mother-deceased']);
    // Dying on the day of the delivery is possible.
    expect(
      (await post('/v1/foetal-deaths', declaration({ nin: motherNin }, { dateOfDelivery: '2026-03-01' }))).status,
    ).toBe(201);
  });

  it.each([
    ['an unknown field', { plurality: 2 }],
    ['no gestation', { gestationWeeks: undefined }],
    ['an attendant not on the list', { attendant: 'neighbour' }],
    ['a cause that is not an ICD-10 code', { causeOfDeath: { icd10: 'stillborn' } }],
  ])('answers 400 problem+json for a body with %s', async (_label, over) => {
    const res = await post('/v1/foetal-deaths', declaration({ nin: await enrolledMother() }, over));
    expectContract(res);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('foetal deaths: corrections, voiding, history', () => {
  it('corrects with If-Match (412 when stale), never the mother, checked by the rules, and journals it', async () => {
    const reg = await registered(declaration({ nin: await enrolledMother() }));
    const id = reg.body.id as string;
    const correct = (changes: object, ifMatch: string) =>
      request(h.app)
        .post(`/v1/records/${id}/corrections`)
        .set(auth(registrar))
        .set('If-Match', ifMatch)
        .send({ changes, reason: 'The delivery register says 32 weeks' });

    const stale = await correct({ gestationWeeks: 32 }, '"1"');
    expectContract(stale);
    expect(stale.status).toBe(412);
    expect((await correct({ gestationWeeks: 20 }, etagOf(reg))).body.code).toBe('gestation-too-short');
    expect((await correct({ mother: { nin: await enrolledMother() } }, etagOf(reg))).status).toBe(400);

    const ok = await correct({ gestationWeeks: 32 }, etagOf(reg));
    expectContract(ok);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ gestationWeeks: 32, version: reg.body.version + 1 });

    const history = await request(h.app).get(`/v1/records/${id}/history`).set(auth(officer));
    expectContract(history);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'foetal-death.declared',
      'foetal-death.registered',
      'record.corrected',
    ]);
    expect(history.body.items[2].data.changes).toEqual([{ path: 'gestationWeeks', before: 31, after: 32 }]);
  });

  it('voids a registered foetal death with a reason, once', async () => {
    const reg = await registered(declaration({ nin: await enrolledMother() }));
    const res = await post(`/v1/records/${reg.body.id}/voiding`, { reason: 'Declared twice' }, registrar);
    expectContract(res);
    expect(res.body).toMatchObject({ status: 'voided', voidReason: 'Declared twice' });
    expect((await post(`/v1/records/${reg.body.id}/voiding`, { reason: 'Again' }, registrar)).status).toBe(409);
  });
});

describe('foetal deaths: certificate, feed, the mother’s records, statistics', () => {
  it('issues a certificate of stillbirth about the mother, as a bilingual PDF without the cause of death', async () => {
    const motherNin = await enrolledMother();
    const reg = await registered(declaration({ nin: motherNin }));
    const issued = await post('/v1/certificates', { recordId: reg.body.id, language: 'en' });
    expectContract(issued);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ kind: 'foetal-death', status: 'valid', subjectNin: motherNin });

    const pdf = await certificatePdf(h.app, issued.body.id, officer);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.body as Buffer)).pages.join('\n');
    expect(text).toMatch(/Certificate of stillbirth/);
    expect(text).toMatch(/Weeks of gestation/);
    expect(text).toMatch(reg.body.registrationNumber as string);
    expect(text).not.toMatch(/P20|hypoxia/i);
  });

  it('refuses a certificate of a stillbirth whose mother is given by name only (422)', async () => {
    const reg = await registered(declaration({ name: namedMother('خديجة'), dateOfBirth: '1995-04-02' }));
    const res = await post('/v1/certificates', { recordId: reg.body.id });
    expectContract(res);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('mother-not-registered');
  });

  it('puts the registration in the feed, about the mother', async () => {
    const feed = await h.clientToken(['feed:read']);
    const start = (await request(h.app).get('/v1/feed').query({ after: 0, limit: 1000 }).set(auth(feed))).body
      .next as number;
    const motherNin = await enrolledMother();
    const reg = await registered(declaration({ nin: motherNin }));
    const page = await request(h.app).get('/v1/feed').query({ after: start, limit: 100 }).set(auth(feed));
    expectContract(page);
    expect(page.body.events).toEqual([
      {
        seq: expect.any(Number),
        type: 'foetal-death.registered',
        at: expect.any(String),
        recordId: reg.body.id,
        nin: motherNin,
      },
    ]);
  });

  it('shows the registered record to the mother in her records, and its certificate to her only', async () => {
    const motherNin = await enrolledMother();
    const reg = await registered(declaration({ nin: motherNin }));
    const mum = await h.citizen(motherNin);
    const mine = await request(h.app).get('/v1/me/records').set(auth(mum.token));
    expectContract(mine);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(reg.body.id);
    expect((await post('/v1/certificates', { recordId: reg.body.id }, mum.token)).status).toBe(201);
    const stranger = await h.citizen();
    expect((await post('/v1/certificates', { recordId: reg.body.id }, stranger.token)).status).toBe(403);
  });

  it('counts registered foetal deaths as foetalDeaths by governorate and month of delivery', async () => {
    const woman = {
      name: motherName,
      sex: 'female',
      dateOfBirth: '1990-01-01',
      placeOfBirth: { governorate: 'IQ-BG' },
    };
    const inDiyala = { placeOfDelivery: { governorate: 'IQ-DI' }, dateOfDelivery: '2026-06-05' };
    // Five: fewer would be withheld (suppressedBelow).
    for (let i = 0; i < 5; i++)
      await registered(declaration({ nin: (await enrol(h.app, registrar, woman)).nin }, inDiyala));
    const res = await request(h.app).get('/v1/statistics/vital?from=2026-06&to=2026-06&by=governorate');
    expectContract(res);
    const diyala = (res.body.rows as { governorate: string; foetalDeaths: number | null }[]).find(
      (r) => r.governorate === 'IQ-DI',
    );
    expect(diyala?.foetalDeaths).toBe(5);
  });
});
