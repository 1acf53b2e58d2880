import { randomNin } from '../src/modules/common/nin';
import { MAX_BATCH } from '../src/modules/identity/schemas';
import { enrolPerson } from '../src/modules/persons/commands';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { declareAndRegister } from './support/fixtures';

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

const verify = (body: object, token = client) =>
  request(h.app).post('/v1/identity/verification').set(auth(token)).send(body);
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
      fields: {
        givenName: true,
        fatherName: true,
        grandfatherName: true,
        familyName: true,
        dateOfBirth: true,
        sex: true,
      },
      alive: true,
    });
    const wrong = await verify({ nin, fatherName: 'Hassan', dateOfBirth: '2014-09-18' });
    expect(wrong.body).toEqual({ match: false, fields: { fatherName: false, dateOfBirth: false }, alive: null });
  });

  it('answers an unknown NIN with the same shape, and nothing else about anyone', async () => {
    const known = await verify({ nin, givenName: 'Abdullah', dateOfBirth: '2014-09-17' });
    const unknown = await verify({ nin: randomNin(), givenName: 'Abdullah', dateOfBirth: '2014-09-17' });
    expectContract(unknown);
    expect(unknown.body).toEqual({ match: false, fields: { givenName: false, dateOfBirth: false }, alive: null });
    expect(JSON.stringify(known.body)).not.toMatch(/التميمي|Tamimi|IQ-BG/);
  });

  it('verifies a year group in one batch, item by item, one access-log entry per item about a known person', async () => {
    const classmate = await enrolPerson(h.services, SYSTEM, {
      name: {
        givenName: 'زينب',
        fatherName: 'علي',
        grandfatherName: 'حسن',
        latin: { givenName: 'Zainab', fatherName: 'Ali', grandfatherName: 'Hassan' },
      },
      sex: 'female',
      dateOfBirth: '2014-03-02',
      placeOfBirth: { governorate: 'IQ-BG' },
    });
    const strangers = Array.from({ length: MAX_BATCH - 2 }, () => ({ nin: randomNin(), dateOfBirth: '2014-01-01' }));
    const items = [
      { nin, givenName: 'عبد الله' },
      { nin: classmate._id, givenName: 'Zeinab', dateOfBirth: '2014-03-03' },
      ...strangers,
    ];
    await h.services.accessLog.flush();
    const before = await Promise.all(
      [nin, classmate._id].map((n) => h.services.models.access.countDocuments({ nin: n })),
    );
    const res = await request(h.app).post('/v1/identity/verification:batch').set(auth(client)).send({ items });
    expectContract(res);
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(MAX_BATCH);
    expect(res.body.results[0]).toEqual({ match: true, fields: { givenName: true }, alive: true });
    expect(res.body.results[1]).toEqual({ match: false, fields: { givenName: true, dateOfBirth: false }, alive: null });
    expect(res.body.results[2]).toEqual({ match: false, fields: { dateOfBirth: false }, alive: null });
    await h.services.accessLog.flush();
    const after = await Promise.all(
      [nin, classmate._id].map((n) => h.services.models.access.countDocuments({ nin: n })),
    );
    expect(after).toEqual(before.map((n) => n + 1));
    const tooMany = await request(h.app)
      .post('/v1/identity/verification:batch')
      .set(auth(client))
      .send({ items: [...items, { nin: randomNin(), givenName: 'Ali' }] });
    expect(tooMany.status).toBe(400);
  });

  it('refuses a claim of nothing (or of sex alone), naming it, in a single check and in a batch', async () => {
    for (const claim of [{ nin }, { nin, sex: 'male' }]) {
      const res = await verify(claim);
      expectContract(res);
      expect([res.status, res.body.errors]).toEqual([
        400,
        [{ path: 'body', message: expect.stringMatching(/at least one of givenName.*dateOfBirth/) }],
      ]);
    }
    const batch = await request(h.app)
      .post('/v1/identity/verification:batch')
      .set(auth(client))
      .send({ items: [{ nin, givenName: 'Ali' }, { nin: randomNin() }] });
    expect([batch.status, batch.body.errors?.map((e: { path: string }) => e.path)]).toEqual([400, ['body.items.1']]);
  });

  it('asks about a NIN once per batch: a batch of guesses about one person is refused, naming the repeats', async () => {
    const guesses = Array.from({ length: 5 }, (_, i) => ({
      nin,
      dateOfBirth: `2014-09-${String(13 + i).padStart(2, '0')}`,
    }));
    const res = await request(h.app).post('/v1/identity/verification:batch').set(auth(client)).send({ items: guesses });
    expectContract(res);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      [1, 2, 3, 4].map((i) => ({
        path: `body.items.${i}.nin`,
        message: 'the NIN of item 0 again: a batch may ask about a NIN once',
      })),
    );
    // Arabic-Indic digits are the same NIN.
    const disguised = await request(h.app)
      .post('/v1/identity/verification:batch')
      .set(auth(client))
      .send({ items: [guesses[0], { ...guesses[1], nin: arabicDigits(nin) }] });
    expect(disguised.status).toBe(400);
  });

  it('answers alive only to a claim that matches in full: a partial claim learns nothing of it', async () => {
    const deceased = await enrolPerson(h.services, SYSTEM, {
      name: { givenName: 'كريم', fatherName: 'سالم', grandfatherName: 'جاسم' },
      sex: 'male',
      dateOfBirth: '1940-01-01',
      placeOfBirth: { governorate: 'IQ-BG' },
    });
    await declareAndRegister(h.app, await h.token('officer'), await h.token('registrar'), '/v1/deaths', {
      deceased: { nin: deceased._id },
      dateOfDeath: '2020-01-01',
      placeOfDeath: { governorate: 'IQ-BG' },
      causeOfDeath: { icd10: 'I21.9' },
    });
    const full = await verify({ nin: deceased._id, givenName: 'كريم', dateOfBirth: '1940-01-01' });
    expect(full.body).toEqual({ match: true, fields: { givenName: true, dateOfBirth: true }, alive: false });
    const guess = await verify({ nin: deceased._id, givenName: 'كريم', dateOfBirth: '1941-01-01' });
    expect(guess.body).toEqual({ match: false, fields: { givenName: true, dateOfBirth: false }, alive: null });
    const wrong = await verify({ nin: deceased._id, dateOfBirth: '1941-01-01' });
    const unknown = await verify({ nin: randomNin(), dateOfBirth: '1941-01-01' });
    expect(wrong.body).toEqual(unknown.body);
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
        last = await request(limited.app)
          .post('/v1/identity/verification')
          .set(auth(token))
          .send({ nin, givenName: 'Ali' });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      // Another client is not held back by the first.
      const other = await limited.clientToken(['identity:verify']);
      expect(
        (await request(limited.app).post('/v1/identity/verification').set(auth(other)).send({ nin, givenName: 'Ali' }))
          .status,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('counts items, not requests: a batch spends one of the minute per item, a refused one spends nothing', async () => {
    const limited = await startHarness({ RATE_LIMIT_IDENTITY_PER_MINUTE: '5' });
    try {
      const token = await limited.clientToken(['identity:verify']);
      const batch = (n: number) =>
        request(limited.app)
          .post('/v1/identity/verification:batch')
          .set(auth(token))
          .send({ items: Array.from({ length: n }, () => ({ nin: randomNin(), givenName: 'Ali' })) });
      const first = await batch(3);
      expect([first.status, first.headers.ratelimit]).toEqual([200, expect.stringMatching(/limit=5, remaining=2/)]);
      const second = await batch(3);
      expectContract(second);
      expect([second.status, second.body.code]).toEqual([429, 'rate-limited']);
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
      expect((await batch(2)).status).toBe(200);
      const single = await request(limited.app)
        .post('/v1/identity/verification')
        .set(auth(token))
        .send({ nin, givenName: 'Ali' });
      expect(single.status).toBe(429);
      const huge = await request(limited.app)
        .post('/v1/identity/verification:batch')
        .set(auth(await limited.clientToken(['identity:verify'])))
        .send({
          items: Array.from({ length: 6 }, () => ({ nin: randomNin(), givenName: 'Ali' })),
        });
      expect([huge.status, huge.body.detail]).toEqual([429, expect.stringMatching(/send smaller batches/)]);
    } finally {
      await limited.close();
    }
  });
});
