import { auth, request, startHarness, type Harness } from './support/harness';
import { birthDeclaration, enrolParents } from './support/fixtures';
import { must } from './support/checked';

let h: Harness;
type Role = 'admin' | 'officer' | 'registrar';
let tokens: Record<Role, string>;
let recordId: string;
let motherNin: string;

beforeAll(async () => {
  h = await startHarness();
  tokens = { admin: await h.token('admin'), officer: await h.token('officer'), registrar: await h.token('registrar') };
  const { mother, father } = await enrolParents(h.app, tokens.registrar);
  motherNin = mother.nin;
  const declared = await request(h.app)
    .post('/v1/births')
    .set(auth(tokens.officer))
    .send(birthDeclaration(mother.nin, father.nin));
  recordId = declared.body.id;
});
afterAll(() => h.close());

const person = {
  name: { givenName: 'علي', fatherName: 'حسن', grandfatherName: 'جعفر' },
  sex: 'male',
  dateOfBirth: '1970-02-02',
  placeOfBirth: { governorate: 'IQ-KA' },
};

type Body = Record<string, unknown>;

/** Every write route, with a valid body and the role that may send it. */
const writeRoutes = (): { path: string; role: Role | undefined; body: Body | undefined; ifMatch?: string }[] => [
  { path: '/v1/auth/login', role: undefined, body: { username: 'nobody', password: 'wrong password' } },
  {
    path: '/v1/users',
    role: 'admin',
    body: { username: 'new.user', password: 'a long enough password', role: 'officer', office: 'BGD' },
  },
  { path: '/v1/offices', role: 'admin', body: { code: 'ZZZ', name: 'Test office', governorate: 'IQ-BG' } },
  { path: '/v1/persons', role: 'registrar', body: person },
  { path: '/v1/births', role: 'officer', body: birthDeclaration(motherNin) },
  { path: `/v1/records/${recordId}/rejection`, role: 'registrar', body: { reason: 'Testing bad input' } },
  { path: `/v1/records/${recordId}/voiding`, role: 'registrar', body: { reason: 'Testing bad input' } },
  {
    path: `/v1/records/${recordId}/corrections`,
    role: 'registrar',
    body: { changes: { child: { givenName: 'نور' } }, reason: 'Testing bad input' },
    ifMatch: '"1"',
  },
  { path: `/v1/records/${recordId}/registration`, role: 'registrar', body: undefined },
];

const firstKey = (b: Body) => must(Object.keys(b)[0], 'a field of the valid body');

/** Each bad input, with the status it must get. */
const badInputs: [string, (b: Body | undefined) => { raw?: string; json?: unknown }, number][] = [
  ['malformed JSON', () => ({ raw: '{"reason": "unterminated' }), 400],
  ['an unknown field', (b) => ({ json: { ...(b ?? {}), isAdmin: true } }), 400],
  ['a wrong type', (b) => ({ json: b ? { ...b, [firstKey(b)]: 12345 } : { x: 1 } }), 400],
  [
    'an operator instead of a value',
    (b) => ({ json: b ? { ...b, [firstKey(b)]: { $gt: '' } } : { $where: '1' } }),
    400,
  ],
  ['an array instead of an object', (b) => ({ json: [b ?? {}] }), 400],
  ['a body over the size limit', (b) => ({ json: { ...(b ?? {}), padding: 'x'.repeat(200_000) } }), 413],
];

