import { rebuildProjections } from '../src/journal/rebuild';
import { verifyJournal } from '../src/journal/verify';
import { declareAndRegister, enrolParents, birthDeclaration } from './support/fixtures';
import { auth, request, startHarness, type Harness } from './support/harness';
import { feedSubscription, receiver, until } from './support/receiver';

/**
 * Three service processes on one database, as behind a load balancer: what runs on a timer runs
 * once across them (webhook deliveries, the retention pruning), concurrent writes through all
 * three leave a gap-free register that rebuilds the same, and a revocation made through one is
 * answered by the others within CERTIFICATE_STATUS_CACHE_SECONDS.
 */
let h: Harness;
let officer: string;
let registrar: string;
let admin: string;

beforeAll(async () => {
  h = await startHarness({
    TEST_INSTANCES: '3',
    RETENTION_EVERY_SECONDS: '1',
    WEBHOOK_POLL_MS: '50',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    CERTIFICATE_STATUS_CACHE_SECONDS: '2',
  });
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  admin = await h.token('admin');
}, 180_000);
afterAll(() => h.close());

const at = (url: string) => request(url);

describe('three instances on one database', () => {
  it('runs three service processes, each ready', async () => {
    expect(new Set(h.urls).size).toBe(3);
    for (const url of h.urls) await at(url).get('/health/ready').expect(200);
  });

  it('registers concurrently through all three without a gap, and rebuilds to the same projections', async () => {
    // The parents first, one couple at a time (the fixtures' namesakes would be possible duplicates
    // of one another if enrolled at once), then the births all at once.
    const couples = [];
    for (let i = 0; i < 12; i++) couples.push(await enrolParents(h.app, registrar));
    const births = await Promise.all(
      couples.map(({ mother, father }) =>
        declareAndRegister(h.app, officer, registrar, '/v1/births', birthDeclaration(mother.nin, father.nin)),
      ),
    );
    const numbers = births.map((b) => Number(String(b.registrationNumber).split('-').at(-1))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    const snapshot = async () => ({
      persons: await h.services.persons.list({}),
      records: await h.services.records.list({}),
      counters: await h.services.vitalCounts.list({}),
      queues: await h.services.queueCounts.list({}),
    });
    const before = await snapshot();
    expect(before.records.filter((r) => r.status === 'registered')).toHaveLength(12);
    await rebuildProjections(h.services);
    expect(await snapshot()).toEqual(before);
    expect((await verifyJournal(h.services.journal)).problems).toEqual([]);
  }, 120_000);

  it('delivers each webhook once, though three dispatchers poll the journal', async () => {
    const r = receiver();
    await r.listening();
    try {
      const sub = await feedSubscription(h.app, admin, r.url(), ['birth.registered']);
      expect(sub.status).toBe(201);
      const registered = [];
      for (let i = 0; i < 6; i++) {
        const { mother, father } = await enrolParents(h.app, registrar);
        registered.push(
          await declareAndRegister(h.app, officer, registrar, '/v1/births', birthDeclaration(mother.nin, father.nin)),
        );
      }
      await until(() => new Set(r.received.map((x) => x.seq)).size >= 6, 30_000);
      // Time for a second delivery to arrive, were there one.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // This test's births only (a delivery is of the subscription's events since it was made).
      const ours = new Set(registered.map((b) => b.id));
      const seqs = r.received
        .filter((x) => ours.has((JSON.parse(x.body) as { event: { recordId: string } }).event.recordId))
        .map((x) => x.seq);
      expect(seqs).toHaveLength(6);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const log = await request(h.app).get(`/v1/subscriptions/${sub.body.id}/deliveries`).set(auth(admin));
      const delivered = log.body.items.filter((d: { ok: boolean; seq: number }) => d.ok && seqs.includes(d.seq));
      expect(delivered).toHaveLength(6);
    } finally {
      await r.close();
    }
  }, 120_000);

  it('prunes once a period across the three, and each expired document once', async () => {
    const expired = new Date(Date.now() - 3_600_000);
    await h.services.models.refreshTokens.create(
      Array.from({ length: 30 }, (_, i) => ({ _id: `expired-${i}`, userId: 'u', familyId: 'f', expiresAt: expired })),
    );
    await until(async () => (await h.services.models.refreshTokens.countDocuments({ expiresAt: expired })) === 0);
    const since = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const runs = await h.services.db
      .collection<{ startedAt: Date; owner: string; result: Record<string, number> }>('job_runs')
      .find({ job: 'retention' })
      .sort({ startedAt: 1 })
      .toArray();
    const recent = runs.filter((r) => r.startedAt.getTime() >= since);
    // Each of three instances asks every second: without the turn there would be about three runs a second.
    expect(recent.length).toBeGreaterThanOrEqual(2);
    expect(recent.length).toBeLessThanOrEqual(5);
    const gaps = runs.slice(1).map((r, i) => r.startedAt.getTime() - runs[i]!.startedAt.getTime());
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(950);
    expect(runs.reduce((sum, r) => sum + (r.result.refreshTokens ?? 0), 0)).toBe(30);
  }, 60_000);

  it('answers a revocation made through one instance from the others within the status cache time', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const record = await declareAndRegister(
      h.app,
      officer,
      registrar,
      '/v1/births',
      birthDeclaration(mother.nin, father.nin),
    );
    const [first, ...others] = h.urls as [string, ...string[]];
    const cert = (await at(first).post('/v1/certificates').set(auth(officer)).send({ recordId: record.id })).body;
    const verify = (url: string) => at(url).post('/v1/certificates/verification').send({ token: cert.token });
    // Each instance verifies it once, so each keeps it as valid.
    for (const url of h.urls) expect((await verify(url)).body.status).toBe('valid');
    await at(first)
      .post(`/v1/certificates/${cert.id}/revocation`)
      .set(auth(registrar))
      .send({ reason: 'Reported stolen' })
      .expect(200);
    expect((await verify(first)).body.status).toBe('revoked');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    for (const url of others) expect((await verify(url)).body.status).toBe('revoked');
  }, 60_000);
});
