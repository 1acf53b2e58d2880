import { randomNin } from '../src/modules/persons/nin';
import { enrolPerson } from '../src/modules/persons/service';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';

let h: Harness;
let client: string;
let nin: string;
let expectContract: ReturnType<typeof contractChecker>;
const SYSTEM = { actor: { id: 'test', role: 'system' as const }, requestId: 'identity-test' };

beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_IDENTITY_PER_MINUTE: '1000' });
  expectContract = contractChecker();
  client = await h.clientToken(['identity:verify']);
  const person = await enrolPerson(h.services, SYSTEM, {
    name: {
      givenName: 'عبد الله',
      fatherName: 'حسين',
      grandfatherName: 'كاظم',
      familyName: 'التميمي',
      latin: { givenName: 'Abdullah', fatherName: 'Hussein', grandfatherName: 'Kadhim', familyName: 'Al-Tamimi' },
    },
    sex: 'male',
    dateOfBirth: '2014-09-17',
    placeOfBirth: { governorate: 'IQ-BG' },
  });
  nin = person._id;
});
afterAll(() => h.close());

const verify = (body: object, token = client) => request(h.app).post('/v1/identity/verification').set(auth(token)).send(body);
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

describe('identity verification', () => {
  it('matches across spellings: Arabic normalised, Latin transliteration-folded, Arabic-Indic digits', async () => {
    const res = await verify({
      nin: arabicDigits(nin),
      givenName: 'عبدالله',
      fatherName: 'Husain',
      grandfatherName: 'Kazim',
      familyName: 'Altamimi',
      dateOfBirth: arabicDigits('2014-09-17'),
      sex: 'male',
    });
    expectContract(res);
    expect(res.body).toEqual({
      match: true,
      fields: { givenName: true, fatherName: true, grandfatherName: true, familyName: true, dateOfBirth: true, sex: true },
      alive: true,
    });
    const wrong = await verify({ nin, fatherName: 'Hassan', dateOfBirth: '2014-09-18' });
    expect(wrong.body).toEqual({ match: false, fields: { fatherName: false, dateOfBirth: false }, alive: true });
  });

  it('answers an unknown NIN with the same shape, and nothing else about anyone', async () => {
    const known = await verify({ nin, givenName: 'Abdullah', dateOfBirth: '2014-09-17' });
    const unknown = await verify({ nin: randomNin(), givenName: 'Abdullah', dateOfBirth: '2014-09-17' });
    expectContract(unknown);
    expect(unknown.body).toEqual({ match: false, fields: { givenName: false, dateOfBirth: false }, alive: false });
    expect(JSON.stringify(known.body)).not.toMatch(/التميمي|Tamimi|IQ-BG/);
  });

  it('verifies a year group in one batch, item by item, and logs each person read once', async () => {
    const stranger = randomNin();
    const items = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? { nin, givenName: 'عبد الله' } : { nin: stranger, sex: 'male' as const }));
    await h.services.accessLog.flush();
    const before = await h.services.models.access.countDocuments({ nin });
    const res = await request(h.app).post('/v1/identity/verification:batch').set(auth(client)).send({ items });
    expectContract(res);
    await h.services.accessLog.flush();
    expect(await h.services.models.access.countDocuments({ nin })).toBe(before + 1);
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1000);
    expect(res.body.results[0]).toEqual({ match: true, fields: { givenName: true }, alive: true });
    expect(res.body.results[1]).toEqual({ match: false, fields: { sex: false }, alive: false });
    const tooMany = await request(h.app)
      .post('/v1/identity/verification:batch')
      .set(auth(client))
      .send({ items: [...items, { nin }] });
    expect(tooMany.status).toBe(400);
  });

  it('shows the citizen who checked them, by the client’s name; counts per client', async () => {
    const ministry = await h.clientToken(['identity:verify']);
    await verify({ nin, givenName: 'عبد الله' }, ministry);
    await h.services.accessLog.flush();
    const citizen = await h.citizen(nin);
    const log = await request(h.app).get('/v1/me/access-log').set(auth(citizen.token));
    expectContract(log);
    expect(log.body.items[0]).toMatchObject({
      actor: { role: 'client', name: expect.stringMatching(/^test client/) },
      route: 'POST /v1/identity/verification',
    });
    const metrics = await h.services.metrics.registry.getSingleMetricAsString('identity_verifications_total');
    expect(metrics).toMatch(/identity_verifications_total\{client="[^"]+"\} [1-9]/);
  });

  it('limits each client, answering 429 with Retry-After', async () => {
    const limited = await startHarness({ RATE_LIMIT_IDENTITY_PER_MINUTE: '2' });
    try {
      const token = await limited.clientToken(['identity:verify']);
      const statuses = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await request(limited.app).post('/v1/identity/verification').set(auth(token)).send({ nin });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      // Another client is not held back by the first.
      const other = await limited.clientToken(['identity:verify']);
      expect((await request(limited.app).post('/v1/identity/verification').set(auth(other)).send({ nin })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
