import { rebuildProjections } from '../src/journal/rebuild';
import { contractChecker } from './support/contract';
import { auth, request, startHarness, type Harness } from './support/harness';
import { birthDeclaration, declareAndRegister, enrol, fatherName, motherName } from './support/fixtures';

let h: Harness;
let registrar: string;
let officer: string;
let expectContract: ReturnType<typeof contractChecker>;
/** A register page of this run's own, so that searches see this file's people only. */
const directorate = `BGD-T${Date.now().toString(36).toUpperCase()}`;
const page = (n: number) => ({ directorate, register: 123, page: n });

const get = (path: string, token = officer) => request(h.app).get(path).set(auth(token));

/**
 * Ahmad (page 45) married Fatima, who divorced him, then Maryam (page 46), in force; Zainab is
 * Ahmad and Fatima's registered child, Huda Maryam's child without a registered father.
 */
const people: Record<string, string> = {};
let family: { marriage1: string; marriage2: string; zainab: string; huda: string };

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
      familyRegister: page(45),
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
  people.maryam = (
    await enrol(h.app, registrar, {
      // No Latin form: the service proposes one.
      name: { givenName: 'مريم', fatherName: 'محمد', grandfatherName: 'علي', familyName: 'الربيعي' },
      sex: 'female',
      dateOfBirth: '1994-01-08',
      placeOfBirth: { governorate: 'IQ-BG' },
      familyRegister: page(46),
    })
  ).nin;
  const marriage = (a: string, b: string, date: string) =>
    declareAndRegister(h.app, officer, registrar, '/v1/marriages', {
      partyA: { nin: a },
      partyB: { nin: b },
      dateOfMarriage: date,
      placeOfMarriage: { governorate: 'IQ-BG' },
    });
  const marriage1 = (await marriage(people.ahmad, people.fatima, '2015-03-01')).id;
  await declareAndRegister(h.app, officer, registrar, '/v1/divorces', {
    marriageId: marriage1,
    dateOfDivorce: '2018-06-10',
    courtReference: 'KRK-PS-2018/77',
    divorceType: 'khula',
  });
  const marriage2 = (await marriage(people.ahmad, people.maryam, '2019-02-02')).id;
  const zainab = await declareAndRegister(
    h.app,
    officer,
    registrar,
    '/v1/births',
    birthDeclaration(people.fatima, people.ahmad, { dateOfBirth: '2016-05-01' }),
  );
  const huda = await declareAndRegister(
    h.app,
    officer,
    registrar,
    '/v1/births',
    birthDeclaration(people.maryam, undefined, {
      givenName: 'هدى',
      fatherName: 'كريم',
      grandfatherName: 'سالم',
      latin: undefined,
    }),
  );
  family = { marriage1, marriage2, zainab: zainab.child.nin, huda: huda.child.nin };
});
afterAll(() => h.close());

