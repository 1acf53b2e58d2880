import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { jwtClaims } from './support/checked';

let h: Harness;
let admin: string;
let expectContract: ReturnType<typeof contractChecker>;
beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  admin = await h.token('admin');
});
afterAll(() => h.close());

const create = (body: Record<string, unknown>) => request(h.app).post('/v1/users').set(auth(admin)).send(body);

describe('accounts', () => {
  it('refuses short, common and username-based passwords', async () => {
    for (const [password, why] of [
      ['short pass', /at least 12/],
      ['password1234', /most common/],
      ['qwertyuiop123', /most common/],
      ['clerk.basra.2026!', /username/],
    ] as const) {
      const res = await create({ username: 'clerk.basra', password, role: 'officer', office: 'BSR' });
      expect({ password, status: res.status }).toEqual({ password, status: password.length < 12 ? 400 : 422 });
      expect(res.body.detail ?? JSON.stringify(res.body.errors)).toMatch(why);
    }
    expect(
      (await create({ username: 'clerk.basra', password: 'Shatt al-Arab at noon', role: 'officer', office: 'BSR' }))
        .status,
    ).toBe(201);
  });

  it('lists accounts and journals every change with the acting admin', async () => {
    const user = await create({
      username: 'clerk.najaf',
      password: 'Shatt al-Arab at noon',
      role: 'officer',
      office: 'NJF',
    });
    const list = await request(h.app).get('/v1/users').query({ role: 'officer', limit: 100 }).set(auth(admin));
    expectContract(list);
    expect(list.body.items.map((u: { username: string }) => u.username)).toContain('clerk.najaf');
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/);
    // Created through the journal: the entry names the password's hash by id and holds neither.
    const created = await h.services.journal.entries.findOne({ type: 'user.created', entityIds: user.body.id });
    expect(created!.data).toMatchObject({ username: 'clerk.najaf', secretId: expect.stringMatching(/^s_/) });
    expect(JSON.stringify(created)).not.toMatch(/argon2|Shatt/);

    const changed = await request(h.app)
      .patch(`/v1/users/${user.body.id}`)
      .set(auth(admin))
      .send({ office: 'KRB', role: 'registrar' });
    expect(changed.body).toMatchObject({ office: 'KRB', role: 'registrar' });
    const audit = await request(h.app).get('/v1/audit').query({ limit: 500 }).set(auth(admin));
    const entry = audit.body.items.find(
      (e: { type: string; entityIds: string[] }) => e.type === 'user.changed' && e.entityIds.includes(user.body.id),
    );
    expect(entry.actor).toMatchObject({ role: 'admin' });
    expect(entry.data.changes).toEqual(
      expect.arrayContaining([
        { path: 'office', before: 'NJF', after: 'KRB' },
        { path: 'role', before: 'officer', after: 'registrar' },
      ]),
    );
  });

  it('never disables or demotes the last active admin', async () => {
    const admins = await request(h.app).get('/v1/users').query({ role: 'admin' }).set(auth(admin));
    expect(admins.body.items).toHaveLength(1);
    const self = admins.body.items[0].id;
    const demote = await request(h.app).patch(`/v1/users/${self}`).set(auth(admin)).send({ role: 'auditor' });
    expectContract(demote);
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last-admin');
    expect((await request(h.app).patch(`/v1/users/${self}`).set(auth(admin)).send({ disabled: true })).status).toBe(
      409,
    );
    // With a second admin, the first may step down.
    await h.token('admin');
    expect((await request(h.app).patch(`/v1/users/${self}`).set(auth(admin)).send({ role: 'auditor' })).status).toBe(
      200,
    );
  });

  it('lets nobody change their own role or office except through an admin', async () => {
    const officer = await h.token('officer');
    const me = (jwtClaims(officer) as { sub: string }).sub;
    expect((await request(h.app).patch(`/v1/users/${me}`).set(auth(officer)).send({ role: 'admin' })).status).toBe(403);
    expect(
      (
        await request(h.app)
          .post('/v1/users')
          .set(auth(officer))
          .send({ username: 'x.y.z', password: 'Shatt al-Arab at noon', role: 'admin', office: 'BGD' })
      ).status,
    ).toBe(403);
    const otherAdmin = await h.token('admin');
    const smuggled = await request(h.app)
      .patch(`/v1/users/${me}`)
      .set(auth(otherAdmin))
      .send({ passwordHash: 'x', username: 'root' });
    expect(smuggled.status).toBe(400);
  });
});
