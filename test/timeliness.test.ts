import { rebuildProjections } from '../src/journal/rebuild';
import { verifyJournal } from '../src/journal/verify';
import { auth, LAW_DEADLINES, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, enrol, enrolParents, motherName } from './support/fixtures';
import { etagOf } from './support/checked';

/**
 * Late and delayed registration under the law's own deadlines (15 days in a health facility,
 * 30 at home, delayed after a year): the event dates are reckoned back from today, so what is
 * on time, late or delayed does not change with the day the tests run.
 */
let h: Harness;
let officer: string;
let registrar: string;
let hospital: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  h = await startHarness(LAW_DEADLINES);
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  hospital = await h.clientToken(['notifications:write']);
});
afterAll(() => h.close());

/** The date `days` before today (UTC, as the service dates declarations). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const HOSPITAL = { governorate: 'IQ-BG', facility: 'Yarmouk Teaching Hospital' };
const HOME = { governorate: 'IQ-BG', district: 'Karkh' };

const post = (path: string, body: object, token = officer) => request(h.app).post(path).set(auth(token)).send(body);
const read = async (id: string) => {
  const res = await request(h.app).get(`/v1/records/${id}`).set(auth(officer));
  expectContract(res);
  expect(res.status).toBe(200);
  return res;
};
const declareBirth = async (dateOfBirth: string, placeOfBirth: object, extra: object = {}) => {
  const { mother, father } = await enrolParents(h.app, registrar);
  const res = await post('/v1/births', {
    ...birthDeclaration(mother.nin, father.nin, { dateOfBirth, placeOfBirth }),
    ...extra,
  });
  expectContract(res);
  expect(res.status).toBe(201);
  return { id: res.body.id as string, mother: mother.nin, father: father.nin };
};
const register = (id: string) => request(h.app).post(`/v1/records/${id}/registration`).set(auth(registrar));
const standing = async (id: string) => {
  const { body } = await read(id);
  return { timeliness: body.timeliness, flags: body.flags };
};

describe('the timeliness of a declaration', () => {
  it('is on time within 15 days of a birth in a health facility and late after, and a late birth registers', async () => {
    const onDay15 = await declareBirth(daysAgo(15), HOSPITAL);
    const onDay16 = await declareBirth(daysAgo(16), HOSPITAL);
    expect(await standing(onDay15.id)).toEqual({ timeliness: 'on-time', flags: [] });
    expect(await standing(onDay16.id)).toEqual({ timeliness: 'late', flags: ['late'] });
    const registered = await register(onDay16.id);
    expectContract(registered);
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({ status: 'registered', timeliness: 'late', flags: ['late'] });
  });

  it('gives a birth at home 30 days', async () => {
    expect(await standing((await declareBirth(daysAgo(30), HOME)).id)).toEqual({ timeliness: 'on-time', flags: [] });
    expect(await standing((await declareBirth(daysAgo(31), HOME)).id)).toEqual({
      timeliness: 'late',
      flags: ['late'],
    });
  });

  it('lists the late records with ?flag=late', async () => {
    const late = await declareBirth(daysAgo(40), HOME);
    const onTime = await declareBirth(daysAgo(2), HOME);
    const listed = await request(h.app).get('/v1/records?flag=late&limit=100').set(auth(officer));
    expectContract(listed);
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onTime.id);
    expect(listed.body.items.every((i: { flags: string[] }) => i.flags.includes('late'))).toBe(true);
  });

  it('refuses a delayed birth without a court reference (422 court-order-required) until a correction adds one', async () => {
    const delayed = await declareBirth(daysAgo(400), HOME);
    expect(await standing(delayed.id)).toEqual({ timeliness: 'delayed', flags: ['delayed', 'evidence-required'] });
    const waiting = await request(h.app).get('/v1/records?queue=evidence-required').set(auth(officer));
    expect(waiting.body.items.map((i: { id: string }) => i.id)).toContain(delayed.id);
    const queues = await request(h.app).get('/v1/workqueues').set(auth(officer));
    expect(queues.body.queues).toContainEqual({ id: 'evidence-required', count: 1 });

    const refused = await register(delayed.id);
    expectContract(refused);
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body.code).toBe('court-order-required');
    expect(refused.body.detail).toMatch(/courtReference/);
    expect((await read(delayed.id)).body.status).toBe('declared');

    const corrected = await request(h.app)
      .post(`/v1/records/${delayed.id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(await read(delayed.id)))
      .send({ changes: { courtReference: 'BGD-PS-2026/3321' }, reason: 'The court ordered the late registration' });
    expectContract(corrected);
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ courtReference: 'BGD-PS-2026/3321', flags: ['delayed'] });
    const after = await request(h.app).get('/v1/workqueues').set(auth(officer));
    expect(after.body.queues).toContainEqual({ id: 'evidence-required', count: 0 });
    const registered = await register(delayed.id);
    expect([registered.status, registered.body.timeliness]).toEqual([200, 'delayed']);
  });

  it('registers a delayed birth declared with its court reference', async () => {
    const { id } = await declareBirth(daysAgo(800), HOSPITAL, { courtReference: 'BGD-PS-2025/0042' });
    expect(await standing(id)).toEqual({ timeliness: 'delayed', flags: ['delayed'] });
    expect((await register(id)).status).toBe(200);
  });

  it('reckons a correction of the event’s date again: a declared birth corrected to a recent date is on time', async () => {
    const { id } = await declareBirth(daysAgo(20), HOSPITAL);
    expect((await standing(id)).timeliness).toBe('late');
    const corrected = await request(h.app)
      .post(`/v1/records/${id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(await read(id)))
      .send({ changes: { child: { dateOfBirth: daysAgo(5) } }, reason: 'Typing error in the date' });
    expect(corrected.status).toBe(200);
    expect(await standing(id)).toEqual({ timeliness: 'on-time', flags: [] });
  });

  it('gives deaths and foetal deaths the same deadlines, with a court reference accepted', async () => {
    const deceased = await enrol(h.app, registrar, {
      name: motherName,
      sex: 'male',
      dateOfBirth: '1950-01-01',
      placeOfBirth: { governorate: 'IQ-BG' },
    });
    const death = await post('/v1/deaths', {
      deceased: { nin: deceased.nin },
      dateOfDeath: daysAgo(500),
      placeOfDeath: { governorate: 'IQ-BA', facility: 'Basra Teaching Hospital' },
      causeOfDeath: { icd10: 'I21.9' },
    });
    expectContract(death);
    expect(await standing(death.body.id)).toEqual({ timeliness: 'delayed', flags: ['delayed', 'evidence-required'] });
    expect((await register(death.body.id)).body.code).toBe('court-order-required');

    const { mother } = await enrolParents(h.app, registrar);
    const stillbirth = {
      mother: { nin: mother.nin },
      placeOfDelivery: { governorate: 'IQ-NA', facility: 'Al-Zahraa Teaching Hospital' },
      gestationWeeks: 31,
    };
    const late = await post('/v1/foetal-deaths', { ...stillbirth, dateOfDelivery: daysAgo(16) });
    expectContract(late);
    expect(await standing(late.body.id)).toEqual({ timeliness: 'late', flags: ['late'] });
    const delayed = await post('/v1/foetal-deaths', {
      ...stillbirth,
      dateOfDelivery: daysAgo(370),
      courtReference: 'NJF-PS-2026/0311',
    });
    expectContract(delayed);
    expect(delayed.status).toBe(201);
    expect((await read(delayed.body.id)).body).toMatchObject({
      courtReference: 'NJF-PS-2026/0311',
      timeliness: 'delayed',
      flags: ['delayed'],
    });
  });

  it('gives a hospital’s notification its timeliness like any declaration', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const sent = await request(h.app)
      .post('/v1/notifications/births')
      .set(auth(hospital))
      .send({
        notificationId: 'YTH-LATE-1',
        facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG' },
        birth: { date: daysAgo(20), sex: 'female' },
        mother: { nin: mother.nin },
      });
    expect(sent.status).toBe(202);
    expect(await standing(sent.body.recordId)).toEqual({ timeliness: 'late', flags: ['late', 'incomplete'] });
  });

  it('gives no timeliness to a marriage: the court makes or confirms it', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const married = await post('/v1/marriages', {
      partyA: { nin: father.nin },
      partyB: { nin: mother.nin },
      dateOfMarriage: daysAgo(900),
      placeOfMarriage: { governorate: 'IQ-BG' },
    });
    expectContract(married);
    expect(await standing(married.body.id)).toEqual({ timeliness: undefined, flags: [] });
  });
});

describe('registrations by timeliness in the vital statistics', () => {
  let s: Harness;
  beforeAll(async () => {
    s = await startHarness(LAW_DEADLINES);
  });
  afterAll(() => s.close());

  it('counts registered births by timeliness per governorate and month of registration, follows voidings, and rebuilds the same', async () => {
    const [clerk, chief] = [await s.token('officer'), await s.token('registrar')];
    const birthIn = async (dateOfBirth: string, extra: object = {}) => {
      const { mother, father } = await enrolParents(s.app, chief);
      const declared = await request(s.app)
        .post('/v1/births')
        .set(auth(clerk))
        .send({
          ...birthDeclaration(mother.nin, father.nin, {
            dateOfBirth,
            placeOfBirth: { governorate: 'IQ-KA', facility: 'Karbala Teaching Hospital' },
          }),
          ...extra,
        });
      const registered = await request(s.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(chief));
      expect(registered.status).toBe(200);
      return registered.body as { id: string };
    };
    for (let i = 0; i < 5; i++) await birthIn(daysAgo(3));
    for (let i = 0; i < 6; i++) await birthIn(daysAgo(20));
    for (let i = 0; i < 5; i++) await birthIn(daysAgo(400), { courtReference: `KRB-PS/${i}` });
    const extraLate = await birthIn(daysAgo(25));

    const month = new Date().toISOString().slice(0, 7);
    const vital = async () => {
      const res = await request(s.app).get(`/v1/statistics/vital?from=${month}&to=${month}&by=governorate`);
      expectContract(res);
      expect(res.status).toBe(200);
      return res.body as { rows: Record<string, unknown>[]; total: Record<string, unknown> };
    };
    const karbala = (a: Awaited<ReturnType<typeof vital>>) => a.rows.find((r) => r.governorate === 'IQ-KA');
    const counters = async () =>
      (await s.services.vitalCounts.get(`${month}|IQ-KA`))?.birthsByTimeliness as Record<string, number>;
    expect(await counters()).toEqual({ onTime: 5, late: 7, delayed: 5 });
    const answer = await vital();
    expect(karbala(answer)?.birthsByTimeliness).toEqual({ onTime: 5, late: 7, delayed: 5, total: 17 });
    expect(answer.total.birthsByTimeliness).toEqual({ onTime: 5, late: 7, delayed: 5, total: 17 });
    expect(answer.total.deathsByTimeliness).toEqual({ onTime: 0, late: 0, delayed: 0, total: 0 });

    const voided = await request(s.app)
      .post(`/v1/records/${extraLate.id}/voiding`)
      .set(auth(chief))
      .send({ reason: 'Registered twice' });
    expect(voided.status).toBe(200);
    expect(await counters()).toEqual({ onTime: 5, late: 6, delayed: 5 });

    // The counters are projections: thrown away and rebuilt from the journal, they answer the same.
    const snapshot = async () => ({
      statistics: await vital(),
      counters: await s.services.vitalCounts.list({}),
      records: await s.services.records.list({}),
    });
    const before = await snapshot();
    await rebuildProjections(s.services);
    expect(await snapshot()).toEqual(before);
    expect((await verifyJournal(s.services.journal)).problems).toEqual([]);
  });
});
