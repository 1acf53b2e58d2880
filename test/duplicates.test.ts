import { rebuildProjections } from '../src/journal/rebuild';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, declareAndRegister, enrol, enrolParents, motherName } from './support/fixtures';

let h: Harness;
let officer: string;
let registrar: string;
let otherRegistrar: string;
let admin: string;
let hospital: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  otherRegistrar = await h.token('registrar');
  admin = await h.token('admin');
  hospital = await h.clientToken(['notifications:write']);
});
afterAll(() => h.close());

type Record_ = {
  id: string;
  status: string;
  flags: string[];
  duplicates?: { recordId: string; score: number; reasons: string[] }[];
};

const declare = async (path: string, body: object, token = officer) => {
  const res = await request(h.app).post(path).set(auth(token)).send(body);
  expectContract(res);
  expect(res.status).toBe(201);
  return res.body as Record_;
};
const read = async (id: string) => (await request(h.app).get(`/v1/records/${id}`).set(auth(registrar))).body as Record_;
const review = (id: string, body: object, token = registrar) =>
  request(h.app).post(`/v1/records/${id}/duplicate-review`).set(auth(token)).send(body);

/**
 * A mother of her own (the fixtures' mother has namesakes in every test): a record naming her by
 * name has no NIN to tell her from them, so it would be a candidate for their births too.
 */
const sukaina = {
  givenName: 'سُكينة',
  fatherName: 'مرتضى',
  grandfatherName: 'جعفر',
  familyName: 'الحلي',
  latin: { givenName: 'Sukaina', fatherName: 'Murtadha', grandfatherName: 'Jaafar', familyName: 'Al-Hilli' },
};
/** Her name spelt another way: no vowel mark, ta marbuta as ha, alef maqsura as ya, the article dropped. */
const sukainaSpelt = {
  givenName: 'سكينه',
  fatherName: 'مرتضي',
  grandfatherName: 'جعفر',
  familyName: 'حلي',
  latin: { givenName: 'Sukayna', fatherName: 'Murtada', grandfatherName: 'Jafar', familyName: 'Hilli' },
};

/** The fixtures' mother given by name, spelt another way: alef with hamza bare, ta marbuta as ha, the article dropped. */
const motherSpeltAgain = {
  givenName: 'فاطمه',
  fatherName: 'على',
  grandfatherName: 'حسن',
  familyName: 'جبوري',
  latin: { givenName: 'Fatimah', fatherName: 'Aly', grandfatherName: 'Hasan', familyName: 'Jubouri' },
};

