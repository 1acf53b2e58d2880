import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { enrol } from './support/fixtures';
import { certificatePdf, pdfText } from './support/certificates';
import { etagOf } from './support/checked';

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

let n = 0;
const given = ['علي', 'زينب', 'حسن', 'مريم'];
async function person(sex: 'female' | 'male', dateOfBirth = '1990-01-01') {
  const name = { givenName: given[n++ % given.length], fatherName: 'محمد', grandfatherName: 'جاسم' };
  return (await enrol(h.app, registrar, { name, sex, dateOfBirth, placeOfBirth: { governorate: 'IQ-BG' } })).nin;
}

const post = (path: string, body: object, token = officer) => request(h.app).post(path).set(auth(token)).send(body);
const get = (path: string, token = registrar) => request(h.app).get(path).set(auth(token));
const maritalStatusOf = async (nin: string) => (await get(`/v1/persons/${nin}`)).body.maritalStatus as string;

async function declareAndRegister(path: string, body: object) {
  const declared = await post(path, body);
  expectContract(declared);
  if (declared.status !== 201) throw new Error(`${path}: ${declared.status} ${JSON.stringify(declared.body)}`);
  const registered = await post(`/v1/records/${declared.body.id}/registration`, {}, registrar);
  expectContract(registered);
  if (registered.status !== 200)
    throw new Error(`registration: ${registered.status} ${JSON.stringify(registered.body)}`);
  return registered;
}

/** Two people, married by a registered marriage. */
async function married(dateOfMarriage = '2020-02-20') {
  const [a, b] = [await person('male'), await person('female', '1993-03-03')];
  const marriage = await declareAndRegister('/v1/marriages', {
    partyA: { nin: a },
    partyB: { nin: b },
    dateOfMarriage,
    placeOfMarriage: { governorate: 'IQ-NA' },
  });
  return { a, b, marriage: marriage.body as { id: string; registrationNumber: string } };
}

const annulment = (marriageId: string, extra: Record<string, unknown> = {}) => ({
  marriageId,
  dateOfJudgment: '2025-06-01',
  courtReference: 'NJF-PS-2025/77',
  ground: 'prohibited-degree',
  ...extra,
});

