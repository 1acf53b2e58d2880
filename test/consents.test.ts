import jwt from 'jsonwebtoken';
import { contractChecker } from './support/contract';
import { auth, request, startHarness, type Harness } from './support/harness';
import { certificatePdf } from './support/certificates';
import { registeredBirth } from './support/fixtures';

let h: Harness;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;
/** The Ministry of Education's client: it obtains certificates for school enrolment. */
let school: { token: string; id: string };
let family: { mother: string; father: string; child: string; birthId: string; motherToken: string };

const clientOf = async (scopes: Parameters<Harness['clientToken']>[0]) => {
  const token = await h.clientToken(scopes);
  return { token, id: (jwt.decode(token) as { sub: string }).sub };
};
const consent = (token: string, body: object) => request(h.app).post('/v1/me/consents').set(auth(token)).send(body);
const obtain = (token: string, body: object) => request(h.app).post('/v1/certificates').set(auth(token)).send(body);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  school = await clientOf(['certificates:issue']);
  // The admin names the client as the citizen will read it.
  await h.services.clients.applyOnce(school.id, Number.MAX_SAFE_INTEGER - 1, {
    set: { name: 'Ministry of Education' },
  });
  const birth = await registeredBirth(h.app, officer, registrar);
  family = {
    mother: birth.mother,
    father: birth.father,
    child: birth.record.child.nin,
    birthId: birth.record.id,
    motherToken: (await h.citizen(birth.mother)).token,
  };
});
afterAll(() => h.close());