describe('duplicate detection: births', () => {
  it('flags a second declaration of one birth, refuses its registration until a registrar other than the declarer reviews it', async () => {
    const { father } = await enrolParents(h.app, registrar);
    const mother = await enrol(h.app, registrar, {
      name: sukaina,
      sex: 'female',
      dateOfBirth: '1993-08-08',
      placeOfBirth: { governorate: 'IQ-BB' },
    });
    const first = await declare('/v1/births', birthDeclaration(mother.nin, father.nin));
    expect(first.flags).not.toContain('possible-duplicate');
    expect(first.duplicates).toBeUndefined();
    // A week later at the office: two days off, the given name with a bare alef ... and the mother by name.
    const second = await declare('/v1/births', {
      ...birthDeclaration(mother.nin, father.nin, { dateOfBirth: '2026-03-16', givenName: 'زينب' }),
      mother: { name: sukainaSpelt, dateOfBirth: '1993-08-08' },
    });
    const flagged = await read(second.id);
    expect(flagged.flags).toContain('possible-duplicate');
    expect(flagged.duplicates).toEqual([
      {
        recordId: first.id,
        score: expect.any(Number),
        reasons: ['mother.name', 'mother.dateOfBirth', 'child.dateOfBirth', 'child.sex', 'child.givenName'],
      },
    ]);
    expect(flagged.duplicates?.[0]?.score).toBeGreaterThanOrEqual(0.7);
    const queued = await request(h.app).get('/v1/records?queue=possible-duplicates').set(auth(officer));
    expect(queued.body.items.map((i: { id: string }) => i.id)).toContain(second.id);

    const register = await request(h.app).post(`/v1/records/${second.id}/registration`).set(auth(registrar));
    expectContract(register);
    expect(register.status).toBe(409);
    expect(register.body.code).toBe('possible-duplicate');
    expect(register.body.detail).toContain(first.id);

    // Four eyes: the declarer does not review; a decision names a candidate or nothing.
    const registrarDeclared = await declare('/v1/births', birthDeclaration(mother.nin, father.nin), registrar);
    expect((await review(registrarDeclared.id, { decision: 'not-duplicate', reason: 'x y z' })).status).toBe(403);
    const wrong = await review(second.id, { decision: 'duplicate', duplicateOf: second.id, reason: 'The same birth' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('not-a-candidate');
    expect((await review(second.id, { decision: 'maybe', reason: 'x y z' })).status).toBe(400);

    const cleared = await review(second.id, { decision: 'not-duplicate', reason: 'Twins, checked with the mother' });
    expectContract(cleared);
    expect(cleared.status).toBe(200);
    expect(cleared.body.flags).not.toContain('possible-duplicate');
    expect(cleared.body.duplicateReview).toMatchObject({
      decision: 'not-duplicate',
      reason: 'Twins, checked with the mother',
    });
    expect((await review(second.id, { decision: 'duplicate', reason: 'Changed my mind' })).body.code).toBe(
      'duplicates-reviewed',
    );
    const registered = await request(h.app).post(`/v1/records/${second.id}/registration`).set(auth(registrar));
    expect(registered.status).toBe(200);
    const history = await request(h.app).get(`/v1/records/${second.id}/history`).set(auth(registrar));
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'birth.declared',
      'record.duplicate-reviewed',
      'birth.registered',
    ]);
    expect(history.body.items[0].data.duplicates[0].recordId).toBe(first.id);
    expect(history.body.items[1]).toMatchObject({
      data: { decision: 'not-duplicate' },
      reason: 'Twins, checked with the mother',
    });
  });

  it('a duplicate decision rejects the record with the reason; bad reviews are clear 4xx', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const first = await declare('/v1/births', birthDeclaration(mother.nin, father.nin));
    const second = await declare('/v1/births', birthDeclaration(mother.nin, father.nin, { dateOfBirth: '2026-03-11' }));
    const res = await review(second.id, { decision: 'duplicate', duplicateOf: first.id, reason: 'Declared twice' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: 'Declared twice' });
    expect(res.body.duplicateReview).toMatchObject({ decision: 'duplicate', duplicateOf: first.id });
    // The first had no candidates; a rejected record is not declared.
    const none = await review(first.id, { decision: 'not-duplicate', reason: 'Nothing to review' });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('no-duplicates');
    expect((await review(second.id, { decision: 'not-duplicate', reason: 'Too late' })).body.code).toBe(
      'invalid-status',
    );
    const rejectedIsNoCandidate = await declare(
      '/v1/births',
      birthDeclaration(mother.nin, father.nin, { dateOfBirth: '2026-03-11' }),
    );
    expect(rejectedIsNoCandidate.duplicates?.map((d) => d.recordId)).toEqual([first.id]);
  });

  it('does not flag an honest birth: another mother of the same name, twins of another sex, a birth months apart', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const other = await enrolParents(h.app, registrar);
    await declare('/v1/births', birthDeclaration(mother.nin, father.nin));
    const namesake = await declare('/v1/births', birthDeclaration(other.mother.nin, other.father.nin));
    const twin = await declare(
      '/v1/births',
      birthDeclaration(mother.nin, father.nin, { givenName: 'حسين', sex: 'male', latin: { givenName: 'Hussein' } }),
    );
    const later = await declare('/v1/births', birthDeclaration(mother.nin, father.nin, { dateOfBirth: '2025-06-01' }));
    for (const r of [namesake, twin, later]) expect((await read(r.id)).flags).not.toContain('possible-duplicate');
  });

  it('a birth notified by the hospital and declared at the office a week later is flagged', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const sent = await request(h.app)
      .post('/v1/notifications/births')
      .set(auth(hospital))
      .send({
        notificationId: `YTH-DUP-${Date.now()}`,
        facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG' },
        birth: { date: '2026-03-14', sex: 'female' },
        mother: { nin: mother.nin },
      });
    expect(sent.status).toBe(202);
    const declared = await declare('/v1/births', birthDeclaration(mother.nin, father.nin));
    const r = await read(declared.id);
    expect(r.duplicates?.map((d) => [d.recordId, d.reasons])).toEqual([
      [sent.body.recordId, ['mother.nin', 'child.dateOfBirth', 'child.sex']],
    ]);
    // And the other way round: a notification after the declaration is flagged too.
    const again = await request(h.app)
      .post('/v1/notifications/births')
      .set(auth(hospital))
      .send({
        notificationId: `YTH-DUP2-${Date.now()}`,
        facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG' },
        birth: { date: '2026-03-15', sex: 'female' },
        mother: { nin: mother.nin },
      });
    expect((await read(again.body.recordId)).flags).toContain('possible-duplicate');
  });

  it('finds a birth across a month boundary', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const first = await declare('/v1/births', birthDeclaration(mother.nin, father.nin, { dateOfBirth: '2026-01-30' }));
    const second = await declare('/v1/births', birthDeclaration(mother.nin, father.nin, { dateOfBirth: '2026-02-02' }));
    expect((await read(second.id)).duplicates?.map((d) => d.recordId)).toEqual([first.id]);
  });
});

