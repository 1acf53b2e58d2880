import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { enrol, motherName } from './support/fixtures';
import { randomNin } from '../src/modules/common/nin';

let h: Harness;
let admin: string;
let expectContract: ReturnType<typeof contractChecker>;
beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  admin = await h.token('admin');
});
afterAll(() => h.close());

async function newClient(scopes = ['identity:verify', 'feed:read']) {
  const res = await request(h.app).post('/v1/clients').set(auth(admin)).send({ name: 'Baghdad Medical City', scopes });
  expectContract(res);
  expect(res.status).toBe(201);
  return res.body as { clientId: string; clientSecret: string };
}

const token = () => request(h.app).post('/v1/auth/token');
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('sectoral clients and the client credentials grant', () => {
  it('shows the secret once and stores only its argon2id hash', async () => {
    const c = await newClient();
    const stored = await h.services.models.clients.findById(c.clientId).lean();
    const secret = await h.services.models.secrets.findById(stored!.secretId).lean();
    expect(secret!.hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(c.clientSecret);
    // The journal names the hash by its id, and holds neither the secret nor its hash.
    const entry = await h.services.journal.entries.findOne({ type: 'client.created', entityIds: c.clientId });
    expect(entry!.data).toMatchObject({ secretId: stored!.secretId });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|cs_/);
    const list = await request(h.app).get('/v1/clients').set(auth(admin));
    expect(JSON.stringify(list.body)).not.toContain(c.clientSecret);
    expect(JSON.stringify(list.body)).not.toContain('argon2');
  });

  it('issues tokens for form-encoded and JSON bodies and for HTTP Basic, narrowing scopes', async () => {
    const c = await newClient();
    const form = await token()
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret });
    expectContract(form);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      token_type: 'Bearer',
      scope: 'identity:verify feed:read',
      expires_in: expect.any(Number),
    });
    expect(form.headers['cache-control']).toBe('no-store');
    const json = await token().send({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      scope: 'feed:read',
    });
    expect(json.body.scope).toBe('feed:read');
    const viaBasic = await token()
      .set('Authorization', basic(c.clientId, c.clientSecret))
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'identity:verify' });
    expect(viaBasic.status).toBe(200);
    const verify = await request(h.app)
      .post('/v1/identity/verification')
      .set(auth(viaBasic.body.access_token))
      .send({ nin: randomNin(), dateOfBirth: '1990-01-01' });
    expect(verify.body).toEqual({ match: false, fields: { dateOfBirth: false }, alive: null });
    // A token narrowed to feed:read does not reach identity verification.
    expect(
      (
        await request(h.app)
          .post('/v1/identity/verification')
          .set(auth(json.body.access_token))
          .send({ nin: randomNin() })
      ).status,
    ).toBe(403);
  });

  it.each([
    ['no grant_type', {}, 400, 'invalid_request'],
    ['another grant type', { grant_type: 'password' }, 400, 'unsupported_grant_type'],
    ['a scope not granted', { grant_type: 'client_credentials', scope: 'notifications:write' }, 400, 'invalid_scope'],
    ['an unknown scope', { grant_type: 'client_credentials', scope: 'admin' }, 400, 'invalid_scope'],
    ['a wrong secret', { grant_type: 'client_credentials', client_secret: 'cs_wrong' }, 401, 'invalid_client'],
  ])('answers %s in RFC 6749 form', async (_label, params, status, error) => {
    const c = await newClient();
    const res = await token()
      .type('form')
      .send({ client_id: c.clientId, client_secret: c.clientSecret, ...params });
    expectContract(res);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, error_description: expect.any(String) });
  });

  it('challenges a failed HTTP Basic authentication and refuses two ways at once', async () => {
    const c = await newClient();
    const bad = await token()
      .set('Authorization', basic(c.clientId, 'cs_nope'))
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toMatch(/^Basic/);
    const both = await token()
      .set('Authorization', basic(c.clientId, c.clientSecret))
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: c.clientId });
    expect(both.body.error).toBe('invalid_request');
  });

  it('rotates a secret (the old one stops working) and disables a client (its tokens stop working)', async () => {
    const c = await newClient(['identity:verify']);
    const before = await token().send({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
    });
    const rotated = await request(h.app).post(`/v1/clients/${c.clientId}/secret`).set(auth(admin));
    expectContract(rotated);
    expect(
      (await token().send({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret }))
        .status,
    ).toBe(401);
    expect(
      (
        await token().send({
          grant_type: 'client_credentials',
          client_id: c.clientId,
          client_secret: rotated.body.clientSecret,
        })
      ).status,
    ).toBe(200);

    const registrar = await h.token('registrar');
    const person = await enrol(h.app, registrar, {
      name: motherName,
      sex: 'female',
      dateOfBirth: '1995-04-02',
      placeOfBirth: { governorate: 'IQ-BG' },
    });
    const ask = () =>
      request(h.app)
        .post('/v1/identity/verification')
        .set(auth(before.body.access_token))
        .send({ nin: person.nin, givenName: 'فاطمه' });
    expect((await ask()).status).toBe(200);
    await request(h.app).patch(`/v1/clients/${c.clientId}`).set(auth(admin)).send({ disabled: true }).expect(200);
    expect((await ask()).status).toBe(401);
  });
});

describe('identity verification', () => {
  it('says only whether the details match and whether the person is alive', async () => {
    const registrar = await h.token('registrar');
    const person = await enrol(h.app, registrar, {
      name: motherName,
      sex: 'female',
      dateOfBirth: '1995-04-02',
      placeOfBirth: { governorate: 'IQ-BG' },
    });
    const client = await h.clientToken(['identity:verify']);
    const res = await request(h.app)
      .post('/v1/identity/verification')
      .set(auth(client))
      .send({ nin: person.nin, givenName: 'فاطمه', familyName: 'الجبوري', dateOfBirth: '1995-04-03', sex: 'female' });
    expectContract(res);
    expect(res.body).toEqual({
      match: false,
      fields: { givenName: true, familyName: true, dateOfBirth: false, sex: true },
      alive: null,
    });
    const right = await request(h.app)
      .post('/v1/identity/verification')
      .set(auth(client))
      .send({ nin: person.nin, dateOfBirth: '1995-04-02' });
    expect(right.body).toEqual({ match: true, fields: { dateOfBirth: true }, alive: true });
  });
});
