import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { enrol } from './support/fixtures';
import { randomNin } from '../src/modules/common/nin';
import { must } from './support/checked';

let h: Harness;
let registrar: string;
let officer: string;
let expectContract: ReturnType<typeof contractChecker>;
const nins: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  registrar = await h.token('registrar');
  officer = await h.token('officer');
  const people = {
    // Written with hamza on alef and ta marbuta; searched without them below.
    amira: {
      givenName: 'أميرة',
      fatherName: 'مصطفى',
      grandfatherName: 'إبراهيم',
      familyName: 'العبيدي',
      latin: { givenName: 'Amīra', fatherName: 'Mustafa', grandfatherName: 'Ibrahim', familyName: 'Al-Obaidi' },
    },
    huda: { givenName: 'هُدى', fatherName: 'مصطفى', grandfatherName: 'ابراهيم', familyName: 'العبيدي' },
    omar: { givenName: 'عمر', fatherName: 'يوسف', grandfatherName: 'سالم', familyName: 'الدليمي' },
  };
  for (const [key, name] of Object.entries(people)) {
    const person = await enrol(h.app, registrar, {
      name,
      sex: key === 'omar' ? 'male' : 'female',
      dateOfBirth: '1988-06-0' + key.length,
      placeOfBirth: { governorate: 'IQ-AN' },
      legacyReference: `ANB/1988/${key}`,
    });
    nins[key] = person.nin;
  }
});
afterAll(() => h.close());

describe('enrolment', () => {
  it('gives a valid, new NIN and returns the person', async () => {
    const res = await request(h.app).get(`/v1/persons/${nins.omar}`).set(auth(officer));
    expectContract(res);
    expect(res.body).toMatchObject({
      nin: nins.omar,
      status: 'alive',
      maritalStatus: 'single',
      legacyReference: 'ANB/1988/omar',
      recordIds: [],
    });
  });

  it('refuses a date of birth in the future', async () => {
    const res = await request(h.app)
      .post('/v1/persons')
      .set(auth(registrar))
      .send({
        name: { givenName: 'علي', fatherName: 'حسن', grandfatherName: 'جعفر' },
        sex: 'male',
        dateOfBirth: '2999-01-01',
        placeOfBirth: { governorate: 'IQ-KA' },
      });
    expectContract(res);
    expect(res.status).toBe(422);
  });

  it('answers 404 for an unknown (valid) NIN and 400 for a NIN with a bad check digit', async () => {
    const valid = must(nins.omar, "Omar's NIN");
    const unknown = await request(h.app).get(`/v1/persons/${randomNin()}`).set(auth(officer));
    expectContract(unknown);
    expect(unknown.status).toBe(404);
    const badDigit = valid.slice(0, 11) + String((Number(valid.at(-1)) + 1) % 10);
    const bad = await request(h.app).get(`/v1/persons/${badDigit}`).set(auth(officer));
    expectContract(bad);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('path.nin');
  });
});

describe('search', () => {
  const search = (query: Record<string, string>) => request(h.app).get('/v1/persons').query(query).set(auth(officer));

  it('matches Arabic names without hamza, ta marbuta or diacritics', async () => {
    const res = await search({ q: 'اميره مصطفي' });
    expectContract(res);
    expect(res.body.items.map((p: { nin: string }) => p.nin)).toEqual([nins.amira]);
    const huda = await search({ q: 'هدى العبيدى' });
    expect(huda.body.items.map((p: { nin: string }) => p.nin)).toEqual([nins.huda]);
  });

  it('matches Latin names whatever the case and accents', async () => {
    const res = await search({ q: 'amira al-obaidi' });
    expect(res.body.items.map((p: { nin: string }) => p.nin)).toEqual([nins.amira]);
  });

  it('pages with a cursor', async () => {
    const first = await search({ q: 'العبيدي', limit: '1' });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await search({ q: 'العبيدي', limit: '1', cursor: first.body.nextCursor });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].nin).not.toBe(first.body.items[0].nin);
    expect(second.body.nextCursor).toBeNull();
  });

  it('filters by date of birth and governorate', async () => {
    const res = await search({ q: 'العبيدي', dateOfBirth: '1988-06-05', governorate: 'IQ-AN' });
    expect(res.body.items.map((p: { nin: string }) => p.nin)).toEqual([nins.amira]);
  });

  it('finds by several name tokens alone, in NIN order, and filters by governorate', async () => {
    const both = await search({ q: 'مصطفى العبيدي' });
    expect(both.body.items.map((p: { nin: string }) => p.nin)).toEqual([nins.amira, nins.huda].sort());
    expect((await search({ q: 'هدى مصطفى العبيدي' })).body.items.map((p: { nin: string }) => p.nin)).toEqual([
      nins.huda,
    ]);
    expect((await search({ q: 'عمر العبيدي' })).body.items).toEqual([]);
    expect((await search({ q: 'مصطفى العبيدي', governorate: 'IQ-BG' })).body.items).toEqual([]);
    expect((await search({ q: 'مصطفى العبيدي', governorate: 'IQ-AN' })).body.items).toHaveLength(2);
  });

  it('needs q or dateOfBirth', async () => {
    const res = await search({});
    expectContract(res);
    expect(res.status).toBe(400);
  });
});