describe('duplicate detection: the other kinds', () => {
  it('a death, a marriage, a divorce and a foetal death declared twice are flagged; an annulment twice is refused', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const marriageBody = {
      partyA: { nin: father.nin },
      partyB: { nin: mother.nin },
      dateOfMarriage: '2020-02-20',
      placeOfMarriage: { governorate: 'IQ-NA' },
    };
    const marriage = await declare('/v1/marriages', marriageBody);
    const marriageAgain = await declare('/v1/marriages', {
      ...marriageBody,
      partyA: marriageBody.partyB,
      partyB: marriageBody.partyA,
      dateOfMarriage: '2020-03-01',
    });
    expect((await read(marriageAgain.id)).duplicates).toEqual([
      { recordId: marriage.id, score: 0.7, reasons: ['parties'] },
    ]);
    await review(marriageAgain.id, { decision: 'duplicate', duplicateOf: marriage.id, reason: 'Declared twice' });
    const registeredMarriage = await request(h.app)
      .post(`/v1/records/${marriage.id}/registration`)
      .set(auth(registrar));
    expect(registeredMarriage.status).toBe(200);

    const divorceBody = { marriageId: marriage.id, dateOfDivorce: '2025-01-10', courtReference: 'NJF-PS-2025/19' };
    const divorce = await declare('/v1/divorces', divorceBody);
    const divorceAgain = await declare('/v1/divorces', { ...divorceBody, courtReference: 'NJF-PS-2025/20' });
    expect((await read(divorceAgain.id)).duplicates).toEqual([
      { recordId: divorce.id, score: 1, reasons: ['marriageId', 'dateOfDivorce'] },
    ]);

    const annulment = {
      marriageId: marriage.id,
      dateOfJudgment: '2024-05-05',
      courtReference: 'NJF-PS-2024/7',
      ground: 'coercion',
    };
    await declare('/v1/annulments', annulment);
    const twice = await request(h.app).post('/v1/annulments').set(auth(officer)).send(annulment);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('marriage-already-annulled');

    const deathBody = {
      deceased: { nin: father.nin },
      dateOfDeath: '2026-05-02',
      placeOfDeath: { governorate: 'IQ-BA' },
      causeOfDeath: { icd10: 'I21.9' },
    };
    const death = await declare('/v1/deaths', deathBody);
    const deathAgain = await declare('/v1/deaths', { ...deathBody, dateOfDeath: '2026-05-20' });
    expect((await read(deathAgain.id)).duplicates).toEqual([
      { recordId: death.id, score: 1, reasons: ['deceased.nin', 'dateOfDeath'] },
    ]);

    const foetal = {
      mother: { nin: mother.nin },
      dateOfDelivery: '2026-04-18',
      placeOfDelivery: { governorate: 'IQ-BG' },
      sex: 'male',
      gestationWeeks: 31,
    };
    const stillbirth = await declare('/v1/foetal-deaths', foetal);
    const byName = await declare('/v1/foetal-deaths', {
      ...foetal,
      mother: { name: motherSpeltAgain, dateOfBirth: '1995-04-02' },
      dateOfDelivery: '2026-04-21',
    });
    expect((await read(byName.id)).duplicates).toEqual([
      { recordId: stillbirth.id, score: 0.85, reasons: ['mother.name', 'mother.dateOfBirth', 'dateOfDelivery', 'sex'] },
    ]);
  });
});

