import { auth, request, startHarness, type Harness } from './support/harness';
import { birthDeclaration, enrolParents } from './support/fixtures';

const lines: string[] = [];
let h: Harness;
beforeAll(async () => {
  h = await startHarness(
    {},
    {
      write: (line) => {
        lines.push(line);
      },
    },
  );
});
afterAll(() => h.close());

describe('logs', () => {
  it('are JSON lines with a request id and the route pattern, and hold no personal data or secrets', async () => {
    const registrar = await h.token('registrar');
    const officer = await h.token('officer');
    const { mother, father } = await enrolParents(h.app, registrar);
    await request(h.app)
      .get(`/v1/persons/${mother.nin}`)
      .set(auth(officer))
      .set('X-Request-Id', 'trace-abc-12345')
      .expect(200);
    await request(h.app).get('/v1/persons').query({ q: 'فاطمة الجبوري' }).set(auth(officer)).expect(200);
    await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin))
      .expect(201);
    await request(h.app)
      .post('/v1/auth/login')
      .send({ username: 'someone', password: 'a secret password' })
      .expect(401);

    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const read = entries.find((e) => e.requestId === 'trace-abc-12345');
    expect(read).toMatchObject({ msg: 'request', method: 'GET', route: '/v1/persons/:nin', status: 200 });
    expect(entries.filter((e) => e.msg === 'request').every((e) => typeof e.requestId === 'string')).toBe(true);
    const all = lines.join('\n');
    for (const secret of [mother.nin, father.nin, 'فاطمة', 'الجبوري', 'a secret password', registrar.split('.')[2]]) {
      expect(all).not.toContain(secret);
    }
  });

  it("log the rule behind a client's refusal, which the client is told only as registry-mismatch", async () => {
    const hospital = await h.clientToken(['notifications:write']);
    const { father } = await enrolParents(h.app, await h.token('registrar'));
    const res = await request(h.app)
      .post('/v1/notifications/deaths')
      .set(auth(hospital))
      .set('X-Request-Id', 'trace-rule-12345')
      .send({
        notificationId: 'L-1',
        facility: { name: 'Basra Teaching Hospital', governorate: 'IQ-BA' },
        deceased: { nin: father.nin },
        dateOfDeath: '1975-06-15',
        causeOfDeath: { icd10: 'I21.9' },
        certifier: { type: 'physician', name: 'Dr. Huda Salim' },
      });
    expect(res.body.code).toBe('registry-mismatch');
    const line = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((e) => e.requestId === 'trace-rule-12345');
    expect(line).toMatchObject({ status: 422, rule: 'before-birth' });
  });
});
