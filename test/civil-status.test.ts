import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, courtOrderEvidence, enrol, enrolParents } from './support/fixtures';
import { randomNin } from '../src/modules/common/nin';
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
const given = ['علي', 'حسن', 'زينب', 'مريم', 'كريم', 'سارة', 'هدى', 'عمر'];
/** A registered person of this sex and date of birth. */
async function person(sex: 'female' | 'male', dateOfBirth = '1990-01-01', extra: Record<string, unknown> = {}) {
  const name = { givenName: given[n++ % given.length], fatherName: 'محمد', grandfatherName: 'جاسم' };
  return (await enrol(h.app, registrar, { name, sex, dateOfBirth, placeOfBirth: { governorate: 'IQ-BG' }, ...extra }))
    .nin;
}

const post = (path: string, body: object, token = officer) => request(h.app).post(path).set(auth(token)).send(body);
const get = (path: string) => request(h.app).get(path).set(auth(registrar));
const place = { governorate: 'IQ-NA', facility: 'Najaf Personal Status Court' };

async function register(id: string) {
  const res = await post(`/v1/records/${id}/registration`, {}, registrar);
  expectContract(res);
  return res;
}

/** Declares with the officer and registers with the registrar; fails the test when either is refused. */
async function declareAndRegister(path: string, body: object) {
  const declared = await post(path, body);
  expectContract(declared);
  if (declared.status !== 201) throw new Error(`${path}: ${declared.status} ${JSON.stringify(declared.body)}`);
  const registered = await register(declared.body.id);
  if (registered.status !== 200)
    throw new Error(`registration: ${registered.status} ${JSON.stringify(registered.body)}`);
  return registered.body;
}

const marriage = (a: string, b: string, dateOfMarriage = '2020-02-20', extra: Record<string, unknown> = {}) => ({
  partyA: { nin: a },
  partyB: { nin: b },
  dateOfMarriage,
  placeOfMarriage: place,
  ...extra,
});
const death = (nin: string, dateOfDeath = '2026-05-02', extra: Record<string, unknown> = {}) => ({
  deceased: { nin },
  dateOfDeath,
  placeOfDeath: { governorate: 'IQ-BA', facility: 'Basra Teaching Hospital' },
  causeOfDeath: { icd10: 'I21.9', text: 'Acute myocardial infarction' },
  mannerOfDeath: 'disease',
  certifier: { type: 'physician', name: 'Dr. Huda Salim' },
  ...extra,
});
const statusOf = async (nin: string) => {
  const res = await get(`/v1/persons/${nin}`);
  return { status: res.body.status, maritalStatus: res.body.maritalStatus, dateOfDeath: res.body.dateOfDeath };
};

