import request from 'supertest';
import { auth, type App } from './harness';

export const motherName = {
  givenName: 'فاطمة',
  fatherName: 'علي',
  grandfatherName: 'حسن',
  familyName: 'الجبوري',
  latin: { givenName: 'Fatima', fatherName: 'Ali', grandfatherName: 'Hassan', familyName: 'Al-Jubouri' },
};
export const fatherName = {
  givenName: 'أحمد',
  fatherName: 'محمود',
  grandfatherName: 'كريم',
  familyName: 'التميمي',
  latin: { givenName: 'Ahmed', fatherName: 'Mahmoud', grandfatherName: 'Karim', familyName: 'Al-Tamimi' },
};

/** Enrols a person through the API and returns the answer's body. */
export async function enrol(app: App, registrarToken: string, body: Record<string, unknown>) {
  let res = await request(app).post('/v1/persons').set(auth(registrarToken)).send(body);
  // The fixtures' people are namesakes on purpose (every test's mother is Fatima Ali Hassan, born
  // on one day): told they may be enrolled already, the fixture says they are other people (again,
  // when tests enrolling at once added a namesake in between).
  for (let tries = 0; tries < 10 && res.status === 409 && res.body.code === 'possible-duplicate'; tries++)
    res = await request(app)
      .post('/v1/persons')
      .set(auth(registrarToken))
      .send({ ...body, notDuplicateOf: res.body.candidates, reason: 'A namesake of the test fixtures' });
  if (res.status !== 201) throw new Error(`enrol failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { nin: string; version: number };
}

export async function enrolParents(app: App, registrarToken: string) {
  const mother = await enrol(app, registrarToken, {
    name: motherName,
    sex: 'female',
    dateOfBirth: '1995-04-02',
    placeOfBirth: { governorate: 'IQ-BG' },
  });
  const father = await enrol(app, registrarToken, {
    name: fatherName,
    sex: 'male',
    dateOfBirth: '1990-09-17',
    placeOfBirth: { governorate: 'IQ-BA' },
  });
  return { mother, father };
}

export function birthDeclaration(motherNin: string, fatherNin?: string, child: Record<string, unknown> = {}) {
  return {
    child: {
      givenName: 'زينب',
      sex: 'female',
      dateOfBirth: '2026-03-14',
      placeOfBirth: { governorate: 'IQ-BG', facility: 'Yarmouk Teaching Hospital' },
      latin: { givenName: 'Zainab' },
      ...child,
    },
    mother: { nin: motherNin },
    ...(fatherNin ? { father: { nin: fatherNin } } : {}),
    informant: { relationship: 'father' },
  };
}

/** Declares with one token and registers with another (four eyes); throws with the answer when either is refused. */
export async function declareAndRegister(app: App, officer: string, registrar: string, path: string, body: object) {
  const declared = await request(app).post(path).set(auth(officer)).send(body);
  if (declared.status !== 201) throw new Error(`${path}: ${declared.status} ${JSON.stringify(declared.body)}`);
  const registered = await request(app).post(`/v1/records/${declared.body.id}/registration`).set(auth(registrar));
  if (registered.status !== 200)
    throw new Error(`registration: ${registered.status} ${JSON.stringify(registered.body)}`);
  return registered.body as { id: string; registrationNumber: string; child: { nin: string } } & Record<
    string,
    unknown
  >;
}

/** Two parents enrolled and their child's birth registered. */
export async function registeredBirth(app: App, officer: string, registrar: string) {
  const { mother, father } = await enrolParents(app, registrar);
  const record = await declareAndRegister(
    app,
    officer,
    registrar,
    '/v1/births',
    birthDeclaration(mother.nin, father.nin),
  );
  return { record, mother: mother.nin, father: father.nin };
}

/**
 * A registered record of each kind that has a certificate: a birth, its parents' marriage, their
 * divorce and the father's death (the certificate pictures in docs/ show these).
 */
export async function registeredOfEachKind(app: App, officer: string, registrar: string) {
  const { record, mother, father } = await registeredBirth(app, officer, registrar);
  const marriage = await declareAndRegister(app, officer, registrar, '/v1/marriages', {
    partyA: { nin: father },
    partyB: { nin: mother },
    dateOfMarriage: '2020-02-20',
    placeOfMarriage: { governorate: 'IQ-NA' },
  });
  const divorce = await declareAndRegister(app, officer, registrar, '/v1/divorces', {
    marriageId: marriage.id,
    dateOfDivorce: '2025-01-10',
    courtReference: 'NJF-PS-2025/19',
    divorceType: 'khula',
  });
  const death = await declareAndRegister(app, officer, registrar, '/v1/deaths', {
    deceased: { nin: father },
    dateOfDeath: '2026-05-02',
    placeOfDeath: { governorate: 'IQ-BA', facility: 'Basra Teaching Hospital' },
    causeOfDeath: { icd10: 'I21.9' },
  });
  return { birth: record.id, marriage: marriage.id, divorce: divorce.id, death: death.id, mother, father };
}

/** The smallest file that is a PDF by its first bytes: a scanned court order, as far as the registry checks. */
export const SCANNED_PDF = Buffer.from('%PDF-1.4\n% a scanned court order\n%%EOF\n', 'latin1');

/**
 * Attaches a scanned judgment to a record (`court-order`) and returns the evidence a correction
 * names it with.
 */
export async function courtOrderEvidence(app: App, token: string, recordId: string, reference = 'KRK-CS-2026/118') {
  const res = await request(app)
    .post(`/v1/records/${recordId}/documents`)
    .query({ type: 'court-order' })
    .set(auth(token))
    .set('Content-Type', 'application/pdf')
    .send(SCANNED_PDF);
  if (res.status !== 201) throw new Error(`attach: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    courtOrder: { court: 'Karkh Civil Status Court', reference, date: '2026-04-02' },
    documentIds: [res.body.id as string],
  };
}