describe('annulments: declare and register', () => {
  it('declares (201), registers by another (four eyes) under letter N, and the parties are single again', async () => {
    const { a, b, marriage } = await married();
    expect([await maritalStatusOf(a), await maritalStatusOf(b)]).toEqual(['married', 'married']);

    const declared = await post('/v1/annulments', annulment(marriage.id));
    expectContract(declared);
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({
      kind: 'annulment',
      status: 'declared',
      marriageId: marriage.id,
      parties: [a, b],
      dateOfJudgment: '2025-06-01',
      courtReference: 'NJF-PS-2025/77',
      ground: 'prohibited-degree',
    });
    // Declared only, it changes nothing.
    expect(await maritalStatusOf(a)).toBe('married');

    const byDeclarer = await post(`/v1/records/${declared.body.id}/registration`, {}, officer);
    expectContract(byDeclarer);
    expect(byDeclarer.status).toBe(403);
    const secondDeclarer = await h.token('registrar');
    const own = await post('/v1/annulments', annulment(marriage.id), secondDeclarer);
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('marriage-already-annulled');

    const registered = await post(`/v1/records/${declared.body.id}/registration`, {}, registrar);
    expectContract(registered);
    expect(registered.status).toBe(200);
    expect(registered.body.registrationNumber).toMatch(/^BGD-\d{4}-N-\d{6}$/);
    expect([await maritalStatusOf(a), await maritalStatusOf(b)]).toEqual(['single', 'single']);
    const annulled = await get(`/v1/records/${marriage.id}`);
    expect(annulled.body).toMatchObject({
      inForce: false,
      annulment: { recordId: declared.body.id, date: '2025-06-01' },
    });
    expect(annulled.body.dissolution).toBeUndefined();

    // Both parties' records list it.
    for (const nin of [a, b]) expect((await get(`/v1/persons/${nin}`)).body.recordIds).toContain(declared.body.id);
    const citizen = await h.citizen(b);
    const mine = await get('/v1/me/records', citizen.token);
    expectContract(mine);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([marriage.id, declared.body.id]),
    );

    // A second annulment of the same marriage is refused, and so is a divorce of it.
    const again = await post('/v1/annulments', annulment(marriage.id, { courtReference: 'NJF-PS-2025/78' }));
    expectContract(again);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('marriage-already-annulled');
    const divorce = await post('/v1/divorces', {
      marriageId: marriage.id,
      dateOfDivorce: '2025-07-01',
      courtReference: 'NJF-PS-2025/80',
    });
    expect(divorce.status).toBe(409);
    expect(divorce.body.code).toBe('marriage-annulled');
  });

  it('refuses what the rules refuse (422, 409) and a bad body (400, problem+json)', async () => {
    const { marriage } = await married('2020-02-20');
    const before = await post('/v1/annulments', annulment(marriage.id, { dateOfJudgment: '2019-01-01' }));
    expectContract(before);
    expect(before.status).toBe(422);
    expect(before.body.code).toBe('annulment-before-marriage');
    const future = await post('/v1/annulments', annulment(marriage.id, { dateOfJudgment: '2999-01-01' }));
    expect(future.status).toBe(422);

    const declaredMarriage = await post('/v1/marriages', {
      partyA: { nin: await person('male') },
      partyB: { nin: await person('female') },
      dateOfMarriage: '2021-01-01',
      placeOfMarriage: { governorate: 'IQ-NA' },
    });
    const notRegistered = await post('/v1/annulments', annulment(declaredMarriage.body.id));
    expectContract(notRegistered);
    expect(notRegistered.status).toBe(409);
    expect(notRegistered.body.code).toBe('marriage-not-registered');

    for (const body of [
      { ...annulment(marriage.id), extra: true },
      annulment(marriage.id, { ground: 'boredom' }),
      { marriageId: marriage.id, dateOfJudgment: '2025-06-01' },
    ]) {
      const bad = await post('/v1/annulments', body);
      expectContract(bad);
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const citizen = await h.citizen();
    expect((await post('/v1/annulments', annulment(marriage.id), citizen.token)).status).toBe(403);
  });
});

describe('annulments: lifecycle', () => {
  it('corrects with If-Match (412 when stale), keeps the history, and voiding restores the marriage', async () => {
    const { a, b, marriage } = await married();
    const registered = await declareAndRegister('/v1/annulments', annulment(marriage.id));
    const id = registered.body.id as string;
    expect(await maritalStatusOf(a)).toBe('single');

    const body = { changes: { courtReference: 'NJF-PS-2025/99', ground: 'coercion' }, reason: 'Court file misread' };
    const stale = await request(h.app)
      .post(`/v1/records/${id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', '"1"')
      .send(body);
    expectContract(stale);
    expect(stale.status).toBe(412);
    const corrected = await request(h.app)
      .post(`/v1/records/${id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(registered))
      .send(body);
    expectContract(corrected);
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ courtReference: 'NJF-PS-2025/99', ground: 'coercion' });
    const refused = await request(h.app)
      .post(`/v1/records/${id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(corrected))
      .send({ changes: { dateOfJudgment: '2019-12-31' }, reason: 'Checking rules' });
    expect(refused.status).toBe(422);
    const marriageChange = await request(h.app)
      .post(`/v1/records/${id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(corrected))
      .send({ changes: { marriageId: 'r_3q2Zk8mW1xYbN4fT7vLh9A' }, reason: 'Checking rules' });
    expect(marriageChange.status).toBe(400);

    const voided = await post(`/v1/records/${id}/voiding`, { reason: 'Judgment reversed on appeal' }, registrar);
    expectContract(voided);
    expect(voided.body).toMatchObject({ status: 'voided' });
    expect([await maritalStatusOf(a), await maritalStatusOf(b)]).toEqual(['married', 'married']);
    const restored = await get(`/v1/records/${marriage.id}`);
    expect(restored.body.inForce).toBe(true);
    expect(restored.body.annulment).toBeUndefined();

    const history = await get(`/v1/records/${id}/history`, officer);
    expectContract(history);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'annulment.declared',
      'annulment.registered',
      'record.corrected',
      'record.voided',
    ]);

    // Voided, the annulment no longer stands in the way of another one.
    const anew = await post('/v1/annulments', annulment(marriage.id));
    expect(anew.status).toBe(201);
  });

  it('annuls a marriage a divorce already ended: the divorce ends nothing and the parties are single', async () => {
    const { a, b, marriage } = await married();
    await declareAndRegister('/v1/divorces', {
      marriageId: marriage.id,
      dateOfDivorce: '2024-01-10',
      courtReference: 'NJF-PS-2024/5',
    });
    expect(await maritalStatusOf(a)).toBe('divorced');
    await declareAndRegister('/v1/annulments', annulment(marriage.id));
    expect([await maritalStatusOf(a), await maritalStatusOf(b)]).toEqual(['single', 'single']);
  });
});

