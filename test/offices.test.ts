import { auth, request, startHarness, type Harness } from './support/harness';
import { birthDeclaration, enrolParents } from './support/fixtures';
import { contractChecker } from './support/contract';

let h: Harness;
let admin: string;
let expectContract: ReturnType<typeof contractChecker>;
beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  admin = await h.token('admin');
});
afterAll(() => h.close());

const password = 'Assyrian winged bull 2026';
const login = async (username: string) =>
  (await request(h.app).post('/v1/auth/login').send({ username, password })).body.accessToken as string;

describe('national registrars', () => {
  it('are created and given by an admin (POST and PATCH /v1/users), and act for every office', async () => {
    const created = await request(h.app)
      .post('/v1/users')
      .set(auth(admin))
      .send({ username: 'national.one', password, role: 'national-registrar', office: 'BGD' });
    expectContract(created);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'national-registrar', office: 'BGD' });

    const clerk = await request(h.app)
      .post('/v1/users')
      .set(auth(admin))
      .send({ username: 'registrar.erbil', password, role: 'registrar', office: 'ERB' });
    const changed = await request(h.app)
      .patch(`/v1/users/${clerk.body.id}`)
      .set(auth(admin))
      .send({ role: 'national-registrar' });
    expectContract(changed);
    expect(changed.body).toMatchObject({ role: 'national-registrar', office: 'ERB' });
    const listed = await request(h.app)
      .get('/v1/users')
      .query({ role: 'national-registrar', limit: 100 })
      .set(auth(admin));
    expect(listed.body.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'national.one',
      'registrar.erbil',
    ]);

    // Signed in as itself, the Erbil account registers a Baghdad declaration.
    const officer = await h.token('officer', 'BGD');
    const { mother, father } = await enrolParents(h.app, await h.token('registrar'));
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin));
    const registered = await request(h.app)
      .post(`/v1/records/${declared.body.id}/registration`)
      .set(auth(await login('registrar.erbil')));
    expect(registered.status).toBe(200);
    // The number is the record's office's, whoever registers it.
    expect(registered.body.registrationNumber).toMatch(/^BGD-\d{4}-B-\d{6}$/);
  });

  it('are bound by four eyes as registrars are: never their own declaration', async () => {
    const national = await h.token('national-registrar', 'BSR');
    const { mother, father } = await enrolParents(h.app, national);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(national))
      .send(birthDeclaration(mother.nin, father.nin));
    // A national registrar's declaration belongs to their own office, as anyone's does.
    expect(declared.body).toMatchObject({ status: 'declared', office: 'BSR' });
    const own = await request(h.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(national));
    expectContract(own);
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/Four eyes/);
    expect(
      (
        await request(h.app)
          .post(`/v1/records/${declared.body.id}/registration`)
          .set(auth(await h.token('national-registrar', 'BGD')))
      ).status,
    ).toBe(200);
  });
});

describe('the office of a record', () => {
  it("is the declaring user's office, and a registrar whose office changes loses the old one's records", async () => {
    const basraOfficer = await h.token('officer', 'BSR');
    const { mother, father } = await enrolParents(h.app, await h.token('registrar'));
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(basraOfficer))
      .send(birthDeclaration(mother.nin, father.nin));
    expect(declared.body.office).toBe('BSR');

    const user = await request(h.app)
      .post('/v1/users')
      .set(auth(admin))
      .send({ username: 'registrar.moving', password, role: 'registrar', office: 'BSR' });
    await request(h.app).patch(`/v1/users/${user.body.id}`).set(auth(admin)).send({ office: 'NJF' }).expect(200);
    const refused = await request(h.app)
      .post(`/v1/records/${declared.body.id}/registration`)
      .set(auth(await login('registrar.moving')));
    expectContract(refused);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'other-office',
      detail: expect.stringMatching(/belongs to office BSR; you are staff of NJF/),
    });
  });
});