describe('bad input is a clear 4xx problem and changes nothing', () => {
  for (const [label, mutate, status] of badInputs) {
    it(`answers ${status} to ${label} on every write route`, async () => {
      for (const route of writeRoutes()) {
        const before = await h.services.journal.entries.countDocuments();
        const bad = mutate(route.body);
        let req = request(h.app).post(route.path).set('Content-Type', 'application/json');
        if (route.role) req = req.set(auth(tokens[route.role]));
        if (route.ifMatch) req = req.set('If-Match', route.ifMatch);
        const res = await req.send(bad.raw ?? JSON.stringify(bad.json));
        expect({ route: route.path, status: res.status }).toEqual({ route: route.path, status });
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
        expect(await h.services.journal.entries.countDocuments()).toBe(before);
      }
    });
  }

  it('refuses a NIN with a wrong check digit wherever a NIN is accepted', async () => {
    const wrong = motherNin.slice(0, 11) + String((Number(motherNin.at(-1)) + 3) % 10);
    const birth = await request(h.app).post('/v1/births').set(auth(tokens.officer)).send(birthDeclaration(wrong));
    expect(birth.status).toBe(400);
    expect(birth.body.errors.map((e: { path: string }) => e.path)).toContain('body.mother.nin');
    expect((await request(h.app).get(`/v1/persons/${wrong}`).set(auth(tokens.officer))).status).toBe(400);
  });

  it('refuses an invalid record id', async () => {
    for (const id of ['abc', 'r_short', '../../etc', 'r_AAAAAAAAAAAAAAAAAAAAAA$']) {
      const res = await request(h.app)
        .get(`/v1/records/${encodeURIComponent(id)}`)
        .set(auth(tokens.officer));
      expect({ id, status: res.status }).toEqual({ id, status: 400 });
    }
  });

  it('refuses operators and unknown parameters in query strings', async () => {
    const officer = auth(tokens.officer);
    for (const query of [
      'q[$gt]=',
      'q=%D8%B9%D9%84%D9%8A&q=x',
      'dateOfBirth[$ne]=1',
      'q=ali&sort=name',
      'limit=100000&q=ali',
    ]) {
      const res = await request(h.app).get(`/v1/persons?${query}`).set(officer);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
    const audit = await request(h.app)
      .get('/v1/audit?actor[$ne]=x')
      .set(auth(await h.token('auditor')));
    expect(audit.status).toBe(400);
  });

  it('refuses a date that does not exist', async () => {
    const res = await request(h.app)
      .post('/v1/persons')
      .set(auth(tokens.registrar))
      .send({ ...person, dateOfBirth: '1970-02-30' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ path: 'body.dateOfBirth', message: 'is not a real calendar date' });
  });

  it('answers a form-encoded body on a JSON route with 415, saying to send JSON', async () => {
    const res = await request(h.app).post('/v1/persons').set(auth(tokens.registrar)).type('form').send({ sex: 'male' });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported-media-type');
    expect(res.body.detail).toMatch(/application\/json/);
  });

  it('says a missing field "is required" and suggests the field an unknown key is close to', async () => {
    const { dateOfBirth: _dob, ...missing } = person;
    void _dob;
    const res = await request(h.app)
      .post('/v1/persons')
      .set(auth(tokens.registrar))
      .send({ ...missing, name: { givenNam: 'علي', fatherName: 'حسن', grandfatherName: 'جعفر' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.dateOfBirth', message: 'is required' },
        { path: 'body.name.givenName', message: 'is required' },
        { path: 'body.name', message: '"givenNam" is not a field here (did you mean givenName?)' },
      ]),
    );
  });

  it('names the wrong fields of the closest branch when a body matches neither form of a union', async () => {
    const hospital = await h.clientToken(['notifications:write']);
    const res = await request(h.app)
      .post('/v1/notifications/births')
      .set(auth(hospital))
      .send({
        notificationId: 'YTH-2026-000999',
        facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG' },
        birth: { date: '2026-03-14', sex: 'femal' },
        mother: { nin: motherNin },
      });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('body.birth.sex');
    expect(res.body.errors.map((e: { message: string }) => e.message)).not.toContain('Invalid input');
    expect(JSON.stringify(res.body.errors)).not.toMatch(/resourceType/);
  });

  it('answers the token endpoint in OAuth2 error format whatever goes wrong, even a body nested 45,000 deep', async () => {
    const deep = '{"a":'.repeat(45_000) + '1' + '}'.repeat(45_000);
    const nested = await request(h.app).post('/v1/auth/token').set('Content-Type', 'application/json').send(deep);
    expect(nested.status).toBeGreaterThanOrEqual(400);
    expect(nested.status).toBeLessThan(500);
    expect(nested.headers['content-type']).toMatch(/^application\/json/);
    expect(nested.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    const malformed = await request(h.app)
      .post('/v1/auth/token')
      .set('Content-Type', 'application/json')
      .send('{"grant_type": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
  });
});
