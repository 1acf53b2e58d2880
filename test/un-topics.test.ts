import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, declareAndRegister as register, enrol, motherName } from './support/fixtures';

/**
 * What the UN's Principles and Recommendations for a Vital Statistics System ask of a birth and a
 * death, as clients see it: the topics declared (attendant, type of place, usual residence), those
 * derived at registration (mother's age, birth order, the deceased's sex and age, certification by
 * a physician), and the three tables built on them (docs/records.md, "Vital statistics").
 */
let h: Harness;
let officer: string;
let registrar: string;
let hospital: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  hospital = await h.clientToken(['notifications:write']);
});
afterAll(() => h.close());

const post = (path: string, body: object, token = officer) => request(h.app).post(path).set(auth(token)).send(body);
const person = async (sex: 'female' | 'male', dateOfBirth = '1990-01-01') =>
  (await enrol(h.app, registrar, { name: motherName, sex, dateOfBirth, placeOfBirth: { governorate: 'IQ-BG' } })).nin;
const record = async (id: string) => {
  const res = await request(h.app).get(`/v1/records/${id}`).set(auth(officer));
  expectContract(res);
  expect(res.status).toBe(200);
  return res.body;
};
const birth = async (motherNin: string, child: Record<string, unknown>, extra: object = {}) =>
  register(h.app, officer, registrar, '/v1/births', {
    ...birthDeclaration(motherNin, await person('male', '1988-01-01'), child),
    ...extra,
  });

/** Every number the answer publishes: none may be 1 to 4 (a small cell). */
const publishedCounts = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => (k === 'suppressedBelow' ? [] : publishedCounts(v)))
      : [];

