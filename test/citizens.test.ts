import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, enrolParents } from './support/fixtures';

let h: Harness;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;
beforeAll(async () => {
  h = await startHarness({ LOGIN_LOCK_AFTER_FAILURES: '4' });
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
});
afterAll(() => h.close());

const PASSWORD = 'Palm grove by the river 1958';
const activate = (nin: string, code: string, password = PASSWORD) =>
  request(h.app).post('/v1/citizens/activation').send({ nin, code, password });

describe('citizens', () => {
  it("activates with a one-time code, signs in with the NIN, and sees own and children's records", async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin));
    await request(h.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(registrar)).expect(200);
    await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin, { givenName: 'نور' }))
      .expect(201); // declared only

    const issued = await request(h.app).post(`/v1/persons/${mother.nin}/activation-code`).set(auth(officer));
    expectContract(issued);
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(JSON.stringify(await h.services.models.activationCodes.findById(mother.nin).lean())).not.toContain(
      issued.body.code,
    );

    const opened = await activate(mother.nin, issued.body.code.toLowerCase());
    expectContract(opened);
    expect(opened.body.username).toBe(mother.nin);
    expect((await activate(mother.nin, issued.body.code)).status).toBe(401); // one time only

    const login = await request(h.app).post('/v1/auth/login').send({ username: mother.nin, password: PASSWORD });
    const citizen = login.body.accessToken as string;
    const me = await request(h.app).get('/v1/me').set(auth(citizen));
    expectContract(me);
    expect(me.body.nin).toBe(mother.nin);
    const records = await request(h.app).get('/v1/me/records').set(auth(citizen));
    expectContract(records);
    expect(records.body.items.map((r: { id: string }) => r.id)).toEqual([declared.body.id]);
    expect(JSON.stringify(records.body)).not.toContain('declaredBy');
  });

  it('shows the citizen who read their data, when and through which route, newest first', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const citizen = await h.citizen(mother.nin);
    const auditor = await h.token('auditor');
    await request(h.app).get(`/v1/persons/${mother.nin}`).set(auth(officer)).expect(200);
    await request(h.app).get(`/v1/persons/${mother.nin}`).set(auth(auditor)).expect(200);
    await request(h.app).get('/v1/me').set(auth(citizen.token)).expect(200); // her own reads are not logged
    await h.services.accessLog.flush();
    const log = await request(h.app).get('/v1/me/access-log').set(auth(citizen.token));
    expectContract(log);
    expect(log.body.items.map((e: { actor: { role: string }; route: string }) => [e.actor.role, e.route])).toEqual([
      ['auditor', 'GET /v1/persons/{nin}'],
      ['officer', 'GET /v1/persons/{nin}'],
    ]);
    const page = await request(h.app).get('/v1/me/access-log').query({ limit: 1 }).set(auth(citizen.token));
    const next = await request(h.app)
      .get('/v1/me/access-log')
      .query({ limit: 1, cursor: page.body.nextCursor })
      .set(auth(citizen.token));
    expect(next.body.items[0].actor.role).toBe('officer');
  });

  it('counts wrong codes towards a lock, the same for a NIN with no code', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const issued = await request(h.app).post(`/v1/persons/${mother.nin}/activation-code`).set(auth(officer));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await activate(mother.nin, 'AAAA-AAAA'));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    const locked = await activate(mother.nin, issued.body.code);
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    // A NIN without any code gets the very same answer as a wrong code.
    const noCode = await activate(father.nin, 'AAAA-AAAA');
    expect(noCode.status).toBe(401);
    expect(noCode.body).toEqual(answers[0]?.body);
    expect(noCode.body.detail).toBe('The NIN and activation code do not match, or the code expired');
  }, 30_000);

  it('refuses a second account and a weak password', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const issued = await request(h.app).post(`/v1/persons/${mother.nin}/activation-code`).set(auth(officer));
    const weak = await activate(mother.nin, issued.body.code, 'password1234');
    expect(weak.status).toBe(422);
    await activate(mother.nin, issued.body.code).expect(201);
    const again = await request(h.app).post(`/v1/persons/${mother.nin}/activation-code`).set(auth(officer));
    expect(again.status).toBe(409);
  });
});
