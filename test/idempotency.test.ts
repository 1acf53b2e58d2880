import { auth, request, startHarness, type Harness } from './support/harness';
import { birthDeclaration, enrolParents } from './support/fixtures';

let h: Harness;
let officer: string;
let registrar: string;
beforeAll(async () => {
  h = await startHarness();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
});
afterAll(() => h.close());

describe('Idempotency-Key', () => {
  it('returns the first answer to a retry and creates nothing twice', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const body = birthDeclaration(mother.nin, father.nin);
    const first = await request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-retry-0001').send(body);
    const retry = await request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-retry-0001').send(body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await h.services.records.collection.countDocuments({ 'data.mother.nin': mother.nin })).toBe(1);
  });

  it('refuses the same key with a different body (422)', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-retry-0002')
      .send(birthDeclaration(mother.nin, father.nin))
      .expect(201);
    const other = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-retry-0002')
      .send(birthDeclaration(mother.nin, father.nin, { givenName: 'نور' }));
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
  });

  it('replays a refusal too, and keeps keys apart per caller', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const bad = birthDeclaration(mother.nin, undefined, { dateOfBirth: '2999-01-01' });
    const first = await request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-retry-0003').send(bad);
    const retry = await request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-retry-0003').send(bad);
    expect([first.status, retry.status]).toEqual([422, 422]);
    expect(retry.headers['content-type']).toContain('application/problem+json');
    const someoneElse = await request(h.app)
      .post('/v1/persons')
      .set(auth(registrar))
      .set('Idempotency-Key', 'office-7-retry-0003')
      .send({
        name: { givenName: 'علي', fatherName: 'حسن', grandfatherName: 'جعفر' },
        sex: 'male',
        dateOfBirth: '1970-02-02',
        placeOfBirth: { governorate: 'IQ-KA' },
      });
    expect(someoneElse.status).toBe(201);
  });

  it('runs concurrent retries once', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const body = birthDeclaration(mother.nin, father.nin);
    const answers = await Promise.all(
      [1, 2, 3].map(() => request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-retry-0004').send(body)),
    );
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(await h.services.records.collection.countDocuments({ 'data.mother.nin': mother.nin })).toBe(1);
  });

  it('refuses a malformed key', async () => {
    const res = await request(h.app)
      .post('/v1/persons')
      .set(auth(registrar))
      .set('Idempotency-Key', 'x')
      .send({
        name: { givenName: 'علي', fatherName: 'حسن', grandfatherName: 'جعفر' },
        sex: 'male',
        dateOfBirth: '1970-02-02',
        placeOfBirth: { governorate: 'IQ-KA' },
      });
    expect(res.status).toBe(400);
  });

  it('answers a retry of a request that was applied before its process died with that result, once the lease is over', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const body = birthDeclaration(mother.nin, father.nin);
    const first = await request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-crash-0001').send(body);
    expect(first.status).toBe(201);
    // As a crash between the append and storing the answer leaves it: the key pending.
    await h.services.models.idempotency.updateOne(
      { state: 'done', body: JSON.stringify(first.body) },
      { $set: { state: 'pending' }, $unset: { status: 1, body: 1, headers: 1 } },
    );
    const early = await request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-crash-0001').send(body);
    expect(early.status).toBe(409);
    expect(early.headers['retry-after']).toBeDefined();
    await h.services.models.idempotency.updateOne({ state: 'pending' }, { $set: { createdAt: new Date(Date.now() - 60_000) } });
    const retry = await request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-crash-0001').send(body);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await h.services.records.collection.countDocuments({ 'data.mother.nin': mother.nin })).toBe(1);
    expect(await h.services.journal.entries.countDocuments({ type: 'birth.declared', entityIds: mother.nin })).toBe(1);
    // And the answer is kept now.
    const again = await request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-crash-0001').send(body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });
});
