import { auth, request, startHarness, type Harness } from './support/harness';
import { pdfText } from './support/certificates';
import { certificatePdf } from './support/certificates';
import { jwtClaims, etagOf } from './support/checked';
import { SCANNED_PDF, courtOrderEvidence, declareAndRegister, enrolParents, registeredBirth } from './support/fixtures';

let h: Harness;
let officer: string;
let registrar: string;
beforeAll(async () => {
  h = await startHarness();
  [officer, registrar] = [await h.token('officer'), await h.token('registrar')];
});
afterAll(() => h.close());

/** Sends a correction at the record's current version. */
async function correct(id: string, body: object, token = registrar) {
  const read = await request(h.app).get(`/v1/records/${id}`).set(auth(token));
  return request(h.app).post(`/v1/records/${id}/corrections`).set(auth(token)).set('If-Match', etagOf(read)).send(body);
}

const rename = { changes: { child: { givenName: 'مريم' } }, reason: 'The court changed the given name' };

describe('a registered birth', () => {
  it('needs a court order to change its names: 422 evidence-required without one, nothing changed', async () => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    const res = await correct(record.id, rename);
    expect([res.status, res.body.code]).toEqual([422, 'evidence-required']);
    expect(res.body.detail).toMatch(/names of a registered birth needs a court order/);
    const after = await request(h.app).get(`/v1/records/${record.id}`).set(auth(registrar));
    expect([after.body.version, after.body.child.givenName]).toEqual([record.version, 'زينب']);
  });

  it.each([
    ['the date of birth', { child: { dateOfBirth: '2026-03-13' } }, 'dates'],
    ['the sex', { child: { sex: 'male' } }, 'sex'],
  ])('needs one for %s too', async (_what, changes, group) => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    const res = await correct(record.id, { changes, reason: 'Wrong on the hospital form' });
    expect([res.status, res.body.code]).toEqual([422, 'evidence-required']);
    expect(res.body.detail).toContain(group);
  });

  it('takes a romanized name on a reason alone', async () => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    const res = await correct(record.id, {
      changes: { child: { latin: { givenName: 'Zaynab' } } },
      reason: 'Spelling',
    });
    expect(res.status).toBe(200);
  });

  it('refuses evidence naming a document that is not a court order of this record (422 evidence-not-court-order)', async () => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    const form = await request(h.app)
      .post(`/v1/records/${record.id}/documents?type=hospital-notification`)
      .set(auth(officer))
      .set('Content-Type', 'application/pdf')
      .send(SCANNED_PDF);
    const other = await registeredBirth(h.app, officer, registrar);
    const elsewhere = await courtOrderEvidence(h.app, officer, other.record.id);
    const courtOrder = elsewhere.courtOrder;
    for (const documentIds of [[form.body.id], elsewhere.documentIds, ['d_AAAAAAAAAAAAAAAAAAAAAA']]) {
      const res = await correct(record.id, { ...rename, evidence: { courtOrder, documentIds } });
      expect([res.status, res.body.code]).toEqual([422, 'evidence-not-court-order']);
      expect(res.body.detail).toContain(documentIds[0]);
    }
    const future = await courtOrderEvidence(h.app, officer, record.id);
    const res = await correct(record.id, {
      ...rename,
      evidence: { ...future, courtOrder: { ...future.courtOrder, date: '2999-01-01' } },
    });
    expect([res.status, res.body.code]).toEqual([422, 'court-order-date']);
  });

  it('is corrected with a court order: the history shows it, and a certificate issued after carries the marginal note', async () => {
    const { record } = await registeredBirth(h.app, officer, registrar);
    const before = await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId: record.id });
    const evidence = await courtOrderEvidence(h.app, officer, record.id, 'KRK-CS-2026/118');
    const res = await correct(record.id, { ...rename, evidence });
    expect(res.status).toBe(200);
    expect(res.body.child.givenName).toBe('مريم');

    const history = await request(h.app).get(`/v1/records/${record.id}/history`).set(auth(registrar));
    const entry = history.body.items.find((e: { type: string }) => e.type === 'record.corrected');
    expect(entry.data.evidence).toEqual(evidence);
    expect(history.body.items.map((e: { type: string }) => e.type)).toContain('document.attached');

    const issued = await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId: record.id });
    expect(issued.status).toBe(201);
    const claims = jwtClaims(issued.body.token) as { credentialSubject: Record<string, unknown> };
    expect(claims.credentialSubject.correctedByCourtOrder).toEqual([evidence.courtOrder]);
    const text = (await pdfText((await certificatePdf(h.app, issued.body.id, officer)).body as Buffer)).pages.join(
      '\n',
    );
    expect(text).toContain('Corrected by court order (KRK-CS-2026/118, 2 April 2026)');
    // pdf.js gives a mixed right-to-left line in its visual runs: the Arabic words, the date and the reference each whole.
    const arabic = text.split('\n').find((l) => l.includes('صُحّح بقرار المحكمة'));
    expect(arabic).toContain('٢ نيسان ٢٠٢٦');
    expect(arabic).toContain('KRK-CS-2026/118');
    expect(text).toContain('حاشيةMarginal note');
    // In Kurdish too, on a certificate in Kurdish and Arabic.
    const inKurdish = await request(h.app)
      .post('/v1/certificates')
      .set(auth(officer))
      .send({ recordId: record.id, language: 'ckb-ar' });
    const ckb = (await pdfText((await certificatePdf(h.app, inKurdish.body.id, officer)).body as Buffer)).pages.join(
      '\n',
    );
    const kurdishNote = ckb.split('\n').find((l) => l.includes('ڕاستکرایەوە بە بڕیاری دادگا'));
    expect(kurdishNote).toContain('KRK-CS-2026/118');
    expect(ckb).toContain('صُحّح بقرار المحكمة');
    // The certificate issued before the correction has no note, and is superseded by it.
    const old = jwtClaims(before.body.token) as { credentialSubject: Record<string, unknown> };
    expect(old.credentialSubject.correctedByCourtOrder).toBeUndefined();
    expect((await request(h.app).get(`/v1/certificates/${before.body.id}`).set(auth(officer))).body.status).toBe(
      'superseded',
    );
  });
});

