import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { auth, request, startHarness, type Harness } from './support/harness';
import { createUser } from '../src/modules/users/commands';
import { jwtParts } from './support/checked';

let h: Harness;
const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 't' };
const PASSWORD = 'Qanat water clock 1258';

beforeAll(async () => {
  h = await startHarness({ LOGIN_LOCK_AFTER_FAILURES: '4', LOGIN_LOCK_ADDRESS_AFTER_FAILURES: '12' });
  await createUser(h.services, SYSTEM, { username: 'known.user', password: PASSWORD, role: 'officer', office: 'BGD' });
});
afterAll(() => h.close());

const login = (username: unknown, password: unknown, ip = '10.0.0.1') =>
  request(h.app).post('/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });

describe('attacks that must fail', () => {
  it('refuses alg none, HS256 signed with the public key, a changed payload and an expired token', async () => {
    const token = await h.token('registrar');
    const [header, payload, signature] = jwtParts(token);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    // The public key is what an attacker can have: try it as an HMAC secret (algorithm confusion).
    const publicPem = (
      h.services.tokens as unknown as { key: { publicKey: { export(o: object): string } } }
    ).key.publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const confused = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, role: 'admin' })}`;
    const confusedSig = createHmac('sha256', publicPem).update(confused).digest('base64url');
    const forged = [
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, role: 'admin' })}.`,
      `${confused}.${confusedSig}`,
      `${header}.${b64({ ...claims, role: 'admin' })}.${signature}`,
      h.services.tokens.issueAccess({ id: claims.sub, role: 'registrar', office: 'BGD' }, -1),
      jwt.sign({ ...claims, role: 'admin' }, 'secret'),
    ];
    for (const t of forged) expect((await request(h.app).get('/v1/users').set(auth(t))).status).toBe(401);
  });

  it('refuses NoSQL operators in login and query parameters', async () => {
    expect((await login({ $ne: '' }, { $ne: '' })).status).toBe(400);
    expect((await login('known.user', { $gt: '' })).status).toBe(400);
    const officer = await h.token('officer');
    expect((await request(h.app).get('/v1/persons?q[$regex]=.*').set(auth(officer))).status).toBe(400);
    expect(
      (
        await request(h.app)
          .get('/v1/users?role[$ne]=admin')
          .set(auth(await h.token('admin')))
      ).status,
    ).toBe(400);
  });

  it('refuses oversized and deeply nested JSON with a 4xx, not a crash', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const res = await request(h.app).post('/v1/auth/login').set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const big = await request(h.app)
      .post('/v1/auth/login')
      .send({ username: 'x', password: 'y'.repeat(300_000) });
    expect(big.status).toBe(413);
  });

  it('slows down and then locks an account, the same way for a username that does not exist', async () => {
    const statuses = async (username: string, ip: string) => {
      const seen = [];
      for (let i = 0; i < 5; i++) {
        const res = await login(username, 'wrong password here', ip);
        seen.push([res.status, res.body.detail]);
      }
      return seen;
    };
    const known = await statuses('known.user', '10.0.0.2');
    const unknown = await statuses('nobody.at.all', '10.0.0.3');
    expect(known.map(([s]) => s)).toEqual([401, 401, 401, 401, 429]);
    expect(unknown.map(([s]) => s)).toEqual(known.map(([s]) => s));
    expect(unknown.map(([, d]) => d)).toEqual(known.map(([, d]) => d));
    // Locked: even the right password is refused for now.
    expect((await login('known.user', PASSWORD, '10.0.0.4')).status).toBe(429);
  }, 60_000);

  it('locks an address that tries many accounts', async () => {
    const seen = [];
    for (let i = 0; i < 13; i++) seen.push((await login(`spray.${i}`, 'wrong password here', '10.0.0.9')).status);
    expect(seen.slice(0, 12)).toEqual(Array(12).fill(401));
    expect(seen[12]).toBe(429);
    // Another address is not affected.
    await createUser(h.services, SYSTEM, {
      username: 'second.user',
      password: PASSWORD,
      role: 'officer',
      office: 'BGD',
    });
    expect((await login('second.user', PASSWORD, '10.0.0.10')).status).toBe(200);
    expect((await login('second.user', PASSWORD, '10.0.0.9')).status).toBe(429);
  }, 60_000);

  it('limits requests per minute to sign-in routes per address and to identity verification per client', async () => {
    const limited = await startHarness({ RATE_LIMIT_SIGN_IN_PER_MINUTE: '3', RATE_LIMIT_IDENTITY_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await request(limited.app)
              .post('/v1/auth/login')
              .set('X-Forwarded-For', '10.1.1.1')
              .send({ username: `x${i}`, password: 'wrong password here' })
          ).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
      const client = await limited.clientToken(['identity:verify']);
      const ask = () =>
        request(limited.app)
          .post('/v1/identity/verification')
          .set(auth(client))
          .send({ nin: '100000000004', givenName: 'Ali' });
      expect([(await ask()).status, (await ask()).status]).toEqual([200, 200]);
      const third = await ask();
      expect(third.status).toBe(429);
      expect(third.headers['content-type']).toContain('application/problem+json');
      expect(third.headers.ratelimit).toBeDefined();
    } finally {
      await limited.close();
    }
  });

  it("puts helmet's headers on every answer, errors included", async () => {
    for (const res of [
      await request(h.app).get('/health/live'),
      await login({ $ne: 1 }, 'x'),
      await request(h.app).get('/nowhere'),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toBeDefined();
    }
  });
});
