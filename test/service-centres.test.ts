import { auth, request, startHarness, TEST_CENTRE, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, registeredBirth } from './support/fixtures';

/**
 * Community service centres (post offices, youth centres): their service clerks serve the citizen
 * at the counter (look-up by NIN, certificates, activation codes) and never keep the register.
 */
let h: Harness;
let expectContract: ReturnType<typeof contractChecker>;
let admin: string;
let officer: string;
let registrar: string;
let clerk: string;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  [admin, officer, registrar] = [await h.token('admin'), await h.token('officer'), await h.token('registrar')];
  clerk = await h.token('service-clerk');
});
afterAll(() => h.close());

const as = (token: string) => ({
  get: (path: string) => request(h.app).get(path).set(auth(token)),
  post: (path: string, body: object = {}) => request(h.app).post(path).set(auth(token)).send(body),
});

describe('community service centres', () => {
  it('are offices of their own type, staffed by service clerks only', async () => {
    const made = await as(admin).post('/v1/offices', {
      code: 'SYC',
      name: 'Sulaymaniyah youth centre service counter',
      governorate: 'IQ-SU',
      type: 'community-service-centre',
    });
    expectContract(made);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ code: 'SYC', type: 'community-service-centre', builtIn: false });
    const offices = await as(admin).get('/v1/offices');
    const typeOf = (code: string) => offices.body.items.find((o: { code: string }) => o.code === code)?.type;
    expect([typeOf('SYC'), typeOf(TEST_CENTRE), typeOf('BGD')]).toEqual([
      'community-service-centre',
      'community-service-centre',
      'civil-status-office',
    ]);
    const plain = await as(admin).post('/v1/offices', { code: 'KRX', name: 'Karkh extension', governorate: 'IQ-BG' });
    expect(plain.body.type).toBe('civil-status-office');
    expect(
      (await as(admin).post('/v1/offices', { code: 'KRY', name: 'x office', governorate: 'IQ-BG', type: 'kiosk' }))
        .status,
    ).toBe(400);

    const user = (role: string, office: string) =>
      as(admin).post('/v1/users', {
        username: `u.${role}.${office}`.toLowerCase(),
        password: 'a long test password',
        role,
        office,
      });
    const clerkThere = await user('service-clerk', 'SYC');
    expect([clerkThere.status, clerkThere.body.role]).toEqual([201, 'service-clerk']);
    for (const [role, office] of [
      ['service-clerk', 'BGD'],
      ['officer', 'SYC'],
      ['registrar', 'SYC'],
    ]) {
      const refused = await user(role!, office!);
      expectContract(refused);
      expect([role, office, refused.status, refused.body.code]).toEqual([role, office, 422, 'role-not-at-office']);
    }
    // Nor by a change: a clerk moved to an office, an officer made a clerk where they are.
    const moved = await request(h.app)
      .patch(`/v1/users/${clerkThere.body.id}`)
      .set(auth(admin))
      .send({ office: 'BGD' });
    expect([moved.status, moved.body.code]).toEqual([422, 'role-not-at-office']);
    const officerUser = await user('officer', 'BGD');
    const rerole = await request(h.app)
      .patch(`/v1/users/${officerUser.body.id}`)
      .set(auth(admin))
      .send({ role: 'service-clerk' });
    expect([rerole.status, rerole.body.code]).toEqual([422, 'role-not-at-office']);
    const both = await request(h.app)
      .patch(`/v1/users/${officerUser.body.id}`)
      .set(auth(admin))
      .send({ role: 'service-clerk', office: 'SYC' });
    expect([both.status, both.body.role, both.body.office]).toEqual([200, 'service-clerk', 'SYC']);
  });

  it('lets a clerk look a citizen up by NIN, issue and print a certificate, and hand out a code; nothing else', async () => {
    const { record, mother } = await registeredBirth(h.app, officer, registrar);
    const person = await as(clerk).get(`/v1/persons/${mother}`);
    expectContract(person);
    expect(person.status).toBe(200);
    const issued = await as(clerk).post('/v1/certificates', { recordId: record.id });
    expectContract(issued);
    expect(issued.status).toBe(201);
    const pdf = await as(clerk).get(`/v1/certificates/${issued.body.id}/pdf`);
    expect([pdf.status, pdf.type]).toEqual([200, 'application/pdf']);
    const code = await as(clerk).post(`/v1/persons/${mother}/activation-code`);
    expect(code.status).toBe(201);

    // Never the register's work: no search, declaration, registration, correction, list or queue.
    const refused = [
      await as(clerk).get('/v1/persons?q=زينب'),
      await as(clerk).post('/v1/births', birthDeclaration(mother)),
      await as(clerk).post(`/v1/records/${record.id}/registration`),
      await as(clerk).post(`/v1/records/${record.id}/voiding`, { reason: 'no' }),
      await as(clerk).get(`/v1/records/${record.id}`),
      await as(clerk).get('/v1/workqueues'),
      await as(clerk).get('/v1/records'),
      await as(clerk).post('/v1/persons', {}),
    ].map((r) => r.status);
    expect(refused).toEqual(refused.map(() => 403));

    // The citizen sees the centre, by name, among who read their data.
    await h.services.accessLog.flush();
    const citizen = await h.citizen(mother);
    const log = await as(citizen.token).get('/v1/me/access-log');
    expect(log.status).toBe(200);
    const byClerk = log.body.items.filter((e: { actor: { role: string } }) => e.actor.role === 'service-clerk');
    expect(byClerk.length).toBeGreaterThan(0);
    expect(byClerk[0].actor).toMatchObject({ office: TEST_CENTRE, officeName: 'Karkh post office service centre' });
  });
});