describe('duplicate detection: enrolment and the import', () => {
  const person = {
    name: {
      givenName: 'مؤيد',
      fatherName: 'عبد الله',
      grandfatherName: 'إبراهيم',
      familyName: 'الساعدي',
    },
    sex: 'male',
    dateOfBirth: '1961-07-09',
    placeOfBirth: { governorate: 'IQ-MA' },
  };

  it('answers 409 possible-duplicate with the candidates, unless the body names them in notDuplicateOf with a reason', async () => {
    const first = await enrol(h.app, registrar, person);
    const spelt = {
      ...person,
      name: { givenName: 'موید', fatherName: 'عبدالله', grandfatherName: 'ابراهيم', familyName: 'ساعدي' },
    };
    const res = await request(h.app).post('/v1/persons').set(auth(registrar)).send(spelt);
    expectContract(res);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'possible-duplicate', candidates: [first.nin] });
    const noReason = await request(h.app)
      .post('/v1/persons')
      .set(auth(registrar))
      .send({ ...spelt, notDuplicateOf: [first.nin] });
    expect(noReason.status).toBe(400);
    const otherPerson = await request(h.app)
      .post('/v1/persons')
      .set(auth(registrar))
      .send({ ...spelt, notDuplicateOf: [first.nin], reason: 'Another man of the same name: his father is another' });
    expect(otherPerson.status).toBe(201);
    // Another day, or another sex, is someone else.
    const anotherDay = await request(h.app)
      .post('/v1/persons')
      .set(auth(otherRegistrar))
      .send({ ...person, dateOfBirth: '1961-07-10' });
    expect(anotherDay.status).toBe(201);
    const third = await request(h.app).post('/v1/persons').set(auth(registrar)).send(person);
    expect(third.body.candidates.sort()).toEqual([first.nin, otherPerson.body.nin].sort());
  });

  it('the import reports a row of someone enrolled, or of a row before it, as rejected with the candidates', async () => {
    const enrolled = await enrol(h.app, registrar, { ...person, dateOfBirth: '1962-01-01' });
    const ref = `MSN/1962/${Date.now()}`;
    const rows = [
      { legacyReference: `${ref}/1`, ...person, dateOfBirth: '1962-01-01' },
      { legacyReference: `${ref}/2`, ...person, dateOfBirth: '1963-01-01' },
      { legacyReference: `${ref}/3`, ...person, dateOfBirth: '1963-01-01' },
      { legacyReference: `${ref}/4`, ...person, name: motherName, sex: 'female', dateOfBirth: '1930-01-01' },
    ];
    const res = await request(h.app)
      .post('/v1/imports')
      .set(auth(admin))
      .set('Content-Type', 'application/x-ndjson')
      .send(rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expectContract(res);
    expect(res.body).toMatchObject({ rows: 4, imported: 2, rejected: 2 });
    expect(res.body.rejections).toEqual([
      expect.objectContaining({ line: 1, field: 'name', candidates: [enrolled.nin] }),
      expect.objectContaining({ line: 3, field: 'name', reason: expect.stringContaining('line 2') }),
    ]);
  });
});

describe('the duplicate check reads through its index', () => {
  it('files each declaration under its keys, and a rebuild files them again', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const r = await declareAndRegister(
      h.app,
      officer,
      registrar,
      '/v1/births',
      birthDeclaration(mother.nin, father.nin),
    );
    const keys = (await h.services.duplicateKeys.list({ recordId: r.id })).map((k) => k.key);
    expect(keys).toEqual(['B/mname:فاطمه.علي.حسن/2026-03']);
    const snapshot = async () => ({
      keys: await h.services.duplicateKeys.list({}),
      personKeys: await h.services.personKeys.list({}),
      records: (await h.services.records.list({})).map((x) => [x._id, x.duplicates, x.duplicateReview, x.flags]),
    });
    const before = await snapshot();
    await rebuildProjections(h.services);
    expect(await snapshot()).toEqual(before);
  });
});
