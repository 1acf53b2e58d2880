import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, enrolParents } from './support/fixtures';

let h: Harness;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
});
afterAll(() => h.close());

describe('births: declare, register, link', () => {
  it('declares a birth, registers it by another person, creates and links the child', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin));
    expectContract(declared);
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ kind: 'birth', status: 'declared', version: 1 });
    expect(declared.headers.etag).toBe('"1"');
    // Names come from the registered father: his given name, his father's name, his family name.
    expect(declared.body.child).toMatchObject({ fatherName: 'أحمد', grandfatherName: 'محمود', familyName: 'التميمي' });

    const registered = await request(h.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(registrar));
    expectContract(registered);
    expect(registered.status).toBe(200);
    expect(registered.body.status).toBe('registered');
    expect(registered.body.registrationNumber).toMatch(/^BGD-\d{4}-B-\d{6}$/);
    const childNin = registered.body.subjectNin as string;
    expect(childNin).toMatch(/^\d{12}$/);

    const child = await request(h.app).get(`/v1/persons/${childNin}`).set(auth(officer));
    expectContract(child);
    expect(child.body).toMatchObject({
      nin: childNin,
      sex: 'female',
      dateOfBirth: '2026-03-14',
      status: 'alive',
      maritalStatus: 'single',
      motherNin: mother.nin,
      fatherNin: father.nin,
      recordIds: [declared.body.id],
      name: {
        givenName: 'زينب',
        fatherName: 'أحمد',
        grandfatherName: 'محمود',
        familyName: 'التميمي',
        latin: { givenName: 'Zainab', fatherName: 'Ahmed', grandfatherName: 'Mahmoud', familyName: 'Al-Tamimi' },
      },
    });
    const mum = await request(h.app).get(`/v1/persons/${mother.nin}`).set(auth(officer));
    expect(mum.body.recordIds).toContain(declared.body.id);
  });

  it('refuses registration by the declarer (four eyes)', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(registrar))
      .send(birthDeclaration(mother.nin, undefined, { fatherName: 'سعد', grandfatherName: 'جاسم' }));
    expect(declared.status).toBe(201);
    const res = await request(h.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(registrar));
    expectContract(res);
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/four eyes/i);
    const other = await h.token('registrar');
    expect((await request(h.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(other))).status).toBe(
      200,
    );
    const again = await request(h.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(other));
    expect(again.status).toBe(409);
  });

  it('rejects a declaration with a reason', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin));
    const res = await request(h.app)
      .post(`/v1/records/${declared.body.id}/rejection`)
      .set(auth(registrar))
      .send({ reason: 'Declared twice' });
    expectContract(res);
    expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: 'Declared twice', version: 2 });
  });

  it.each([
    ['a birth in the future', { dateOfBirth: '2999-01-01' }, 422],
    ['a mother too young', { dateOfBirth: '2000-01-01' }, 422],
    ['a father name that contradicts the registered father', { fatherName: 'خالد' }, 422],
  ])('refuses %s', async (_label, child, status) => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const res = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin, child));
    expectContract(res);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a mother who is not in the registry, and a father used as mother', async () => {
    const { father } = await enrolParents(h.app, registrar);
    const res = await request(h.app).post('/v1/births').set(auth(officer)).send(birthDeclaration(father.nin));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('mother-not-female');
  });
});