describe("certificates for other ministries' systems, with the citizen's consent", () => {
  it('refuses a client without a consent: 403 consent-required', async () => {
    const res = await obtain(school.token, { recordId: family.birthId, purpose: 'school enrolment' });
    expectContract(res);
    expect([res.status, res.body.code]).toEqual([403, 'consent-required']);
  });

  it("lets a parent's consent cover a minor child's birth certificate, with the client as its audience", async () => {
    const given = await consent(family.motherToken, {
      clientId: school.id,
      purpose: 'school enrolment',
      expiresAt: inDays(90),
    });
    expectContract(given);
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({
      clientId: school.id,
      clientName: 'Ministry of Education',
      purpose: 'school enrolment',
      status: 'in-force',
      givenBy: { role: 'citizen' },
    });
    const res = await obtain(school.token, { recordId: family.birthId, purpose: 'School  enrolment' });
    expectContract(res);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'birth', subjectNin: family.child, status: 'valid' });
    const claims = jwt.decode(res.body.token) as { aud: string; sub: string };
    expect([claims.aud, claims.sub]).toEqual([school.id, family.child]);
    // The PDF is the client's to read, and only its own certificates.
    expect((await certificatePdf(h.app, res.body.id, school.token)).status).toBe(200);
    const staffIssued = await obtain(officer, { recordId: family.birthId });
    expect((await certificatePdf(h.app, staffIssued.body.id, school.token)).status).toBe(403);
    // The journal entry names the purpose.
    const history = await request(h.app)
      .get('/v1/audit')
      .query({ recordId: family.birthId })
      .set(auth(await h.token('auditor')));
    expect(JSON.stringify(history.body)).toContain('School  enrolment');
  });

  it('says in the access log, in plain words, which system obtained what and why', async () => {
    await h.services.accessLog.flush();
    const log = await request(h.app).get('/v1/me/access-log').set(auth(family.motherToken));
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        actor: expect.objectContaining({ role: 'client', name: 'Ministry of Education' }),
        received: expect.objectContaining({ type: 'certificate.issued', kind: 'birth', purpose: 'School  enrolment' }),
      }),
    );
  });

  it('does not cover another purpose, another client, the parent’s own extract, or a withdrawn or expired consent', async () => {
    const other = await clientOf(['certificates:issue']);
    expect((await obtain(other.token, { recordId: family.birthId, purpose: 'school enrolment' })).status).toBe(403);
    expect((await obtain(school.token, { recordId: family.birthId, purpose: 'scholarship' })).status).toBe(403);
    const extract = await obtain(school.token, {
      nin: family.child,
      document: 'civil-status-extract',
      purpose: 'school enrolment',
    });
    expect([extract.status, extract.body.code]).toEqual([403, 'consent-required']);
    const list = await request(h.app).get('/v1/me/consents').set(auth(family.motherToken));
    expectContract(list);
    expect(list.body.clients).toContainEqual({ clientId: school.id, name: 'Ministry of Education' });
    const id = list.body.items[0].id as string;
    const withdrawn = await request(h.app).delete(`/v1/me/consents/${id}`).set(auth(family.motherToken));
    expect(withdrawn.status).toBe(204);
    const again = await request(h.app).delete(`/v1/me/consents/${id}`).set(auth(family.motherToken));
    expect([again.status, again.body.code]).toEqual([409, 'already-withdrawn']);
    expect((await obtain(school.token, { recordId: family.birthId, purpose: 'school enrolment' })).status).toBe(403);
    const after = await request(h.app).get('/v1/me/consents').set(auth(family.motherToken));
    expect(after.body.items[0]).toMatchObject({ id, status: 'withdrawn' });
  });

  it('lets a person consent to their own extract, recorded at an office for the citizen at the counter', async () => {
    const atOffice = await request(h.app)
      .post(`/v1/persons/${family.father}/consents`)
      .set(auth(await h.token('service-clerk')))
      .send({ clientId: school.id, purpose: 'teacher appointment', expiresAt: inDays(30) });
    expectContract(atOffice);
    expect([atOffice.status, atOffice.body.givenBy]).toEqual([201, { role: 'service-clerk' }]);
    const res = await obtain(school.token, {
      nin: family.father,
      document: 'civil-status-extract',
      purpose: 'teacher appointment',
    });
    expect([res.status, res.body.kind]).toEqual([201, 'civil-status-extract']);
  });

  it('lets a hospital obtain the death certificate of a patient it notified, with no consent (notified-record)', async () => {
    const hospital = await clientOf(['notifications:write', 'certificates:issue']);
    const notified = await request(h.app)
      .post('/v1/notifications/deaths')
      .set(auth(hospital.token))
      .send({
        notificationId: 'D-CONSENT-1',
        facility: { name: 'Baghdad Medical City', governorate: 'IQ-BG' },
        deceased: { nin: family.father },
        dateOfDeath: new Date().toISOString().slice(0, 10),
        causeOfDeath: { icd10: 'I21.9' },
        certifier: { type: 'physician', name: 'Dr. Huda Salim' },
      });
    expect(notified.status).toBe(202);
    const registered = await request(h.app)
      .post(`/v1/records/${notified.body.recordId}/registration`)
      .set(auth(registrar));
    expect(registered.status).toBe(200);
    const own = await obtain(hospital.token, { recordId: notified.body.recordId, purpose: 'notified-record' });
    expect([own.status, own.body.kind]).toEqual([201, 'death']);
    // Another client naming the same purpose has no such standing.
    const another = await obtain(school.token, { recordId: notified.body.recordId, purpose: 'notified-record' });
    expect(another.status).toBe(403);
  });

  it('answers bad requests with 400 or 422, naming what is wrong', async () => {
    const noPurpose = await obtain(school.token, { recordId: family.birthId });
    expect([noPurpose.status, noPurpose.body.errors?.[0]?.path]).toEqual([400, 'body.purpose']);
    const cases: [object, number, string?][] = [
      [{ clientId: school.id, purpose: 'x', expiresAt: inDays(10) }, 400],
      [{ clientId: school.id, purpose: 'school enrolment', expiresAt: 'soon' }, 400],
      [{ clientId: school.id, purpose: 'school enrolment', expiresAt: inDays(-1) }, 422, 'consent-expired'],
      [{ clientId: school.id, purpose: 'school enrolment', expiresAt: inDays(400) }, 422, 'consent-too-long'],
      [{ clientId: 'cl_nobody', purpose: 'school enrolment', expiresAt: inDays(10) }, 422, 'unknown-client'],
    ];
    for (const [body, status, code] of cases) {
      const res = await consent(family.motherToken, body);
      expectContract(res);
      expect([res.status, res.body.code ?? null]).toEqual([status, code ?? expect.anything()]);
    }
    const staff = await consent(officer, { clientId: school.id, purpose: 'school enrolment', expiresAt: inDays(10) });
    expect(staff.status).toBe(403);
    const otherPersons = await request(h.app)
      .delete('/v1/me/consents/cn_AAAAAAAAAAAAAAAA')
      .set(auth(family.motherToken));
    expect(otherPersons.status).toBe(404);
  });
});
