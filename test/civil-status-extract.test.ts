import { rebuildProjections } from '../src/journal/rebuild';
import { contractChecker } from './support/contract';
import { auth, request, startHarness, type Harness } from './support/harness';
import { certificatePdf, pdfText } from './support/certificates';
import { birthDeclaration, declareAndRegister, enrol, fatherName, motherName } from './support/fixtures';

let h: Harness;
let registrar: string;
let officer: string;
let expectContract: ReturnType<typeof contractChecker>;
const people = {} as Record<'ahmad' | 'fatima' | 'zainab', string>;
let marriageNumber: string;
let zainabCitizen: string;

const issueExtract = (nin: string, token = officer, extra: object = {}) =>
  request(h.app)
    .post('/v1/certificates')
    .set(auth(token))
    .send({ nin, document: 'civil-status-extract', ...extra });
const verify = (token: string) => request(h.app).post('/v1/certificates/verification').send({ token });
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    type: string[];
    credentialSubject: Record<string, unknown>;
  };

/** Ahmad (register page 45, his mother's name known) married Fatima; Zainab is their registered child. */
beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  registrar = await h.token('registrar');
  officer = await h.token('officer');
  people.ahmad = (
    await enrol(h.app, registrar, {
      name: fatherName,
      sex: 'male',
      dateOfBirth: '1990-09-17',
      placeOfBirth: { governorate: 'IQ-BG' },
      familyRegister: { directorate: 'BGD-KARKH', register: 123, page: 45 },
      motherName: { givenName: 'سعاد', fatherName: 'جاسم' },
    })
  ).nin;
  people.fatima = (
    await enrol(h.app, registrar, {
      name: motherName,
      sex: 'female',
      dateOfBirth: '1995-04-02',
      placeOfBirth: { governorate: 'IQ-BG' },
    })
  ).nin;
  const marriage = await declareAndRegister(h.app, officer, registrar, '/v1/marriages', {
    partyA: { nin: people.ahmad },
    partyB: { nin: people.fatima },
    dateOfMarriage: '2015-03-01',
    placeOfMarriage: { governorate: 'IQ-BG' },
  });
  marriageNumber = marriage.registrationNumber;
  const zainab = await declareAndRegister(
    h.app,
    officer,
    registrar,
    '/v1/births',
    birthDeclaration(people.fatima, people.ahmad, { dateOfBirth: '2016-05-01' }),
  );
  people.zainab = zainab.child.nin;
});
afterAll(() => h.close());

