import { rebuildProjections } from '../src/journal/rebuild';
import { verifyJournal } from '../src/journal/verify';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { cellsOfAnswers, PERIODS, recoveredCells, type Answer } from './support/disclosure';
import {
  birthDeclaration,
  courtOrderEvidence,
  declareAndRegister as register,
  enrol,
  motherName,
} from './support/fixtures';
import { etagOf, must } from './support/checked';

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
  declareAndRegister(
    '/v1/births',
    birthDeclaration(await person('female'), await person('male'), { sex, dateOfBirth, placeOfBirth: { governorate } }),
  );
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

const vital = async (query: string) => {
  const res = await request(h.app).get(`/v1/statistics/vital?${query}`); // public: no token
  expectContract(res);
  expect(res.status).toBe(200);
  return res.body as Answer;
};
const row = (t: Answer, key: string) => t.rows.find((r) => r.governorate === key || r.month === key);

/** Every answer about a year (each month, quarter and the year, by governorate and by month): none shows 1 to 4, and no combination of them gives a withheld count back. */
async function expectNothingDisclosed(year: number) {
  const answers: Answer[] = [];
  for (const p of PERIODS(year))
    for (const by of ['governorate', 'month']) answers.push(await vital(`from=${p.from}&to=${p.to}&by=${by}`));
  const cells = cellsOfAnswers(answers);
  expect(cells.filter((c) => c.value !== null && c.value > 0 && c.value < 5)).toEqual([]);
  expect(recoveredCells(cells).map((c) => c.key)).toEqual([]);
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
    // Every chapter is listed, in order, whether it had deaths or not: IX (3) and X (2) withheld, the rest 0 or withheld.
    const basra = row(byGovernorate, 'IQ-BA')!.deaths.byCause;
    expect(basra.map((c) => c.icd10Chapter)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI',
      'XII',
      'XIII',
      'XIV',
      'XV',
      'XVI',
      'XVII',
      'XVIII',
      'XIX',
      'XX',
      'XXI',
      'XXII',
    ]);
    expect(basra.filter((c) => c.icd10Chapter === 'IX' || c.icd10Chapter === 'X').map((c) => c.count)).toEqual([
      null,
      null,
    ]);
    expect(basra.filter((c) => c.count !== null && c.count !== 0)).toEqual([]);
    expect(row(byGovernorate, 'IQ-NA')?.marriages).toBe(6);
    // IQ-KA's single birth is withheld.
    expect(row(byGovernorate, 'IQ-KA')?.births.male).toBeNull();

    const byMonth = await vital('from=2026-01-01&to=2026-03-31&by=month');
    expect(byMonth).toMatchObject({ from: '2026-01', to: '2026-03' });
    expect(byMonth.rows.map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(row(byMonth, '2026-02')?.marriages).toBe(6);
    expect(row(await vital('from=2026-04&to=2026-06&by=month'), '2026-04')?.births.male).toBeNull();
    await expectNothingDisclosed(2026);

    // A voided marriage leaves the count; a corrected birth moves to its new month.
    await post(`/v1/records/${must(marriages[0], 'a marriage').id}/voiding`, { reason: 'Registered twice' }, registrar);
    const current = await request(h.app).get(`/v1/records/${lone.id}`).set(auth(registrar));
    const corrected = await request(h.app)
      .post(`/v1/records/${lone.id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(current))
      .send({
        changes: { child: { dateOfBirth: '2026-03-30', placeOfBirth: { governorate: 'IQ-BG' } } },
        reason: 'Date and place from the hospital',
        evidence: await courtOrderEvidence(h.app, officer, lone.id),
      });
    expect(corrected.status).toBe(200);
    const after = await vital('from=2026-01&to=2026-03&by=month');
    expect(row(after, '2026-02')?.marriages).toBe(5);
    expect(row(after, '2026-03')?.births).toEqual({ female: 6, male: 6, total: 12 });
    expect(row(await vital('from=2026-04&to=2026-04&by=month'), '2026-04')?.births.total).toBe(0);

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

  it('publishes a month, a quarter or a year only: January and January-February in Muthanna give February away no more', async () => {
    for (let i = 0; i < 5; i++) await birth('female', 'IQ-MU', '2026-01-10');
    for (let i = 0; i < 2; i++) await birth('female', 'IQ-MU', '2026-02-10');
    // Before, January-February answered 7, and minus January's 5 gave February's withheld 2.
    const range = await request(h.app).get('/v1/statistics/vital?from=2026-01&to=2026-02&by=governorate');
    expectContract(range);
    expect(range.status).toBe(400);
    expect(range.headers['content-type']).toMatch(/problem\+json/);
    expect(range.body.detail).toMatch(/calendar month .* quarter .* or year/);
    expect(row(await vital('from=2026-02&to=2026-02&by=governorate'), 'IQ-MU')?.births.female).toBeNull();
    // Nor does the quarter minus two of its months, or the country minus the other governorates.
    await expectNothingDisclosed(2026);
  });

  it('answers other ranges with 400 saying which periods are allowed, and defaults to this calendar year', async () => {
    for (const q of [
      'from=2026-13',
      'from=2026-05&to=2026-01',
      'by=year',
      'from=1800-01&to=2026-01',
      'from=2026',
      'from=2026-01',
      'to=2026-03',
      'from=2026-02&to=2026-04',
      'from=2025-12&to=2026-02',
    ]) {
      const res = await request(h.app).get(`/v1/statistics/vital?${q}`);
      expectContract(res);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    const defaults = await vital('by=month');
    const year = new Date().toISOString().slice(0, 4);
    expect(defaults.rows).toHaveLength(12);
    expect([defaults.from, defaults.to]).toEqual([`${year}-01`, `${year}-12`]);
  });
});
