import { EVENT_ROLES, type EventCatalogue } from '../src/events';
import { registerProjectors } from '../src/projectors';
import { Journal } from '../src/journal/journal';
import { issueCertificate } from '../src/modules/certificates/commands';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { registeredBirth } from './support/fixtures';
import { certificatePdf, pdfText } from './support/certificates';
import { jwtClaims } from './support/checked';

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

const issue = (recordId: string, language?: string) =>
  request(h.app)
    .post('/v1/certificates')
    .set(auth(officer))
    .send({ recordId, ...(language ? { language } : {}) });
const issuedOf = async (recordId: string) =>
  (await request(h.app).get(`/v1/records/${recordId}`).set(auth(officer))).body;

describe('certified copies', () => {
  it('numbers each certificate of a record 1, 2, 3… in the answer, the token and the verification', async () => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    expect((await issuedOf(record.id)).certificatesIssued).toBe(0);
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await issue(record.id);
      expectContract(res);
      expect(res.status).toBe(201);
      answers.push(res.body);
    }
    expect(answers.map((a) => a.copyNumber)).toEqual([1, 2, 3]);
    expect((await issuedOf(record.id)).certificatesIssued).toBe(3);
    const read = await request(h.app).get(`/v1/certificates/${answers[1].id}`).set(auth(officer));
    expectContract(read);
    expect(read.body.copyNumber).toBe(2);
    // Signed into the token: whoever holds it sees which copy it is, offline.
    expect(jwtClaims(answers[1].token)).toMatchObject({ credentialSubject: { copyNumber: 2 } });
    const verified = await request(h.app).post('/v1/certificates/verification').send({ token: answers[1].token });
    expectContract(verified);
    expect(verified.body).toMatchObject({ valid: true, certificate: { copyNumber: 2 } });
    expect(verified.body.certificate.facts.copyNumber).toBeUndefined();
    // Another record counts its own copies from 1.
    const other = await registeredBirth(h.app, officer, registrar);
    expect((await issue(other.record.id)).body.copyNumber).toBe(1);
  });

  it('prints the copy number on the PDF in Arabic, in English and in Kurdish', async () => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    await issue(record.id);
    const second = (await issue(record.id)).body;
    const text = await pdfText((await certificatePdf(h.app, second.id, officer)).body as Buffer);
    const page = text.pages.join('\n');
    expect(page).toContain('Certified copy no. 2');
    expect(page).toContain('نسخة مصدقة رقم ٢');
    const english = (await issue(record.id, 'en')).body;
    const en = (await pdfText((await certificatePdf(h.app, english.id, officer)).body as Buffer)).pages.join('\n');
    expect(en).toContain('Certified copy no. 3');
    expect(en).not.toContain('نسخة');
    const kurdish = (await issue(record.id, 'ckb-ar')).body;
    const ckb = (await pdfText((await certificatePdf(h.app, kurdish.id, officer)).body as Buffer)).pages.join('\n');
    expect(ckb).toContain('کۆپیی پەسەندکراوی ژمارە ٤');
    expect(ckb).toContain('نسخة مصدقة رقم ٤');
  });

  it('gives concurrent issues of one record distinct numbers with no gap', async () => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    const answers = await Promise.all(Array.from({ length: 12 }, () => issue(record.id)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 12 }, () => 201));
    const numbers = answers.map((a) => a.body.copyNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await issuedOf(record.id)).certificatesIssued).toBe(12);
  }, 60_000);

  it('leaves no gap and no double when another process issues copies at the same time (lost append races)', async () => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    // A second Journal on the same database, with its projectors, is what a second service process
    // has. Issued at the same time through both, one of each pair loses the race on seq, catches
    // up (waiting for the other's copy to be applied) and decides again: it must take the next
    // number, not keep the one it decided first.
    const other = new Journal<EventCatalogue>(h.services.db, { roles: EVENT_ROLES });
    registerProjectors(other, h.services, h.services.law, h.services.models, h.services.certificateCache);
    const ctx = { actor: { id: 'u_other', role: 'officer' as const, office: 'BGD' }, requestId: 'race' };
    const numbers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [elsewhere, here] = await Promise.all([
        issueCertificate({ ...h.services, journal: other }, ctx, { recordId: record.id, language: 'ar-en' }),
        issue(record.id),
      ]);
      numbers.push(elsewhere.data.copyNumber!, here.body.copyNumber);
    }
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    const all = await h.services.certificates.list({ recordId: record.id });
    expect(all.map((c) => c.copyNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  }, 60_000);
});
