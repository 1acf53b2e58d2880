import { rebuildProjections } from '../src/journal/rebuild';
import { verifyJournal } from '../src/journal/verify';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, declareAndRegister as register, enrol, motherName } from './support/fixtures';

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
const person = async (sex: 'female' | 'male', dateOfBirth = '1990-01-01') =>
  (await enrol(h.app, registrar, { name: motherName, sex, dateOfBirth, placeOfBirth: { governorate: 'IQ-BG' } })).nin;

const declareAndRegister = (path: string, body: object) => register(h.app, officer, registrar, path, body);

const birth = async (sex: 'female' | 'male', governorate: string, dateOfBirth: string) =>
  declareAndRegister('/v1/births', birthDeclaration(await person('female'), await person('male'), { sex, dateOfBirth, placeOfBirth: { governorate } }));
const death = async (icd10: string, dateOfDeath = '2026-05-10') =>
  declareAndRegister('/v1/deaths', {
    deceased: { nin: await person('male', '1950-01-01') },
    dateOfDeath,
    placeOfDeath: { governorate: 'IQ-BA' },
    causeOfDeath: { icd10 },
  });
const marriage = async () =>
  declareAndRegister('/v1/marriages', {
    partyA: { nin: await person('male') },
    partyB: { nin: await person('female') },
    dateOfMarriage: '2026-02-14',
    placeOfMarriage: { governorate: 'IQ-NA' },
  });

type Count = number | null;
interface Counts {
  births: { female: Count; male: Count; total: Count };
  deaths: { total: Count; byCause: { icd10Chapter: string; count: Count }[] };
  marriages: Count;
  divorces: Count;
}
type Table = { from: string; to: string; rows: (Counts & { governorate?: string; month?: string })[]; total: Counts };

const vital = async (query: string) => {
  const res = await request(h.app).get(`/v1/statistics/vital?${query}`); // public: no token
  expectContract(res);
  expect(res.status).toBe(200);
  return res.body as Table;
};
const row = (t: Table, key: string) => t.rows.find((r) => r.governorate === key || r.month === key);

/** No published count from 1 to 4, and no published sum that gives a single withheld count back. */
function expectNothingDisclosed(t: Table) {
  const all = [...t.rows, t.total];
  const values = all.flatMap((r) => [
    r.births.female,
    r.births.male,
    r.births.total,
    r.deaths.total,
    r.marriages,
    r.divorces,
    ...r.deaths.byCause.map((c) => c.count),
  ]);
  expect(values.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
  const oneHidden = (members: Count[], total: Count) => total !== null && members.filter((m) => m === null).length === 1;
  for (const r of all) {
    expect(oneHidden([r.births.female, r.births.male], r.births.total)).toBe(false);
    expect(
      oneHidden(
        r.deaths.byCause.map((c) => c.count),
        r.deaths.total,
      ),
    ).toBe(false);
  }
  for (const pick of [
    (c: Counts) => c.births.female,
    (c: Counts) => c.births.male,
    (c: Counts) => c.births.total,
    (c: Counts) => c.deaths.total,
    (c: Counts) => c.marriages,
  ]) {
    expect(oneHidden(t.rows.map(pick), pick(t.total))).toBe(false);
  }
}

describe('vital statistics', () => {
  it('counts registered events by governorate and month, withholds small cells, follows voids and corrections, and rebuilds the same', async () => {
    for (let i = 0; i < 6; i++) await birth('female', 'IQ-BG', '2026-03-14');
    for (let i = 0; i < 5; i++) await birth('male', 'IQ-BG', '2026-03-20');
    const lone = await birth('male', 'IQ-KA', '2026-04-02');
    for (const code of ['I21.9', 'I21.0', 'I50', 'J18.9', 'J44.1']) await death(code);
    const marriages = [];
    for (let i = 0; i < 6; i++) marriages.push(await marriage());
    // Declared but not registered: counts for nothing.
    expect((await post('/v1/births', birthDeclaration(await person('female'), await person('male')))).status).toBe(201);

    const byGovernorate = await vital('from=2026-01&to=2026-12&by=governorate');
    expect(byGovernorate).toMatchObject({ from: '2026-01', to: '2026-12', by: 'governorate', suppressedBelow: 5 });
    expect(byGovernorate.rows).toHaveLength(18);
    expect(byGovernorate.total.births).toEqual({ female: 6, male: 6, total: 12 });
    expect(row(byGovernorate, 'IQ-BA')?.deaths.total).toBe(5);
    expect(row(byGovernorate, 'IQ-BA')?.deaths.byCause).toEqual([
      expect.objectContaining({ icd10Chapter: 'IX', count: null }),
      expect.objectContaining({ icd10Chapter: 'X', count: null }),
    ]);
    expect(row(byGovernorate, 'IQ-NA')?.marriages).toBe(6);
    // IQ-KA's single birth is withheld, and so is what would give it back (IQ-BG's male births).
    expect(row(byGovernorate, 'IQ-KA')?.births.male).toBeNull();
    expect(row(byGovernorate, 'IQ-BG')?.births.male).toBeNull();
    expectNothingDisclosed(byGovernorate);

    const byMonth = await vital('from=2026-01-01&to=2026-06-30&by=month');
    expect(byMonth.rows.map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(row(byMonth, '2026-02')?.marriages).toBe(6);
    // April's single birth is withheld, and March's male births and total with it (they would give it back).
    expect(row(byMonth, '2026-03')?.births).toEqual({ female: 6, male: null, total: null });
    expectNothingDisclosed(byMonth);

    // A voided marriage leaves the count; a corrected birth moves to its new month.
    await post(`/v1/records/${marriages[0].id}/voiding`, { reason: 'Registered twice' }, registrar);
    const current = await request(h.app).get(`/v1/records/${lone.id}`).set(auth(registrar));
    const corrected = await request(h.app)
      .post(`/v1/records/${lone.id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', current.headers.etag)
      .send({ changes: { child: { dateOfBirth: '2026-03-30', placeOfBirth: { governorate: 'IQ-BG' } } }, reason: 'Date and place from the hospital' });
    expect(corrected.status).toBe(200);
    const after = await vital('from=2026-01&to=2026-06&by=month');
    expect(row(after, '2026-02')?.marriages).toBe(5);
    expect(row(after, '2026-03')?.births).toEqual({ female: 6, male: 6, total: 12 });
    expect(row(after, '2026-04')?.births.total).toBe(0);

    // The counters are projections: thrown away and rebuilt from the journal, they answer the same.
    const snapshot = async () => ({
      statistics: await vital('from=2026-01&to=2026-12&by=governorate'),
      counters: await h.services.vitalCounts.list({}),
      persons: await h.services.persons.list({}),
      records: await h.services.records.list({}),
    });
    const before = await snapshot();
    await rebuildProjections(h.services);
    expect(await snapshot()).toEqual(before);
    expect((await verifyJournal(h.services.journal)).problems).toEqual([]);
  });

  it('answers bad ranges with 400 and defaults to the last twelve months', async () => {
    for (const q of ['from=2026-13', 'from=2026-05&to=2026-01', 'by=year', 'from=1800-01&to=2026-01', 'from=2026']) {
      const res = await request(h.app).get(`/v1/statistics/vital?${q}`);
      expectContract(res);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    const defaults = await vital('by=month');
    expect(defaults.rows).toHaveLength(12);
    expect(defaults.to).toBe(new Date().toISOString().slice(0, 7));
  });
});
