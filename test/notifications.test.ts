import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, enrolParents } from './support/fixtures';
import { randomNin } from '../src/modules/common/nin';
import { NIN_SYSTEM } from '../src/modules/notifications/fhir';
import { etagOf } from './support/checked';

let h: Harness;
let hospital: string;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  hospital = await h.clientToken(['notifications:write']);
  officer = await h.token('officer');
  registrar = await h.token('registrar');
});
afterAll(() => h.close());

const notify = (kind: 'births' | 'deaths', body: object, token = hospital, type = 'application/json') =>
  request(h.app)
    .post(`/v1/notifications/${kind}`)
    .set(auth(token))
    .set('Content-Type', type)
    .send(JSON.stringify(body));

const birth = (notificationId: string, motherNin: string, extra: object = {}) => ({
  notificationId,
  facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG' },
  birth: { date: '2026-03-14', time: '08:20', sex: 'female', weightGrams: 3150, plurality: 1, ...extra },
  mother: { nin: motherNin },
});

describe('hospital notifications', () => {
  it('a birth notification makes a declared record an officer completes and a registrar registers', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const sent = await notify('births', birth('YTH-2026-000123', mother.nin));
    expectContract(sent);
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ recordId: expect.stringMatching(/^r_/), status: 'declared' });
    const record = await request(h.app).get(`/v1/records/${sent.body.recordId}`).set(auth(officer));
    expectContract(record);
    expect(record.body).toMatchObject({
      kind: 'birth',
      status: 'declared',
      office: 'BGD',
      notification: { notificationId: 'YTH-2026-000123', facility: 'Yarmouk Teaching Hospital' },
      child: { sex: 'female', dateOfBirth: '2026-03-14', timeOfBirth: '08:20', weightGrams: 3150, plurality: 1 },
      informant: { relationship: 'health-facility' },
    });
    expect(record.body.child.givenName).toBeUndefined();
    const early = await request(h.app).post(`/v1/records/${sent.body.recordId}/registration`).set(auth(registrar));
    expect([early.status, early.body.code]).toEqual([422, 'child-name-missing']);
    const completed = await request(h.app)
      .post(`/v1/records/${sent.body.recordId}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(record))
      .send({
        changes: { child: { givenName: 'زينب', fatherName: 'أحمد', grandfatherName: 'محمود' } },
        reason: 'Names given by the parents at the office',
      });
    expect(completed.status).toBe(200);
    const registered = await request(h.app).post(`/v1/records/${sent.body.recordId}/registration`).set(auth(registrar));
    expect(registered.status).toBe(200);
    expect(registered.body.child).toMatchObject({
      givenName: 'زينب',
      weightGrams: 3150,
      nin: expect.stringMatching(/^\d{12}$/),
    });
  });

  it('the same notificationId gives the same answer; other facts under it are a conflict; another hospital has its own ids', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const first = await notify('births', birth('YTH-2026-000777', mother.nin));
    const again = await notify('births', birth('YTH-2026-000777', mother.nin));
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const changed = await notify('births', birth('YTH-2026-000777', mother.nin, { weightGrams: 2900 }));
    expectContract(changed);
    expect([changed.status, changed.body.code]).toEqual([409, 'notification-conflict']);
    const other = await notify(
      'births',
      birth('YTH-2026-000777', mother.nin),
      await h.clientToken(['notifications:write']),
    );
    expect(other.body.recordId).not.toBe(first.body.recordId);
    const noScope = await notify('births', birth('X-1', mother.nin), await h.clientToken(['feed:read']));
    expect(noScope.status).toBe(403);
  });

  it('reads the same facts from a FHIR R4 Bundle', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      identifier: { system: 'urn:hospital:yarmouk', value: 'YTH-2026-000999' },
      entry: [
        {
          resource: {
            resourceType: 'Patient',
            id: 'newborn',
            gender: 'male',
            birthDate: '2026-03-15',
            _birthDate: {
              extension: [
                {
                  url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime',
                  valueDateTime: '2026-03-15T21:05:00+03:00',
                },
              ],
            },
            multipleBirthInteger: 2,
          },
        },
        {
          resource: {
            resourceType: 'RelatedPerson',
            patient: { reference: 'Patient/newborn' },
            relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }] }],
            identifier: [{ system: NIN_SYSTEM, value: mother.nin }],
          },
        },
        {
          resource: {
            resourceType: 'Encounter',
            status: 'finished',
            class: { code: 'IMP' },
            subject: { reference: 'Patient/newborn' },
          },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '8339-4' }] },
            valueQuantity: { value: 2.75, unit: 'kg' },
          },
        },
        {
          resource: {
            resourceType: 'Organization',
            name: 'Basra Maternity Hospital',
            address: [{ state: 'IQ-BA', district: 'Basra' }],
          },
        },
      ],
    };
    const sent = await notify('births', bundle, hospital, 'application/fhir+json');
    expect(sent.status).toBe(202);
    const record = await request(h.app).get(`/v1/records/${sent.body.recordId}`).set(auth(officer));
    expect(record.body).toMatchObject({
      office: 'BSR',
      child: {
        sex: 'male',
        dateOfBirth: '2026-03-15',
        timeOfBirth: '21:05',
        weightGrams: 2750,
        plurality: 2,
        placeOfBirth: { governorate: 'IQ-BA', facility: 'Basra Maternity Hospital' },
      },
      mother: { nin: mother.nin },
    });
    const incomplete = await notify(
      'births',
      { ...bundle, entry: bundle.entry.slice(0, 1) },
      hospital,
      'application/fhir+json',
    );
    expectContract(incomplete);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.detail).toMatch(/RelatedPerson/);
  });

  it('a death notification, as ours or as FHIR, checked by the civil-status rules', async () => {
    const { father } = await enrolParents(h.app, registrar);
    const ours = {
      notificationId: 'BTH-2026-004410',
      facility: { name: 'Basra Teaching Hospital', governorate: 'IQ-BA' },
      deceased: { nin: father.nin },
      dateOfDeath: '2026-05-02',
      timeOfDeath: '23:40',
      causeOfDeath: { icd10: 'I21.9', text: 'Acute myocardial infarction' },
      certifier: { type: 'physician', name: 'Dr. Huda Salim', licenceNumber: 'IMS-55120' },
    };
    const sent = await notify('deaths', ours);
    expect(sent.status).toBe(202);
    const record = await request(h.app).get(`/v1/records/${sent.body.recordId}`).set(auth(officer));
    expect(record.body).toMatchObject({
      kind: 'death',
      deceased: { nin: father.nin },
      timeOfDeath: '23:40',
      causeOfDeath: { icd10: 'I21.9' },
      notification: { notificationId: 'BTH-2026-004410' },
    });
    // A Basra hospital's notification is a Basra record: a Basra registrar registers it.
    expect(record.body.office).toBe('BSR');
    const basra = await h.token('registrar', 'BSR');
    expect((await request(h.app).post(`/v1/records/${sent.body.recordId}/registration`).set(auth(basra))).status).toBe(
      200,
    );
    expect((await request(h.app).get(`/v1/persons/${father.nin}`).set(auth(officer))).body.status).toBe('deceased');

    const { mother } = await enrolParents(h.app, registrar);
    const fhir = {
      resourceType: 'Bundle',
      identifier: { value: 'BTH-2026-004411' },
      entry: [
        {
          resource: {
            resourceType: 'Patient',
            identifier: [{ system: NIN_SYSTEM, value: mother.nin }],
            deceasedDateTime: '2026-06-01T04:10:00+03:00',
          },
        },
        {
          resource: {
            resourceType: 'Condition',
            code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'J18.9' }], text: 'Pneumonia' },
          },
        },
        {
          resource: {
            resourceType: 'Practitioner',
            name: [{ given: ['Huda'], family: 'Salim' }],
            identifier: [{ value: 'IMS-55120' }],
          },
        },
        { resource: { resourceType: 'Organization', name: 'Basra Teaching Hospital', address: [{ state: 'IQ-BA' }] } },
      ],
    };
    const viaFhir = await notify('deaths', fhir, hospital, 'application/fhir+json');
    expect(viaFhir.status).toBe(202);
    const r2 = await request(h.app).get(`/v1/records/${viaFhir.body.recordId}`).set(auth(officer));
    expect(r2.body).toMatchObject({
      dateOfDeath: '2026-06-01',
      timeOfDeath: '04:10',
      causeOfDeath: { icd10: 'J18.9', text: 'Pneumonia' },
      certifier: { name: 'Huda Salim' },
    });

    // A second death is refused; the hospital is told no more than for any mismatch (see below).
    const again = await notify('deaths', { ...ours, notificationId: 'BTH-2026-004412' });
    expect([again.status, again.body.code]).toEqual([422, 'registry-mismatch']);
  });
});

const deathOf = (notificationId: string, nin: string, dateOfDeath: string) => ({
  notificationId,
  facility: { name: 'Basra Teaching Hospital', governorate: 'IQ-BA' },
  deceased: { nin },
  dateOfDeath,
  causeOfDeath: { icd10: 'I21.9' },
  certifier: { type: 'physician', name: 'Dr. Huda Salim' },
});

/** What an answer may not carry to a client: a date, a record id, a sex. */
const REGISTRY_DATA = /\d{4}-\d{2}-\d{2}|r_[A-Za-z0-9_-]{6,}|\b(fe)?male\b/;

describe("what a hospital is told when the registry's rules refuse its notification", () => {
  it('one answer, without registry data, for a death before the birth, a second death, an unknown NIN and a male mother', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const beforeBirth = await notify('deaths', deathOf('M-1', father.nin, '1975-06-15'));
    const unknown = await notify('deaths', deathOf('M-2', randomNin(), '2026-05-02'));
    const registeredDeath = await notify('deaths', deathOf('M-3', mother.nin, '2026-05-02'));
    // The Basra hospital's record is Basra's: a Basra registrar registers it.
    const basraRegistrar = await h.token('registrar', 'BSR');
    expect(
      (await request(h.app).post(`/v1/records/${registeredDeath.body.recordId}/registration`).set(auth(basraRegistrar)))
        .status,
    ).toBe(200);
    const secondDeath = await notify('deaths', deathOf('M-4', mother.nin, '2026-05-03'));
    const maleMother = await notify('births', birth('M-5', father.nin));
    const unknownMother = await notify('births', birth('M-6', randomNin()));
    const answers = { beforeBirth, unknown, secondDeath, maleMother, unknownMother };
    for (const [name, res] of Object.entries(answers)) {
      expectContract(res);
      expect({ name, status: res.status, code: res.body.code }).toEqual({
        name,
        status: 422,
        code: 'registry-mismatch',
      });
      expect({ name, leaks: REGISTRY_DATA.exec(JSON.stringify(res.body))?.[0] }).toEqual({ name, leaks: undefined });
      // The same words whether the NIN exists or not: the answer is no test of a NIN.
      expect(res.body).toEqual(unknown.body);
    }
  });

  it('staff see the rule and the registry data that explains it', async () => {
    const { father } = await enrolParents(h.app, registrar);
    const death = {
      deceased: { nin: father.nin },
      dateOfDeath: '1975-06-15',
      placeOfDeath: { governorate: 'IQ-BG' },
      causeOfDeath: { icd10: 'I21.9' },
    };
    const staff = await request(h.app).post('/v1/deaths').set(auth(officer)).send(death);
    expect([staff.status, staff.body.code]).toEqual([422, 'before-birth']);
    expect(staff.body.detail).toContain('(1990-09-17)');
    const maleMother = await request(h.app).post('/v1/births').set(auth(officer)).send(birthDeclaration(father.nin));
    expect([maleMother.status, maleMother.body.code, maleMother.body.detail]).toEqual([
      422,
      'mother-not-female',
      'The mother is recorded as male',
    ]);
  });

  it('checks what the hospital sent alone first, and tells it as it is, known NIN or not', async () => {
    const { father } = await enrolParents(h.app, registrar);
    const known = await notify('deaths', deathOf('F-1', father.nin, '2999-01-01'));
    const unknown = await notify('deaths', deathOf('F-2', randomNin(), '2999-01-01'));
    expect([known.status, known.body.code]).toEqual([422, 'date-in-future']);
    expect(known.body.detail).toContain('2999-01-01');
    expect(unknown.body).toEqual(known.body);
    const futureBirth = await notify('births', birth('F-3', randomNin(), { date: '2999-01-01' }));
    expect([futureBirth.status, futureBirth.body.code]).toEqual([422, 'date-in-future']);
  });

  it('an Idempotency-Key replay answers what the hospital was told, not the staff detail', async () => {
    const { father } = await enrolParents(h.app, registrar);
    const send = () =>
      request(h.app)
        .post('/v1/notifications/deaths')
        .set(auth(hospital))
        .set('Idempotency-Key', 'replay-key-0001')
        .send(deathOf('I-1', father.nin, '1975-06-15'));
    const first = await send();
    const replay = await send();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect([replay.status, replay.body]).toEqual([first.status, first.body]);
    expect(replay.body.code).toBe('registry-mismatch');
  });
});