describe('the family register and the mother name', () => {
  it('are accepted on enrolment and shown on the person', async () => {
    const res = await get(`/v1/persons/${people.ahmad}`);
    expectContract(res);
    expect(res.body).toMatchObject({
      familyRegister: page(45),
      motherName: { givenName: 'سعاد', fatherName: 'جاسم' },
    });
  });

  it('refuses a malformed register entry or mother name with 400 naming the field', async () => {
    for (const [field, value] of [
      ['familyRegister', { directorate: 'bgd karkh', register: 1, page: 1 }],
      ['familyRegister', { directorate: 'BGD', register: 0, page: 1 }],
      ['familyRegister', { directorate: 'BGD', register: 1 }],
      ['motherName', { givenName: 'Fatima', fatherName: 'علي' }],
    ] as const) {
      const adult = {
        name: fatherName,
        sex: 'male',
        dateOfBirth: '1980-01-01',
        placeOfBirth: { governorate: 'IQ-KA' },
      };
      const res = await request(h.app)
        .post('/v1/persons')
        .set(auth(registrar))
        .send({ ...adult, [field]: value });
      expectContract(res);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toMatch(new RegExp(`^body\\.${field}`));
    }
  });

  it('a registered birth gives the child the mother name and the father page; without a registered father, the mother page', async () => {
    const zainab = await get(`/v1/persons/${family.zainab}`);
    expectContract(zainab);
    expect(zainab.body).toMatchObject({
      motherName: { givenName: motherName.givenName, fatherName: motherName.fatherName },
      familyRegister: page(45),
    });
    const huda = await get(`/v1/persons/${family.huda}`);
    expect(huda.body).toMatchObject({
      motherName: { givenName: 'مريم', fatherName: 'محمد' },
      familyRegister: page(46),
    });
  });

  it('a birth whose mother is declared by name takes her name and her father name from the declaration', async () => {
    const declared = {
      ...birthDeclaration(people.fatima!, people.ahmad, { dateOfBirth: '2017-08-09', givenName: 'زهراء' }),
      mother: { name: { givenName: 'خديجة', fatherName: 'عباس', grandfatherName: 'حسن' }, dateOfBirth: '1993-02-02' },
    };
    const record = await declareAndRegister(h.app, officer, registrar, '/v1/births', declared);
    const child = await get(`/v1/persons/${record.child.nin}`);
    expect(child.body).toMatchObject({
      motherName: { givenName: 'خديجة', fatherName: 'عباس' },
      familyRegister: page(45),
    });
    people.zahraa = record.child.nin;
  });

  it('finds the people of one register page by an indexed key, and refuses a malformed page with 400', async () => {
    const res = await get(`/v1/persons?familyRegister=${directorate}/123/45`);
    expectContract(res);
    expect(res.body.items.map((p: { nin: string }) => p.nin).sort()).toEqual(
      [people.ahmad, family.zainab, people.zahraa].sort(),
    );
    const other = await get(`/v1/persons?familyRegister=${directorate}/123/46`);
    expect(other.body.items.map((p: { nin: string }) => p.nin).sort()).toEqual([people.maryam, family.huda].sort());
    for (const bad of ['BGD-KARKH/123', 'BGD-KARKH/0123/45', 'bgd/1/2', 'BGD/1/2/3', 'BGD/x/2']) {
      const refused = await get(`/v1/persons?familyRegister=${encodeURIComponent(bad)}`);
      expectContract(refused);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('query.familyRegister');
    }
  });
});

describe('the legacy import', () => {
  const admin = () => h.token('admin');
  const ref = (n: number) => `IMP/${directorate}/${n}`;

  it('takes familyRegister and motherName in NDJSON', async () => {
    const row = {
      legacyReference: ref(1),
      name: { givenName: 'كريم', fatherName: 'حسين', grandfatherName: 'علي', familyName: 'الموسوي' },
      sex: 'male',
      dateOfBirth: '1961-02-03',
      placeOfBirth: { governorate: 'IQ-NA' },
      familyRegister: page(47),
      motherName: { givenName: 'زهراء', fatherName: 'جاسم' },
    };
    const res = await request(h.app)
      .post('/v1/imports')
      .set(auth(await admin()))
      .set('Content-Type', 'application/x-ndjson')
      .send(
        `${JSON.stringify(row)}\n${JSON.stringify({ ...row, legacyReference: ref(2), familyRegister: { directorate } })}\n`,
      );
    expect(res.body).toMatchObject({
      imported: 1,
      rejected: 1,
      rejections: [{ line: 2, field: 'familyRegister.register' }],
    });
    const found = await get(`/v1/persons?familyRegister=${directorate}/123/47`);
    expect(found.body.items).toEqual([
      expect.objectContaining({ legacyReference: ref(1), familyRegister: page(47), motherName: row.motherName }),
    ]);
  });

  it('takes them in CSV as the columns familyRegisterDirectorate, familyRegisterNumber, familyRegisterPage, motherGivenName, motherFatherName', async () => {
    const header =
      'legacyReference,givenName,fatherName,grandfatherName,sex,dateOfBirth,governorate,familyRegisterDirectorate,familyRegisterNumber,familyRegisterPage,motherGivenName,motherFatherName';
    const csv = [
      header,
      `${ref(3)},ليلى,حسين,علي,female,1963-04-05,IQ-NA,${directorate},123,48,زهراء,جاسم`,
      `${ref(4)},سارة,حسين,علي,female,1965-04-05,IQ-NA,,,,,`,
      `${ref(5)},نادية,حسين,علي,female,1966-04-05,IQ-NA,${directorate},123,,,`,
    ].join('\n');
    const res = await request(h.app)
      .post('/v1/imports')
      .set(auth(await admin()))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(res.body).toMatchObject({
      imported: 2,
      rejected: 1,
      rejections: [{ line: 4, field: 'familyRegister.page' }],
    });
    const found = await get(`/v1/persons?familyRegister=${directorate}/123/48`);
    expect(found.body.items).toEqual([
      expect.objectContaining({
        legacyReference: ref(3),
        familyRegister: page(48),
        motherName: { givenName: 'زهراء', fatherName: 'جاسم' },
      }),
    ]);
    people.layla = found.body.items[0].nin;
  });
});