describe('the civil-status extract (صورة قيد)', () => {
  it('certifies the entry as the register holds it: names, mother, register page, marital status and the events behind them', async () => {
    const res = await issueExtract(people.ahmad);
    expectContract(res);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'civil-status-extract', subjectNin: people.ahmad, status: 'valid' });
    expect(res.body.recordId).toBeUndefined();
    // Its own number in the office's book of extracts.
    expect(res.body.registrationNumber).toMatch(/^BGD-\d{4}-E-\d{6}$/);
    const claims = claimsOf(res.body.token);
    expect(claims.sub).toBe(people.ahmad);
    expect(claims.type).toEqual(['VerifiableCredential', 'CivilStatusExtract']);
    expect(claims.credentialSubject).toMatchObject({
      kind: 'civil-status-extract',
      nin: people.ahmad,
      name: { givenName: fatherName.givenName },
      motherName: 'سعاد جاسم',
      sex: 'male',
      dateOfBirth: '1990-09-17',
      familyRegister: 'BGD-KARKH/123/45',
      maritalStatus: 'married',
      lifeStatus: 'alive',
      maritalStatusRegistration: marriageNumber,
    });
    const verdict = await verify(res.body.token);
    expect(verdict.body).toMatchObject({
      valid: true,
      status: 'valid',
      certificate: { kind: 'civil-status-extract', subjectNin: people.ahmad },
    });
  });

  it('names the registered birth and the mother from her own entry when the child was born in the register', async () => {
    const res = await issueExtract(people.zainab);
    const facts = claimsOf(res.body.token).credentialSubject;
    expect(facts.birthRegistration).toMatch(/^BGD-\d{4}-B-\d{6}$/);
    expect(facts.motherName).toBe(`${motherName.givenName} ${motherName.fatherName}`);
    expect(facts.maritalStatus).toBe('single');
    // The family page of the father, as a registered birth fills it.
    expect(facts.familyRegister).toBe('BGD-KARKH/123/45');
  });

  it('prints as a PDF in the office’s languages, with the extract’s title and lines', async () => {
    const res = await issueExtract(people.ahmad, officer, { language: 'ar-ckb' });
    const pdf = await certificatePdf(h.app, res.body.id, officer);
    expect(pdf.status).toBe(200);
    const text = (await pdfText(pdf.body as Buffer)).pages.join('\n');
    for (const words of ['صورة قيد', 'وێنەی تۆماری باری شارستانی', 'اسم الأم', 'BGD-KARKH/123/45', 'متزوج'])
      expect(text).toContain(words);
  });

  it('is superseded when a later event changes what it says (a divorce), and a new one says what is true now', async () => {
    const before = await issueExtract(people.fatima);
    await declareAndRegister(h.app, officer, registrar, '/v1/divorces', {
      marriageId: (await request(h.app).get(`/v1/persons/${people.fatima}/family`).set(auth(officer))).body.spouses[0]
        .marriage.recordId,
      dateOfDivorce: '2018-06-10',
      courtReference: 'BGD-PS-2018/77',
      divorceType: 'khula',
    });
    const verdict = await verify(before.body.token);
    expect(verdict.body).toMatchObject({ valid: false, status: 'superseded', reason: 'entry-changed' });
    const shown = await request(h.app).get(`/v1/certificates/${before.body.id}`).set(auth(officer));
    expect(shown.body.status).toBe('superseded');
    const now = await issueExtract(people.fatima);
    expect(claimsOf(now.body.token).credentialSubject).toMatchObject({ maritalStatus: 'divorced' });
    expect((await verify(now.body.token)).body.status).toBe('valid');
    // An extract of someone else the divorce did not change stays valid.
    const zainabs = await issueExtract(people.zainab);
    expect((await verify(zainabs.body.token)).body.status).toBe('valid');
  });

  it('is superseded when the name gets its Latin form, and keeps that standing through a rebuild', async () => {
    const maryam = (
      await enrol(h.app, registrar, {
        name: { givenName: 'مريم', fatherName: 'محمد', grandfatherName: 'علي', familyName: 'الربيعي' },
        sex: 'female',
        dateOfBirth: '1994-01-08',
        placeOfBirth: { governorate: 'IQ-BG' },
      })
    ).nin;
    const stale = await issueExtract(maryam);
    const { version } = (await request(h.app).get(`/v1/persons/${maryam}`).set(auth(officer))).body;
    const res = await request(h.app)
      .post(`/v1/persons/${maryam}/latin-name`)
      .set(auth(officer))
      .set('If-Match', `"${version}"`)
      .send({ givenName: 'Maryam', fatherName: 'Mohammed', grandfatherName: 'Ali', familyName: 'Al-Rubaie' });
    expect(res.status).toBe(200);
    expect((await verify(stale.body.token)).body.status).toBe('superseded');
    const fresh = await issueExtract(maryam);
    await rebuildProjections(h.services);
    expect((await verify(stale.body.token)).body.status).toBe('superseded');
    expect((await verify(fresh.body.token)).body.status).toBe('valid');
  });

  it('is a citizen’s own to obtain, and nobody else’s', async () => {
    const citizen = await h.citizen(people.zainab);
    zainabCitizen = citizen.token;
    const own = await issueExtract(people.zainab, citizen.token);
    expect(own.status).toBe(201);
    expect((await request(h.app).get(`/v1/certificates/${own.body.id}`).set(auth(citizen.token))).status).toBe(200);
    const other = await issueExtract(people.ahmad, citizen.token);
    expect([other.status, other.body.detail]).toEqual([403, 'A citizen may have their own civil-status extract only']);
    const fathers = await issueExtract(people.ahmad, officer);
    expect((await request(h.app).get(`/v1/certificates/${fathers.body.id}`).set(auth(citizen.token))).status).toBe(403);
  });

  it('is printed at a community service centre for the citizen at the counter, in the citizen’s access log', async () => {
    const clerk = await h.token('service-clerk');
    const res = await issueExtract(people.zainab, clerk);
    expect([res.status, res.body.registrationNumber]).toEqual([201, expect.stringMatching(/^KPC-\d{4}-E-\d{6}$/)]);
    await h.services.accessLog.flush();
    const log = await request(h.app).get('/v1/me/access-log').set(auth(zainabCitizen));
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ actor: expect.objectContaining({ role: 'service-clerk' }) }),
    );
  });

  it('answers bad requests with 400 naming the field, and an unknown person with 404', async () => {
    const send = (body: object) => request(h.app).post('/v1/certificates').set(auth(officer)).send(body);
    const cases: [object, string][] = [
      [{ nin: people.ahmad }, 'body.document'],
      [{ document: 'civil-status-extract' }, 'body.nin'],
      [{ nin: people.ahmad, document: 'family-book' }, 'body.document'],
      [{ recordId: 'r_3q2Zk8mW1xYbN4fT7vLh9A', nin: people.ahmad, document: 'civil-status-extract' }, 'body.recordId'],
      [{}, 'body.nin'],
    ];
    for (const [body, path] of cases) {
      const res = await send(body);
      expectContract(res);
      expect([res.status, res.body.errors.map((e: { path: string }) => e.path)]).toEqual([
        400,
        expect.arrayContaining([path]),
      ]);
    }
    const unknown = await issueExtract('999999999999');
    expect([unknown.status, unknown.type]).toEqual([404, 'application/problem+json']);
  });
});