describe('a declared record, not yet registered', () => {
  it('is amended on a reason alone (a notified birth gets its names), and keeps no marginal note', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send({
        child: { givenName: 'زينب', sex: 'female', dateOfBirth: '2026-03-14', placeOfBirth: { governorate: 'IQ-BG' } },
        mother: { nin: mother.nin },
        father: { nin: father.nin },
      });
    const res = await correct(declared.body.id, rename);
    expect(res.status).toBe(200);
    expect((await h.services.records.get(declared.body.id))?.courtOrders).toBeUndefined();
  });
});

describe('a registered death', () => {
  async function registeredDeath() {
    const { father } = await enrolParents(h.app, registrar);
    return declareAndRegister(h.app, officer, registrar, '/v1/deaths', {
      deceased: { nin: father.nin },
      dateOfDeath: '2026-05-02',
      placeOfDeath: { governorate: 'IQ-BA' },
      causeOfDeath: { icd10: 'I21.9' },
      certifier: { type: 'physician', name: 'Dr. Huda Salim' },
    });
  }

  it('needs a court order for its date and its cause, a reason for its certifier', async () => {
    const death = await registeredDeath();
    for (const changes of [{ dateOfDeath: '2026-05-01' }, { causeOfDeath: { icd10: 'I21.0' } }]) {
      const res = await correct(death.id, { changes, reason: 'The hospital corrected its form' });
      expect({ changes, code: res.body.code }).toEqual({ changes, code: 'evidence-required' });
    }
    const certifier = { certifier: { type: 'physician', name: 'Dr. Huda Salim Jaber' } };
    expect((await correct(death.id, { changes: certifier, reason: 'Full name' })).status).toBe(200);
    const evidence = await courtOrderEvidence(h.app, officer, death.id);
    const dated = await correct(death.id, { changes: { dateOfDeath: '2026-05-01' }, reason: 'Judgment', evidence });
    expect([dated.status, dated.body.dateOfDeath]).toEqual([200, '2026-05-01']);
  });
});

describe('the policy from the environment', () => {
  it('CORRECTION_EVIDENCE lays a country’s levels over Iraq’s: here names need a reason only', async () => {
    const other = await startHarness({ CORRECTION_EVIDENCE: '{"birth":{"names":"reason"}}' });
    try {
      const [o, r] = [await other.token('officer'), await other.token('registrar')];
      const { record } = await registeredBirth(other.app, o, r);
      const read = await request(other.app).get(`/v1/records/${record.id}`).set(auth(r));
      const res = await request(other.app)
        .post(`/v1/records/${record.id}/corrections`)
        .set(auth(r))
        .set('If-Match', etagOf(read))
        .send(rename);
      expect(res.status).toBe(200);
      expect(other.services.law.corrections.birth).toMatchObject({ names: 'reason', dates: 'court-order' });
    } finally {
      await other.close();
    }
  });
});