describe('marriage, divorce, death: registration changes people', () => {
  it('a marriage makes both married, a divorce divorced and dissolves the marriage, each numbered by kind', async () => {
    const [a, b] = [await person('male'), await person('female', '1993-03-03')];
    const m = await declareAndRegister(
      '/v1/marriages',
      marriage(a, b, '2020-02-20', { witnesses: [{ nin: await person('male') }] }),
    );
    expect(m).toMatchObject({
      kind: 'marriage',
      status: 'registered',
      inForce: true,
      previousMaritalStatus: { partyA: 'single', partyB: 'single' },
    });
    expect(m.registrationNumber).toMatch(/^BGD-\d{4}-M-\d{6}$/);
    expect(await statusOf(a)).toEqual({ status: 'alive', maritalStatus: 'married' });
    expect(await statusOf(b)).toEqual({ status: 'alive', maritalStatus: 'married' });

    const d = await declareAndRegister('/v1/divorces', {
      marriageId: m.id,
      dateOfDivorce: '2024-01-10',
      courtReference: 'NJF-PS-2024/77',
      divorceType: 'khula',
    });
    expect(d).toMatchObject({ kind: 'divorce', parties: [a, b], placeOfDivorce: { governorate: 'IQ-BG' } });
    expect(d.registrationNumber).toMatch(/^BGD-\d{4}-D-\d{6}$/);
    expect(await statusOf(a)).toEqual({ status: 'alive', maritalStatus: 'divorced' });
    const dissolved = await get(`/v1/records/${m.id}`);
    expectContract(dissolved);
    expect(dissolved.body).toMatchObject({
      inForce: false,
      dissolution: { by: 'divorce', recordId: d.id, date: '2024-01-10' },
    });
    const history = await get(`/v1/records/${m.id}/history`);
    // The marriage's history lists its own entries and those of its divorce.
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'marriage.declared',
      'marriage.registered',
      'divorce.declared',
      'divorce.registered',
    ]);
  });

  it('a death makes the person deceased and the spouse widowed; voiding it puts both back', async () => {
    const [a, b] = [await person('male'), await person('female')];
    const m = await declareAndRegister('/v1/marriages', marriage(a, b));
    const cached = await get(`/v1/persons/${b}`);
    const x = await declareAndRegister('/v1/deaths', death(a));
    // A cache holding the spouse as she was gets the new version, not a 304.
    const revalidated = await request(h.app)
      .get(`/v1/persons/${b}`)
      .set(auth(registrar))
      .set('If-None-Match', etagOf(cached));
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.etag).not.toBe(cached.headers.etag);
    expect(x).toMatchObject({
      kind: 'death',
      subjectNin: a,
      causeOfDeath: { icd10: 'I21.9' },
      mannerOfDeath: 'disease',
    });
    expect(x.registrationNumber).toMatch(/^BGD-\d{4}-X-\d{6}$/);
    expect(await statusOf(a)).toEqual({ status: 'deceased', dateOfDeath: '2026-05-02', maritalStatus: 'married' });
    expect(await statusOf(b)).toEqual({ status: 'alive', maritalStatus: 'widowed' });
    expect((await get(`/v1/records/${m.id}`)).body).toMatchObject({
      inForce: false,
      dissolution: { by: 'death', recordId: x.id, nin: a },
    });

    const voided = await post(
      `/v1/records/${x.id}/voiding`,
      { reason: 'Registered against the wrong person' },
      registrar,
    );
    expect(voided.status).toBe(200);
    expect(await statusOf(a)).toEqual({ status: 'alive', maritalStatus: 'married' });
    expect(await statusOf(b)).toEqual({ status: 'alive', maritalStatus: 'married' });
    expect((await get(`/v1/records/${m.id}`)).body).toMatchObject({ inForce: true });
    expect((await get(`/v1/records/${m.id}`)).body.dissolution).toBeUndefined();
    // The voided death no longer stands in the way of the true one.
    await declareAndRegister('/v1/deaths', death(a, '2026-06-01'));
    expect(await statusOf(a)).toMatchObject({ status: 'deceased', dateOfDeath: '2026-06-01' });
  });

  it('a correction re-derives: a death date moves, and a marriage date after its divorce is refused', async () => {
    const [a, b] = [await person('male'), await person('female')];
    const m = await declareAndRegister('/v1/marriages', marriage(a, b, '2019-04-04'));
    await declareAndRegister('/v1/divorces', {
      marriageId: m.id,
      dateOfDivorce: '2022-02-02',
      courtReference: 'NJF-PS-2022/9',
    });
    const current = await get(`/v1/records/${m.id}`);
    const late = await request(h.app)
      .post(`/v1/records/${m.id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(current))
      .send({ changes: { dateOfMarriage: '2023-01-01' }, reason: 'Date taken from the wrong contract' });
    expectContract(late);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'marriage-after-divorce' });
    expect(late.body.detail).toMatch(/2022-02-02/);

    const x = await declareAndRegister('/v1/deaths', death(a, '2026-01-15'));
    const read = await get(`/v1/records/${x.id}`);
    const moved = await request(h.app)
      .post(`/v1/records/${x.id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(read))
      .send({
        changes: { dateOfDeath: '2026-01-14', causeOfDeath: { icd10: 'J18.9' } },
        reason: 'Hospital record gives the day before',
        evidence: await courtOrderEvidence(h.app, officer, x.id),
      });
    expectContract(moved);
    expect(moved.status).toBe(200);
    expect(await statusOf(a)).toMatchObject({ status: 'deceased', dateOfDeath: '2026-01-14' });
    // Moving the death before the divorce is refused: the divorce would come after the death.
    const before = await request(h.app)
      .post(`/v1/records/${x.id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(moved))
      .send({ changes: { dateOfDeath: '2021-01-01' }, reason: 'Wrong year' });
    expect(before.status).toBe(409);
    expect(before.body.code).toBe('events-after-death');
  });
});

describe('the rules, through the API', () => {
  it('refuses impossible deaths with the rule and why', async () => {
    const a = await person('male', '1980-05-05');
    const cases: [object, number, string][] = [
      [death('123456789012'), 400, 'invalid-input'],
      [death(randomNin()), 422, 'person-not-found'],
      [death(a, '1980-05-04'), 422, 'before-birth'],
      [death(a, '2099-01-01'), 422, 'date-in-future'],
      [death(a, '2026-01-01', { causeOfDeath: { icd10: 'D49.1' } }), 400, 'invalid-input'],
      [death(a, '2026-01-01', { causeOfDeath: { icd10: 'heart' } }), 400, 'invalid-input'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post('/v1/deaths', body);
      expectContract(res);
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    await declareAndRegister('/v1/deaths', death(a, '2026-01-01'));
    const second = await post('/v1/deaths', death(a, '2026-02-01'));
    expect([second.status, second.body.code]).toEqual([409, 'already-deceased']);
  });

  it('refuses a parent’s death dated before a registered child’s birth', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await post('/v1/births', birthDeclaration(mother.nin, father.nin));
    await register(declared.body.id); // born 2026-03-14
    const motherEarly = await post('/v1/deaths', death(mother.nin, '2026-03-01'));
    expect([motherEarly.status, motherEarly.body.code]).toEqual([409, 'events-after-death']);
    expect(motherEarly.body.detail).toMatch(/2026-03-14/);
    expect((await post('/v1/deaths', death(father.nin, '2025-01-01'))).body.code).toBe('events-after-death');
    expect((await post('/v1/deaths', death(father.nin, '2025-10-01'))).status).toBe(201);
  });

  it('a second declaration of one death is refused at its registration, not before', async () => {
    const a = await person('female');
    const first = await post('/v1/deaths', death(a));
    const twin = await post('/v1/deaths', death(a));
    expect([first.status, twin.status]).toEqual([201, 201]);
    expect((await register(first.body.id)).status).toBe(200);
    const refused = await register(twin.body.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'already-deceased']);
    expect((await get(`/v1/records/${twin.body.id}`)).body.status).toBe('declared');
  });

  it('refuses marriages: under age, already married, after a death, same person, unknown party', async () => {
    const [a, b, c] = [await person('male'), await person('female'), await person('female')];
    const teen = await person('female', '2010-01-01');
    expect((await post('/v1/marriages', marriage(a, teen, '2026-06-01'))).body.code).toBe('under-age-without-court');
    expect((await post('/v1/marriages', marriage(a, teen, '2024-06-01', { courtReference: 'X/1' }))).body.code).toBe(
      'under-minimum-age',
    );
    const courtAllowed = await post(
      '/v1/marriages',
      marriage(a, teen, '2026-06-01', { courtReference: 'BGD-PS-2026/12' }),
    );
    expect(courtAllowed.status).toBe(201);
    expect((await post('/v1/marriages', marriage(a, a))).body.code).toBe('same-person');
    expect((await post('/v1/marriages', marriage(b, c))).body.code).toBe('same-sex');
    const ghost = await post('/v1/marriages', marriage(a, randomNin()));
    expect([ghost.status, ghost.body.code]).toEqual([422, 'person-not-found']);

    await declareAndRegister('/v1/marriages', marriage(a, b, '2020-01-01'));
    const again = await post('/v1/marriages', marriage(a, c, '2021-01-01'));
    expectContract(again);
    expect([again.status, again.body.code]).toEqual([409, 'already-married']);
    expect(again.body.detail).toMatch(/court/);
    const sameCouple = await post('/v1/marriages', marriage(b, a, '2021-01-01', { courtReference: 'C/2' }));
    expect(sameCouple.body.code).toBe('already-married-to-each-other');
    // With a court's permission (the default policy), a further marriage of a man is allowed.
    const further = await declareAndRegister(
      '/v1/marriages',
      marriage(a, c, '2021-01-01', { courtReference: 'BGD-PS-2021/5' }),
    );
    expect(further.previousMaritalStatus).toEqual({ partyA: 'married', partyB: 'single' });

    await declareAndRegister('/v1/deaths', death(c, '2025-01-01'));
    const d = await person('female');
    const afterDeath = await post('/v1/marriages', marriage(a, d, '2026-01-01', { courtReference: 'C/3' }));
    expect(afterDeath.status).toBe(201); // a's marriage to c ended by her death; a is still married to b (court reference given)
    const deadParty = await post('/v1/marriages', marriage(await person('male'), c, '2025-06-01'));
    expect([deadParty.status, deadParty.body.code]).toEqual([409, 'party-deceased']);
  });

  it('refuses divorces: of no registered marriage, before the marriage, twice', async () => {
    const [a, b] = [await person('male'), await person('female')];
    const pending = await post('/v1/marriages', marriage(a, b));
    const notRegistered = await post('/v1/divorces', {
      marriageId: pending.body.id,
      dateOfDivorce: '2024-01-01',
      courtReference: 'C/1',
    });
    expect([notRegistered.status, notRegistered.body.code]).toEqual([409, 'marriage-not-registered']);
    await register(pending.body.id);
    const early = await post('/v1/divorces', {
      marriageId: pending.body.id,
      dateOfDivorce: '2019-01-01',
      courtReference: 'C/1',
    });
    expect([early.status, early.body.code]).toEqual([422, 'divorce-before-marriage']);
    const noCourt = await post('/v1/divorces', { marriageId: pending.body.id, dateOfDivorce: '2024-01-01' });
    expect(noCourt.status).toBe(400);
    await declareAndRegister('/v1/divorces', {
      marriageId: pending.body.id,
      dateOfDivorce: '2024-01-01',
      courtReference: 'C/1',
    });
    const twice = await post('/v1/divorces', {
      marriageId: pending.body.id,
      dateOfDivorce: '2025-01-01',
      courtReference: 'C/2',
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'marriage-dissolved']);
    const missing = await post('/v1/divorces', {
      marriageId: 'r_AAAAAAAAAAAAAAAAAAAAAA',
      dateOfDivorce: '2025-01-01',
      courtReference: 'C/2',
    });
    expect([missing.status, missing.body.code]).toEqual([409, 'marriage-not-registered']);
  });
});

describe('the shared lifecycle, for every kind', () => {
  it('four eyes, rejection, Idempotency-Key and the parties’ own view of their records', async () => {
    const [a, b] = [await person('male'), await person('female')];
    const body = marriage(a, b);
    const first = await request(h.app)
      .post('/v1/marriages')
      .set(auth(officer))
      .set('Idempotency-Key', `marriage-${a}`)
      .send(body);
    const retry = await request(h.app)
      .post('/v1/marriages')
      .set(auth(officer))
      .set('Idempotency-Key', `marriage-${a}`)
      .send(body);
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(first.headers.location).toBe(`/v1/records/${first.body.id}`);

    const byDeclarer = await post(`/v1/records/${first.body.id}/registration`, {}, officer);
    expect(byDeclarer.status).toBe(403);
    const selfRegistrar = await h.token('registrar');
    const own = await post('/v1/deaths', death(await person('male')), selfRegistrar);
    expect((await post(`/v1/records/${own.body.id}/registration`, {}, selfRegistrar)).status).toBe(403);
    const rejected = await post(
      `/v1/records/${own.body.id}/rejection`,
      { reason: 'Informant not entitled' },
      registrar,
    );
    expect(rejected.body.status).toBe('rejected');

    await register(first.body.id);
    const citizen = await h.citizen(b);
    const mine = await request(h.app).get('/v1/me/records').set(auth(citizen.token));
    expectContract(mine);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(first.body.id);
  });
});
