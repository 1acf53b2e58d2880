import argon2 from 'argon2';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { createUser } from '../src/modules/users/commands';

let h: Harness;
let admin: string;
let expectContract: ReturnType<typeof contractChecker>;
const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 't' };
const PASSWORD = 'Qanat water clock 1258';
let n = 0;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  admin = await h.token('admin');
});
afterAll(() => h.close());

async function newUser(role: 'officer' | 'registrar' | 'admin' = 'officer') {
  const user = await createUser(h.services, SYSTEM, {
    username: `session.user.${++n}`,
    password: PASSWORD,
    role,
    office: 'BGD',
  });
  const login = await request(h.app).post('/v1/auth/login').send({ username: user.username, password: PASSWORD });
  expectContract(login);
  expect(login.status).toBe(200);
  return { user, ...(login.body as { accessToken: string; refreshToken: string }) };
}

const refresh = (refreshToken: string) => request(h.app).post('/v1/auth/refresh').send({ refreshToken });

describe('sessions', () => {
  it('rotates the refresh token on every use; the old one stops working', async () => {
    const s = await newUser();
    const first = await refresh(s.refreshToken);
    expectContract(first);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(s.refreshToken);
    expect(first.headers['cache-control']).toBe('no-store');
    const ok = await request(h.app).get('/v1/offices').set(auth(first.body.accessToken));
    expect(ok.status).toBe(200);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);
    expect((await refresh(first.body.refreshToken)).status).toBe(401);
  });

  it('revokes the whole family when a used refresh token comes back (theft)', async () => {
    const s = await newUser();
    const rotated = await refresh(s.refreshToken);
    const stolenReuse = await refresh(s.refreshToken);
    expect(stolenReuse.status).toBe(401);
    // The legitimate holder's newer token is revoked with the family.
    expect((await refresh(rotated.body.refreshToken)).status).toBe(401);
    // A fresh login starts a new family.
    const login = await request(h.app).post('/v1/auth/login').send({ username: s.user.username, password: PASSWORD });
    expect((await refresh(login.body.refreshToken)).status).toBe(200);
  });

  it('keeps a browser session’s refresh token in an HttpOnly, Secure, SameSite=Strict cookie the page cannot read', async () => {
    const user = await createUser(h.services, SYSTEM, {
      username: `session.user.${++n}`,
      password: PASSWORD,
      role: 'officer',
      office: 'BGD',
    });
    const login = await request(h.app)
      .post('/v1/auth/login')
      .send({ username: user.username, password: PASSWORD, refreshTokenIn: 'cookie' });
    expectContract(login);
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: expect.any(Number) });
    const cookieOf = (res: { headers: Record<string, unknown> }) => {
      const set = res.headers['set-cookie'] as string[] | undefined;
      expect(set).toHaveLength(1);
      return set![0]!;
    };
    const first = cookieOf(login);
    expect(first).toMatch(
      /^registry_refresh=rt_[\w-]{43}; Max-Age=\d+; Path=\/v1\/auth; HttpOnly; Secure; SameSite=Strict$/,
    );
    const sent = first.split(';')[0]!;

    // Refresh with the cookie alone ({} as the body): a new pair, the new refresh token in a new cookie.
    const refreshed = await request(h.app).post('/v1/auth/refresh').set('Cookie', sent).send({});
    expectContract(refreshed);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const next = cookieOf(refreshed).split(';')[0]!;
    expect(next).not.toBe(sent);
    expect((await request(h.app).get('/v1/offices').set(auth(refreshed.body.accessToken))).status).toBe(200);
    // The old cookie comes back (stolen): refused, and the family with it.
    const reused = await request(h.app).post('/v1/auth/refresh').set('Cookie', sent).send({});
    expect(reused.status).toBe(401);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await request(h.app).post('/v1/auth/refresh').set('Cookie', next).send({})).status).toBe(401);

    // A new session; sign-out takes the token from the cookie and clears the cookie.
    const again = await request(h.app)
      .post('/v1/auth/login')
      .send({ username: user.username, password: PASSWORD, refreshTokenIn: 'cookie' });
    const cookie = cookieOf(again).split(';')[0]!;
    const out = await request(h.app)
      .post('/v1/auth/logout')
      .set(auth(again.body.accessToken))
      .set('Cookie', cookie)
      .send({});
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/^registry_refresh=; Max-Age=0; Path=\/v1\/auth; HttpOnly; Secure; SameSite=Strict$/);
    expect((await request(h.app).post('/v1/auth/refresh').set('Cookie', cookie).send({})).status).toBe(401);
  });

  it('refuses a refresh that names no token (400), or a cookie that holds none of ours (401)', async () => {
    for (const [cookie, status] of [
      [undefined, 400],
      ['registry_refresh=', 400],
      ['other=rt_x', 400],
      ['registry_refresh=nonsense', 401],
      [`registry_refresh=rt_${'A'.repeat(43)}`, 401],
    ] as const) {
      const req = request(h.app).post('/v1/auth/refresh');
      const res = await (cookie ? req.set('Cookie', cookie) : req).send({});
      expect({ cookie, status: res.status, type: res.headers['content-type'] }).toEqual({
        cookie,
        status,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
    const badWhere = await request(h.app)
      .post('/v1/auth/login')
      .send({ username: 'x', password: 'y', refreshTokenIn: 'jar' });
    expect(badWhere.status).toBe(400);
  });

  it('logs out: the refresh token stops working', async () => {
    const s = await newUser();
    const out = await request(h.app)
      .post('/v1/auth/logout')
      .set(auth(s.accessToken))
      .send({ refreshToken: s.refreshToken });
    expectContract(out);
    expect(out.status).toBe(204);
    expect((await refresh(s.refreshToken)).status).toBe(401);
  });

  it('locks out a disabled user at once, access and refresh alike', async () => {
    const s = await newUser();
    expect((await request(h.app).get('/v1/offices').set(auth(s.accessToken))).status).toBe(200);
    const patch = await request(h.app).patch(`/v1/users/${s.user._id}`).set(auth(admin)).send({ disabled: true });
    expectContract(patch);
    expect(patch.body.disabled).toBe(true);
    expect((await request(h.app).get('/v1/offices').set(auth(s.accessToken))).status).toBe(401);
    expect((await refresh(s.refreshToken)).status).toBe(401);
    expect(
      (await request(h.app).post('/v1/auth/login').send({ username: s.user.username, password: PASSWORD })).status,
    ).toBe(401);
  });

  it('refuses the old token of a user whose role changed', async () => {
    const s = await newUser('officer');
    await request(h.app).patch(`/v1/users/${s.user._id}`).set(auth(admin)).send({ role: 'auditor' }).expect(200);
    expect((await request(h.app).get('/v1/offices').set(auth(s.accessToken))).status).toBe(401);
    const login = await request(h.app).post('/v1/auth/login').send({ username: s.user.username, password: PASSWORD });
    expect((await request(h.app).get('/v1/audit').set(auth(login.body.accessToken))).status).toBe(200);
  });

  it('rehashes a password on login when the argon2 parameters were raised', async () => {
    const s = await newUser();
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await h.services.models.secrets.updateOne({ _id: s.user.secretId }, { $set: { hash: weak } });
    await request(h.app).post('/v1/auth/login').send({ username: s.user.username, password: PASSWORD }).expect(200);
    const stored = (await h.services.models.secrets.findById(s.user.secretId).lean())!.hash;
    expect(stored).not.toBe(weak);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('logs out: the access tokens of the session stop working at once, other sessions go on', async () => {
    const first = await newUser();
    const other = await request(h.app)
      .post('/v1/auth/login')
      .send({ username: first.user.username, password: PASSWORD });
    expect((await request(h.app).get('/v1/offices').set(auth(first.accessToken))).status).toBe(200);
    await request(h.app)
      .post('/v1/auth/logout')
      .set(auth(first.accessToken))
      .send({ refreshToken: first.refreshToken })
      .expect(204);
    const after = await request(h.app).get('/v1/offices').set(auth(first.accessToken));
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('session-ended');
    // A token refreshed from the ended session is refused too; the other sign-in is untouched.
    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect(
      (
        await request(h.app)
          .get('/v1/offices')
          .set(auth(other.body.accessToken as string))
      ).status,
    ).toBe(200);
  });

  it('says what is wrong with a refused token: expired, malformed, another scheme, or not ours', async () => {
    const { user } = await newUser();
    const expired = h.services.tokens.issueAccess({ id: user._id, role: user.role, office: user.office }, -10);
    const cases: [string, string, RegExp][] = [
      [`Bearer ${expired}`, 'token-expired', /expired.*refresh/i],
      ['Bearer not-a-token', 'token-malformed', /not a token/i],
      [expired, 'token-scheme', /Authorization: Bearer/],
      [`Bearer ${expired.slice(0, -4)}AAAA`, 'token-invalid', /not issued by this registry or was altered/],
    ];
    for (const [header, code, detail] of cases) {
      const res = await request(h.app).get('/v1/offices').set('Authorization', header);
      expect([res.status, res.body.code]).toEqual([401, code]);
      expect(res.body.detail).toMatch(detail);
      expect(res.headers['www-authenticate']).toContain('invalid_token');
    }
  });
});