describe('annulments: what later marriages say', () => {
  it("corrects a later marriage's record of a party's status before it: divorced, single once annulled, divorced when voided", async () => {
    const { a, marriage } = await married();
    await declareAndRegister('/v1/divorces', {
      marriageId: marriage.id,
      dateOfDivorce: '2024-01-10',
      courtReference: 'NJF-PS-2024/6',
    });
    const c = await person('female', '1994-04-04');
    const later = await declareAndRegister('/v1/marriages', {
      partyA: { nin: a },
      partyB: { nin: c },
      dateOfMarriage: '2024-06-01',
      placeOfMarriage: { governorate: 'IQ-NA' },
    });
    const before = async () => (await get(`/v1/records/${later.body.id}`)).body.previousMaritalStatus;
    expect(await before()).toEqual({ partyA: 'divorced', partyB: 'single' });
    const annulled = await declareAndRegister('/v1/annulments', annulment(marriage.id));
    expect(await before()).toEqual({ partyA: 'single', partyB: 'single' });
    await post(`/v1/records/${annulled.body.id}/voiding`, { reason: 'Judgment overturned on appeal' }, registrar).then(
      (r) => expect(r.status).toBe(200),
    );
    expect(await before()).toEqual({ partyA: 'divorced', partyB: 'single' });
  });
});

describe('annulments: certificate and feed', () => {
  it('issues a certificate with both parties and the marriage number, downloadable as a PDF; the feed carries the registration', async () => {
    const feed = await h.clientToken(['feed:read']);
    const start = (await request(h.app).get('/v1/feed').query({ after: 0, limit: 1000 }).set(auth(feed))).body
      .next as number;
    const { a, marriage } = await married();
    const registered = await declareAndRegister('/v1/annulments', annulment(marriage.id));

    const issued = await post('/v1/certificates', { recordId: registered.body.id });
    expectContract(issued);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ recordId: registered.body.id, kind: 'annulment', status: 'valid' });
    expect(issued.body.subjectNin).toBe(a);

    const pdf = await certificatePdf(h.app, issued.body.id, officer);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.body as Buffer)).pages.join('\n');
    expect(text).toContain('Certificate of annulment of marriage');
    expect(text).toContain(marriage.registrationNumber);
    expect(text).toContain('NJF-PS-2025/77');

    const verified = await post('/v1/certificates/verification', { token: issued.body.token });
    expect(verified.body).toMatchObject({
      valid: true,
      certificate: { kind: 'annulment', registrationNumber: registered.body.registrationNumber },
    });

    const page = await request(h.app).get('/v1/feed').query({ after: start, limit: 1000 }).set(auth(feed));
    expectContract(page);
    expect(page.body.events).toContainEqual(
      expect.objectContaining({ type: 'annulment.registered', recordId: registered.body.id }),
    );
  });
});