describe('what the UN asks of births and deaths', () => {
  it('a birth keeps its attendant and type of place, and its registration derives the mother’s age and the birth order (a voided birth is no child)', async () => {
    const mother = await person('female', '1990-06-15');
    const first = await birth(
      mother,
      { dateOfBirth: '2026-01-05', placeOfBirthType: 'hospital' },
      { attendant: 'physician' },
    );
    const second = await birth(
      mother,
      { givenName: 'مريم', dateOfBirth: '2026-11-20', placeOfBirthType: 'home' },
      { attendant: 'midwife' },
    );
    expect(await record(first.id)).toMatchObject({
      child: { placeOfBirthType: 'hospital' },
      attendant: 'physician',
      motherAge: 35,
      birthOrder: 1,
    });
    expect(await record(second.id)).toMatchObject({
      child: { placeOfBirthType: 'home' },
      attendant: 'midwife',
      motherAge: 36,
      birthOrder: 2,
    });

    const other = await person('female', '2000-02-29');
    const twice = await birth(other, { dateOfBirth: '2026-01-10' });
    expect((await post(`/v1/records/${twice.id}/voiding`, { reason: 'Registered twice' }, registrar)).status).toBe(200);
    const only = await birth(other, { dateOfBirth: '2026-06-01' });
    expect(await record(only.id)).toMatchObject({ motherAge: 26, birthOrder: 1 });
    expect((await record(only.id)).attendant).toBeUndefined();
  });

  it('a hospital’s notification gives the attendant and the type of place; a death its usual residence', async () => {
    const mother = await person('female');
    const notified = await request(h.app)
      .post('/v1/notifications/births')
      .set(auth(hospital))
      .send({
        notificationId: 'YTH-2026-UN-1',
        facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG', type: 'hospital' },
        birth: { date: '2026-03-14', sex: 'male', attendant: 'nurse' },
        mother: { nin: mother },
      });
    expect(notified.status).toBe(202);
    expect(await record(notified.body.recordId)).toMatchObject({
      child: { placeOfBirthType: 'hospital' },
      attendant: 'nurse',
    });

    const deceased = await person('male', '1950-08-01');
    const death = await request(h.app)
      .post('/v1/notifications/deaths')
      .set(auth(hospital))
      .send({
        notificationId: 'BTH-2026-UN-1',
        facility: { name: 'Basra Teaching Hospital', governorate: 'IQ-BA' },
        deceased: { nin: deceased },
        dateOfDeath: '2026-05-02',
        usualResidence: { governorate: 'IQ-MA' },
        causeOfDeath: { icd10: 'I21.9' },
        certifier: { type: 'physician', name: 'Dr. Huda Salim', licenceNumber: 'IMS-55120' },
      });
    expect(death.status).toBe(202);
    expect(await record(death.body.recordId)).toMatchObject({ usualResidence: { governorate: 'IQ-MA' } });
  });

  it('refuses an attendant or a type of place it does not know, naming the field', async () => {
    const mother = await person('female');
    for (const [body, path] of [
      [{ ...birthDeclaration(mother), attendant: 'doctor' }, 'body.attendant'],
      [birthDeclaration(mother, undefined, { placeOfBirthType: 'taxi' }), 'body.child.placeOfBirthType'],
    ] as const) {
      const res = await post('/v1/births', body);
      expectContract(res);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const res = await post('/v1/deaths', {
      deceased: { nin: await person('male', '1950-01-01') },
      dateOfDeath: '2026-05-10',
      placeOfDeath: { governorate: 'IQ-BA' },
      usualResidence: { governorate: 'IQ-XX' },
      causeOfDeath: { icd10: 'I21.9' },
    });
    expect(res.status).toBe(400);
  });

  it('a death’s registration derives the deceased’s sex and age; the tables count births by age of mother and attendant, deaths by age and sex, small cells withheld', async () => {
    // Six girls in Baghdad in September, mothers aged 36, a physician attending; one in Karbala (a small cell).
    for (let i = 0; i < 6; i++)
      await birth(await person('female', '1990-01-01'), { dateOfBirth: '2026-09-14' }, { attendant: 'physician' });
    await birth(
      await person('female', '1990-01-01'),
      { dateOfBirth: '2026-09-02', placeOfBirth: { governorate: 'IQ-KA' } },
      { attendant: 'midwife' },
    );
    const deaths = [];
    for (let i = 0; i < 6; i++)
      deaths.push(
        await register(h.app, officer, registrar, '/v1/deaths', {
          deceased: { nin: await person('male', '1950-01-01') },
          dateOfDeath: '2026-10-10',
          placeOfDeath: { governorate: 'IQ-BA' },
          usualResidence: { governorate: 'IQ-BA' },
          causeOfDeath: { icd10: 'I21.9' },
          certifier: { type: 'physician', name: 'Dr. Huda Salim', licenceNumber: 'IMS-55120' },
        }),
      );
    expect(await record(deaths[0]!.id)).toMatchObject({
      deceased: { sex: 'male', ageAtDeath: 76 },
      usualResidence: { governorate: 'IQ-BA' },
      certifiedByPhysician: true,
    });

    const res = await request(h.app).get('/v1/statistics/vital?from=2026-09&to=2026-09&by=governorate');
    expectContract(res);
    expect(res.status).toBe(200);
    const baghdad = res.body.rows.find((r: { governorate: string }) => r.governorate === 'IQ-BG');
    const karbala = res.body.rows.find((r: { governorate: string }) => r.governorate === 'IQ-KA');
    expect(baghdad.births).toEqual({ female: 6, male: 0, total: 6 });
    expect(baghdad.birthsByMotherAge.find((g: { ageGroup: string }) => g.ageGroup === '35-39')).toEqual({
      ageGroup: '35-39',
      female: 6,
      male: 0,
    });
    expect(baghdad.birthsByAttendant).toMatchObject({ physician: 6, midwife: 0, notStated: 0 });
    expect(karbala.birthsByAttendant.midwife).toBeNull();
    expect(publishedCounts(res.body).filter((n) => n > 0 && n < 5)).toEqual([]);

    const october = await request(h.app).get('/v1/statistics/vital?from=2026-10&to=2026-10&by=governorate');
    const basra = october.body.rows.find((r: { governorate: string }) => r.governorate === 'IQ-BA');
    expect(basra.deathsByAgeAndSex).toMatchObject({ male: 6, female: 0, notStated: 0 });
    expect(basra.deathsByAgeAndSex.byAge.find((g: { ageGroup: string }) => g.ageGroup === '75-79')).toEqual({
      ageGroup: '75-79',
      female: 0,
      male: 6,
    });
  });
});