describe('GET /v1/persons/{nin}/family', () => {
  it('answers the parents, the spouses with the standing of each marriage, and the children', async () => {
    const res = await get(`/v1/persons/${people.ahmad}/family`);
    expectContract(res);
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ nin: people.ahmad, maritalStatus: 'married', familyRegister: page(45) });
    expect(res.body.parents).toEqual([]);
    expect(res.body.spouses).toEqual([
      expect.objectContaining({
        nin: people.fatima,
        sex: 'female',
        status: 'alive',
        maritalStatus: 'divorced',
        marriage: { recordId: family.marriage1, inForce: false },
      }),
      expect.objectContaining({
        nin: people.maryam,
        maritalStatus: 'married',
        marriage: { recordId: family.marriage2, inForce: true },
      }),
    ]);
    expect(res.body.children.map((c: { nin: string }) => c.nin)).toEqual([family.zainab, people.zahraa]);
    expect(res.body.children[0]).toMatchObject({ sex: 'female', dateOfBirth: '2016-05-01', status: 'alive' });

    const child = await get(`/v1/persons/${family.zainab}/family`);
    expect(child.body.parents).toEqual([
      expect.objectContaining({ relationship: 'mother', nin: people.fatima, maritalStatus: 'divorced' }),
      expect.objectContaining({ relationship: 'father', nin: people.ahmad, dateOfBirth: '1990-09-17' }),
    ]);
    const maryam = await get(`/v1/persons/${people.maryam}/family`);
    expect(maryam.body.children.map((c: { nin: string }) => c.nin)).toEqual([family.huda]);
  });

  it('lets a citizen read their own family, answers another person as unknown, and refuses the other roles', async () => {
    const citizen = await h.citizen(people.ahmad);
    const own = await get(`/v1/persons/${people.ahmad}/family`, citizen.token);
    expectContract(own);
    expect(own.status).toBe(200);
    const other = await get(`/v1/persons/${people.maryam}/family`, citizen.token);
    expectContract(other);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('مريم');
    for (const role of ['auditor', 'admin'] as const) {
      const refused = await get(`/v1/persons/${people.ahmad}/family`, await h.token(role));
      expect(refused.status).toBe(403);
    }
  });

  it('goes to the access log of everyone it shows', async () => {
    await get(`/v1/persons/${people.ahmad}/family`);
    await h.services.accessLog.flush();
    for (const nin of [people.fatima, family.zainab]) {
      const log = await get('/v1/me/access-log', (await h.citizen(nin)).token);
      expect(log.body.items.map((e: { route: string }) => e.route)).toContain('GET /v1/persons/{nin}/family');
    }
  });
});

