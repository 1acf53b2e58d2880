import { auth, request, startHarness, type Harness } from './support/harness';
import { birthDeclaration, enrolParents } from './support/fixtures';
import { canonicalJson, sha256Hex } from '../src/journal/hash';

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
    const first = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-retry-0001')
      .send(body);
    const retry = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-retry-0001')
      .send(body);
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
    const first = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-retry-0003')
      .send(bad);
    const retry = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-retry-0003')
      .send(bad);
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
      [1, 2, 3].map(() =>
        request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-retry-0004').send(body),
      ),
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
    const first = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-crash-0001')
      .send(body);
    expect(first.status).toBe(201);
    // As a crash between the append and storing the answer leaves it: the key pending.
    await h.services.models.idempotency.updateOne(
      { state: 'done', body: JSON.stringify(first.body) },
      { $set: { state: 'pending' }, $unset: { status: 1, body: 1, headers: 1 } },
    );
    const early = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-crash-0001')
      .send(body);
    expect(early.status).toBe(409);
    expect(early.headers['retry-after']).toBeDefined();
    await h.services.models.idempotency.updateOne(
      { state: 'pending' },
      { $set: { createdAt: new Date(Date.now() - 60_000) } },
    );
    const retry = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-crash-0001')
      .send(body);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await h.services.records.collection.countDocuments({ 'data.mother.nin': mother.nin })).toBe(1);
    expect(await h.services.journal.entries.countDocuments({ type: 'birth.declared', entityIds: mother.nin })).toBe(1);
    // And the answer is kept now.
    const again = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Idempotency-Key', 'office-7-crash-0001')
      .send(body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it("never answers another caller's token: routes without a bearer token ignore Idempotency-Key", async () => {
    const created = await request(h.app)
      .post('/v1/clients')
      .set(auth(await h.token('admin')))
      .send({ name: 'Basra Teaching Hospital', scopes: ['identity:verify'] });
    const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string };
    const key = 'shared-nat-key-0001';
    const granted = await request(h.app)
      .post('/v1/auth/token')
      .set('Idempotency-Key', key)
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    expect(granted.status).toBe(200);
    // Another caller behind the same address, with no credentials and the same key.
    const stranger = await request(h.app)
      .post('/v1/auth/token')
      .set('Idempotency-Key', key)
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(stranger.status).toBe(401);
    expect(stranger.body).toMatchObject({ error: 'invalid_client' });
    expect(stranger.headers['idempotent-replayed']).toBeUndefined();
    expect(JSON.stringify(stranger.body)).not.toContain(granted.body.access_token);
    // Sign-in alike: a stranger with the same key and no password gets no one's tokens.
    const login = await request(h.app)
      .post('/v1/auth/login')
      .set('Idempotency-Key', 'shared-nat-key-0002')
      .send({ username: 'nobody', password: 'wrong one' });
    expect(login.status).toBe(401);
    expect(await h.services.models.idempotency.countDocuments({})).toBeGreaterThan(0);
    const kept = JSON.stringify(await h.services.models.idempotency.find({}).lean());
    expect(kept).not.toContain(granted.body.access_token);
  });

  it('keeps no secret in a stored answer: a retry of a call that showed one is told so, and nothing is made twice', async () => {
    const admin = await h.token('admin');
    const body = { name: 'Mosul Education Directorate', scopes: ['identity:verify'] };
    const first = await request(h.app)
      .post('/v1/clients')
      .set(auth(admin))
      .set('Idempotency-Key', 'admin-client-0001')
      .send(body);
    expect(first.status).toBe(201);
    const retry = await request(h.app)
      .post('/v1/clients')
      .set(auth(admin))
      .set('Idempotency-Key', 'admin-client-0001')
      .send(body);
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe('idempotent-secret-withheld');
    expect(retry.body.detail).toContain(first.body.clientId);
    expect(JSON.stringify(retry.body)).not.toContain(first.body.clientSecret);
    expect(await h.services.models.clients.countDocuments({ name: body.name })).toBe(1);

    const { mother } = await enrolParents(h.app, registrar);
    const code = await request(h.app)
      .post(`/v1/persons/${mother.nin}/activation-code`)
      .set(auth(officer))
      .set('Idempotency-Key', 'office-code-0001');
    expect(code.status).toBe(201);
    const kept = JSON.stringify(await h.services.models.idempotency.find({}).lean());
    expect(kept).not.toContain(first.body.clientSecret);
    expect(kept).not.toContain(code.body.code);
  });

  it('tells a caller waiting on a pending key to come back when its lease ends, and takes it over then', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const body = birthDeclaration(mother.nin, father.nin);
    const send = () =>
      request(h.app).post('/v1/births').set(auth(officer)).set('Idempotency-Key', 'office-7-lease-0001').send(body);
    const first = await send();
    expect(first.status).toBe(201);
    // Left pending by a crash 28 s ago; the lease is 30 s.
    await h.services.models.idempotency.updateOne(
      { state: 'done', body: JSON.stringify(first.body) },
      {
        $set: { state: 'pending', createdAt: new Date(Date.now() - 28_000) },
        $unset: { status: 1, body: 1, headers: 1 },
      },
    );
    const early = await send();
    expect(early.status).toBe(409);
    const wait = Number(early.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(3);
    await new Promise((r) => setTimeout(r, wait * 1000 + 100));
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('keeps of a request body only a keyed hash, so a copied database cannot test password guesses', async () => {
    const body = { username: 'clerk.hashed', password: 'Euphrates reed boat 31', role: 'officer', office: 'BGD' };
    const res = await request(h.app)
      .post('/v1/users')
      .set(auth(await h.token('admin')))
      .set('Idempotency-Key', 'admin-user-0001')
      .send(body);
    expect(res.status).toBe(201);
    const hashes = (await h.services.models.idempotency.find({}).lean()).map((r) => r.requestHash);
    expect(hashes).not.toContain(sha256Hex(canonicalJson(body)));
    expect(hashes).toContain(h.services.tokens.fingerprint(canonicalJson(body)));
  });
});