describe('Latin names proposed', () => {
  it('proposes a Latin form for a name without one, and none for a name with one', async () => {
    const maryam = await get(`/v1/persons/${people.maryam}`);
    expectContract(maryam);
    expect(maryam.body.latinProposal).toEqual({
      givenName: 'Maryam',
      fatherName: 'Muhammad',
      grandfatherName: 'Ali',
      familyName: "Al-Rubay'i",
    });
    expect((await get(`/v1/persons/${people.ahmad}`)).body.latinProposal).toBeUndefined();
  });

  it('takes the confirmed (or corrected) form as the name Latin form, by If-Match, journaled', async () => {
    const path = `/v1/persons/${people.maryam}/latin-name`;
    const latin = { givenName: 'Maryam', fatherName: 'Mohammed', grandfatherName: 'Ali', familyName: 'Al-Rubaie' };
    const { version } = (await get(`/v1/persons/${people.maryam}`)).body;
    const noMatch = await request(h.app).post(path).set(auth(officer)).send(latin);
    expect(noMatch.status).toBe(428);
    const stale = await request(h.app)
      .post(path)
      .set(auth(officer))
      .set('If-Match', `"${version - 1}"`)
      .send(latin);
    expectContract(stale);
    expect(stale.status).toBe(412);
    const bad = await request(h.app)
      .post(path)
      .set(auth(officer))
      .set('If-Match', `"${version}"`)
      .send({ ...latin, givenName: 'مريم' });
    expect(bad.status).toBe(400);
    const res = await request(h.app).post(path).set(auth(officer)).set('If-Match', `"${version}"`).send(latin);
    expectContract(res);
    expect(res.status).toBe(200);
    expect(res.body.name.latin).toEqual(latin);
    expect(res.body.latinProposal).toBeUndefined();
    expect(res.body.version).toBe(version + 1);
    const entry = await h.services.journal.entries.findOne({
      type: 'person.latin-confirmed',
      entityIds: people.maryam,
    });
    expect(entry?.data).toMatchObject({ latin, proposal: { fatherName: 'Muhammad' } });
    const again = await request(h.app)
      .post(path)
      .set(auth(officer))
      .set('If-Match', `"${version + 1}"`)
      .send(latin);
    expectContract(again);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('latin-name-exists');
    const auditor = await request(h.app)
      .post(path)
      .set(auth(await h.token('auditor')))
      .set('If-Match', `"${version + 1}"`)
      .send(latin);
    expect(auditor.status).toBe(403);
  });

  it('a confirmed Latin form is searched and folded by identity verification like any other', async () => {
    const found = await get('/v1/persons?q=maryam rubaie');
    expect(found.body.items.map((p: { nin: string }) => p.nin)).toContain(people.maryam);
    const client = await h.clientToken(['identity:verify']);
    const res = await request(h.app)
      .post('/v1/identity/verification')
      .set(auth(client))
      .send({ nin: people.maryam, givenName: 'Mariam', fatherName: 'Muhammad', familyName: 'Al-Rubaiee' });
    expect(res.body).toMatchObject({ match: true, fields: { givenName: true, fatherName: true, familyName: true } });
  });
});

describe('a rebuild of the projections', () => {
  it('gives the same persons, pages and families', async () => {
    const nins = [people.ahmad, people.fatima, people.maryam, family.zainab, family.huda, people.zahraa, people.layla];
    const snapshot = async () => ({
      persons: await Promise.all(nins.map(async (n) => (await get(`/v1/persons/${n}`)).body)),
      families: await Promise.all(nins.map(async (n) => (await get(`/v1/persons/${n}/family`)).body)),
      pages: await Promise.all(
        [45, 46, 47, 48].map(async (n) => (await get(`/v1/persons?familyRegister=${directorate}/123/${n}`)).body),
      ),
    });
    const before = await snapshot();
    await rebuildProjections(h.services);
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.persons[2].name.latin).toMatchObject({ fatherName: 'Mohammed' });
    expect(after.persons[3]).toMatchObject({ familyRegister: page(45) });
  });
});
