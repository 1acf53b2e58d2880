import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { calculateJwkThumbprint, createLocalJWKSet, jwtVerify } from 'jose';
import jwt from 'jsonwebtoken';
import { PNG } from 'pngjs';
import { rotateKey, withdrawKey } from '../src/modules/certificates/key-rotation';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import {
  birthDeclaration,
  enrolParents,
  registeredBirth as registerBirth,
  registeredOfEachKind,
  courtOrderEvidence,
} from './support/fixtures';
import { certificatePdf, decodeQr, pdfText, renderFirstPage, writeCertificatePicture } from './support/certificates';
import { DOCS, ROOT, docsFingerprint, isUnder, scratchPictures } from './support/pictures';
import { etagOf, jwtClaims, jwtParts, must } from './support/checked';

let h: Harness;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;
// The certificates' pictures go to a temporary folder; `npm run docs:pictures` makes the ones in docs/.
let pictures: Awaited<ReturnType<typeof scratchPictures>>;
let docsBefore: Record<string, string>;

beforeAll(async () => {
  docsBefore = await docsFingerprint();
  pictures = await scratchPictures('certificates');
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
});
afterAll(async () => {
  await h.close();
  await pictures?.remove();
});

const post = (p: string, body: object, token = officer) => request(h.app).post(p).set(auth(token)).send(body);

const registeredBirth = () => registerBirth(h.app, officer, registrar);
const pdfOf = (id: string, token: string) => certificatePdf(h.app, id, token);

/** A picture of a whole A4 page at 150 dpi (pdftoppm makes it 1241 x 1754 pixels), in the temporary folder. */
async function expectPicture(file: string) {
  expect(isUnder(file, pictures.dir)).toBe(true);
  const picture = PNG.sync.read(await readFile(file));
  expect([picture.width, picture.height]).toEqual([1241, 1754]);
}

describe('certificates', () => {
  it('issues a signed birth certificate, with a bilingual PDF whose QR code carries its COSE credential', async () => {
    const { record } = await registeredBirth();
    const issued = await post('/v1/certificates', { recordId: record.id });
    expectContract(issued);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      recordId: record.id,
      kind: 'birth',
      status: 'valid',
      subjectNin: record.child.nin,
    });

    const pdf = await pdfOf(issued.body.id, officer);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // The QR code at 200 dpi (an office printer prints at 300 or more); the picture (as in docs/) at 150.
    const png = await renderFirstPage(pdf.body as Buffer, 200, true);
    await expectPicture(await writeCertificatePicture(pictures.dir, 'birth', pdf.body as Buffer));
    expect(decodeQr(png)).toBe(issued.body.qr);

    const verified = await post('/v1/certificates/verification', { token: issued.body.token });
    expectContract(verified);
    expect(verified.body).toMatchObject({
      valid: true,
      status: 'valid',
      certificate: { kind: 'birth', registrationNumber: record.registrationNumber },
    });
  });
});

describe('certificates checked by someone else’s code', () => {
  it('verifies with jose against the served JWKS: ES256, the kid, typ vc+jwt, a VC 2.0 claims set', async () => {
    const { record } = await registeredBirth();
    const issued = await post('/v1/certificates', { recordId: record.id, language: 'ar' });
    const jwks = await request(h.app).get('/.well-known/jwks.json');
    expectContract(jwks);
    expect(jwks.headers['cache-control']).toMatch(/max-age/);
    for (const key of jwks.body.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig', alg: 'ES256' });
      expect(key.kid).toBe(await calculateJwkThumbprint(key, 'sha256'));
    }
    const { payload, protectedHeader } = await jwtVerify(issued.body.token, createLocalJWKSet(jwks.body), {
      algorithms: ['ES256'],
      issuer: h.services.config.PUBLIC_BASE_URL,
      typ: 'vc+jwt',
    });
    expect(protectedHeader.kid).toBe(issued.body.kid);
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'BirthCertificate'],
      issuer: h.services.config.PUBLIC_BASE_URL,
      sub: record.child.nin,
      jti: issued.body.id,
      credentialSubject: {
        kind: 'birth',
        registrationNumber: record.registrationNumber,
        child: { nin: record.child.nin, sex: 'female', dateOfBirth: '2026-03-14' },
      },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
    });
    expect(payload.nbf).toBe(payload.iat);
    // Nothing beyond the certified facts: no declarer, no office, no informant.
    expect(JSON.stringify(payload)).not.toMatch(/declaredBy|informant|office/);
  });

  it('answers invalid for tampered, expired, unknown-key, wrong-algorithm and unsigned tokens, with no facts', async () => {
    const { record } = await registeredBirth();
    const { token } = (await post('/v1/certificates', { recordId: record.id })).body as { token: string };
    const [header, payload, signature] = jwtParts(token);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '111111111111' })).toString('base64url')}.${signature}`;
    const signer = await h.services.keyring.signer();
    const expired = jwt.sign(
      { ...claims, iat: 1_600_000_000, nbf: 1_600_000_000, exp: 1_600_000_100 },
      signer.privateKey,
      {
        algorithm: 'ES256',
        keyid: signer.kid,
        header: { alg: 'ES256', typ: 'vc+jwt' },
      },
    );
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const unknownKey = jwt.sign(claims, stranger, {
      algorithm: 'ES256',
      keyid: 'not-ours',
      header: { alg: 'ES256', typ: 'vc+jwt' },
    });
    const sameKidOtherKey = jwt.sign(claims, stranger, {
      algorithm: 'ES256',
      keyid: signer.kid,
      header: { alg: 'ES256', typ: 'vc+jwt' },
    });
    const hs256 = jwt.sign(claims, 'a shared secret of someone else', {
      algorithm: 'HS256',
      keyid: signer.kid,
      header: { alg: 'HS256', typ: 'vc+jwt' },
    });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'vc+jwt' })).toString('base64url')}.${payload}.`;
    const cases: [string, string][] = [
      [forged, 'bad-signature'],
      [expired, 'expired'],
      [unknownKey, 'unknown-key'],
      [sameKidOtherKey, 'bad-signature'],
      [hs256, 'wrong-algorithm'],
      [none, 'wrong-algorithm'],
      ['not a token', 'malformed'],
    ];
    for (const [t, reason] of cases) {
      const res = await post('/v1/certificates/verification', { token: t });
      expectContract(res);
      expect(res.body).toEqual({ valid: false, status: 'invalid', reason });
    }
  });

  // One test a kind: each renders twice and decodes a QR code at 200 dpi, some seconds of CPU.
  let ofEachKind: Promise<Awaited<ReturnType<typeof registeredOfEachKind>>> | undefined;
  it.each(['marriage', 'divorce', 'death'] as const)(
    'renders a PDF of a %s whose QR code decodes back to its COSE credential',
    async (kind) => {
      ofEachKind ??= registeredOfEachKind(h.app, officer, registrar);
      const records = await ofEachKind;
      const issued = await post('/v1/certificates', { recordId: records[kind] });
      expect(issued.body.kind).toBe(kind);
      const pdf = await pdfOf(issued.body.id, officer);
      expect(pdf.status).toBe(200);
      const png = await renderFirstPage(pdf.body as Buffer, 200, true);
      await expectPicture(await writeCertificatePicture(pictures.dir, kind, pdf.body as Buffer));
      expect(decodeQr(png)).toBe(issued.body.qr);
    },
  );

  it('wrote its pictures outside the repository and left docs/ as it was', async () => {
    expect(isUnder(pictures.dir, ROOT)).toBe(false);
    expect(isUnder(pictures.dir, DOCS)).toBe(false);
    expect(await docsFingerprint()).toEqual(docsBefore);
  });
});

describe('revocation, supersession and keys', () => {
  it('a voided record revokes its certificates; a registrar may revoke one; the status list sets their bits', async () => {
    const { record } = await registeredBirth();
    const a = (await post('/v1/certificates', { recordId: record.id })).body;
    const b = (await post('/v1/certificates', { recordId: record.id })).body;
    // Verified (and so cached) while valid: the revocation must still show at once.
    expect((await post('/v1/certificates/verification', { token: a.token })).body.status).toBe('valid');
    expect((await post('/v1/certificates/verification', { token: b.token })).body.status).toBe('valid');
    const revoked = await post(
      `/v1/certificates/${a.id}/revocation`,
      { reason: 'Reported stolen by the holder' },
      registrar,
    );
    expectContract(revoked);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocation: { reason: 'Reported stolen by the holder' } });
    expect((await post(`/v1/certificates/${a.id}/revocation`, { reason: 'Again' }, registrar)).status).toBe(409);
    expect((await post(`/v1/certificates/${b.id}/revocation`, { reason: 'Officers may not' }, officer)).status).toBe(
      403,
    );
    const verdict = (await post('/v1/certificates/verification', { token: a.token })).body;
    expect(verdict).toMatchObject({ valid: false, status: 'revoked', reason: 'revoked-by-registrar' });
    expect(verdict.certificate.facts).toBeUndefined();

    await post(`/v1/records/${record.id}/voiding`, { reason: 'Registered twice' }, registrar);
    expect((await post('/v1/certificates/verification', { token: b.token })).body).toMatchObject({
      status: 'revoked',
      reason: 'record-voided',
    });

    // Offline: the status list credential, signed, with both bits set.
    const claims = jwtClaims(String(a.token)) as { credentialStatus: { statusListCredential: string } };
    const listPath = new URL(claims.credentialStatus.statusListCredential).pathname;
    const list = await request(h.app).get(listPath);
    expect(list.headers['content-type']).toMatch(/application\/vc\+jwt/);
    const jwks = createLocalJWKSet((await request(h.app).get('/.well-known/jwks.json')).body);
    const { payload } = await jwtVerify(list.text, jwks, { algorithms: ['ES256'], typ: 'vc+jwt' });
    const bits = gunzipSync(
      Buffer.from(String((payload.credentialSubject as { encodedList: string }).encodedList).slice(1), 'base64url'),
    );
    const bit = (i: number) => (must(bits[i >> 3], `byte of bit ${i}`) >> (7 - (i & 7))) & 1;
    const index = (t: string) =>
      Number((jwtClaims(t) as { credentialStatus: { statusListIndex: string } }).credentialStatus.statusListIndex);
    expect([bit(index(a.token) % 131072), bit(index(b.token) % 131072)]).toEqual([1, 1]);
    expect(bits.length).toBe(16384);
  });

  it('a correction supersedes certificates whose facts changed: still genuine, with what was true then', async () => {
    const { record } = await registeredBirth();
    const old = (await post('/v1/certificates', { recordId: record.id })).body;
    const read = await request(h.app).get(`/v1/records/${record.id}`).set(auth(registrar));
    await request(h.app)
      .post(`/v1/records/${record.id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(read))
      .send({
        changes: { child: { dateOfBirth: '2026-03-13' } },
        reason: 'Hospital record',
        evidence: await courtOrderEvidence(h.app, officer, record.id),
      })
      .expect(200);
    const verdict = (await post('/v1/certificates/verification', { token: old.token })).body;
    expect(verdict).toMatchObject({
      valid: false,
      status: 'superseded',
      certificate: { newerExists: true, facts: { child: { dateOfBirth: '2026-03-14' } } },
    });
    const fresh = (await post('/v1/certificates', { recordId: record.id })).body;
    expect((await post('/v1/certificates/verification', { token: fresh.token })).body).toMatchObject({
      status: 'valid',
      certificate: { facts: { child: { dateOfBirth: '2026-03-13' } } },
    });
  });

  it('rotation: the new key signs, the retired one still verifies; a withdrawn key’s certificates are invalid', async () => {
    const { record } = await registeredBirth();
    const before = (await post('/v1/certificates', { recordId: record.id })).body;
    const system = { actor: { id: 'test-operator', role: 'system' as const }, requestId: 'rotate' };
    const kid = await rotateKey(h.services, system);
    const after = (await post('/v1/certificates', { recordId: record.id })).body;
    expect(after.kid).toBe(kid);
    expect(before.kid).not.toBe(kid);
    const kids = (await request(h.app).get('/.well-known/jwks.json')).body.keys.map((k: { kid: string }) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([before.kid, kid]));
    expect((await post('/v1/certificates/verification', { token: before.token })).body.status).toBe('valid');

    await withdrawKey(h.services, system, before.kid, 'Key file copied to an unmanaged laptop');
    expect((await post('/v1/certificates/verification', { token: before.token })).body).toEqual({
      valid: false,
      status: 'invalid',
      reason: 'unknown-key',
    });
    expect(
      (await request(h.app).get('/.well-known/jwks.json')).body.keys.map((k: { kid: string }) => k.kid),
    ).not.toContain(before.kid);
    expect((await post('/v1/certificates/verification', { token: after.token })).body.status).toBe('valid');
    const journaled = await h.services.journal.entries
      .find({ type: { $in: ['certificate-key.activated', 'certificate-key.withdrawn'] } })
      .toArray();
    expect(journaled.map((e) => e.type)).toEqual(
      expect.arrayContaining(['certificate-key.activated', 'certificate-key.withdrawn']),
    );
  });
});

describe('who may have a certificate', () => {
  it('a citizen: their own birth, their children’s, their marriages, a spouse’s death; not a stranger’s', async () => {
    const { record, mother, father } = await registeredBirth();
    const mum = await h.citizen(mother);
    const stranger = await h.citizen();
    expect((await post('/v1/certificates', { recordId: record.id }, mum.token)).status).toBe(201);
    const refused = await post('/v1/certificates', { recordId: record.id }, stranger.token);
    expectContract(refused);
    expect(refused.status).toBe(403);
    const marriage = await post('/v1/marriages', {
      partyA: { nin: father },
      partyB: { nin: mother },
      dateOfMarriage: '2020-02-20',
      placeOfMarriage: { governorate: 'IQ-NA' },
    });
    await post(`/v1/records/${marriage.body.id}/registration`, {}, registrar);
    const own = await post('/v1/certificates', { recordId: marriage.body.id }, mum.token);
    expect(own.body.subjectNin).toBe(mother);
    const death = await post('/v1/deaths', {
      deceased: { nin: father },
      dateOfDeath: '2026-05-02',
      placeOfDeath: { governorate: 'IQ-BA' },
      causeOfDeath: { icd10: 'I21.9' },
    });
    await post(`/v1/records/${death.body.id}/registration`, {}, registrar);
    expect((await post('/v1/certificates', { recordId: death.body.id }, mum.token)).status).toBe(201);
    expect((await post('/v1/certificates', { recordId: death.body.id }, stranger.token)).status).toBe(403);
    // The child, once a citizen, may have the death certificate of a parent.
    const child = await h.citizen(record.child.nin);
    expect((await post('/v1/certificates', { recordId: death.body.id }, child.token)).status).toBe(201);
    // Reading and printing follow the same rule.
    const issued = (await post('/v1/certificates', { recordId: record.id })).body;
    expect((await request(h.app).get(`/v1/certificates/${issued.id}`).set(auth(mum.token))).status).toBe(200);
    expect((await request(h.app).get(`/v1/certificates/${issued.id}`).set(auth(stranger.token))).status).toBe(403);
    expect((await pdfOf(issued.id, stranger.token)).status).toBe(403);
  });

  it('only registered records, and the issue is journaled with who, which record and version', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await post('/v1/births', birthDeclaration(mother.nin, father.nin));
    const refused = await post('/v1/certificates', { recordId: declared.body.id });
    expect([refused.status, refused.body.code]).toEqual([409, 'record-not-registered']);
    await post(`/v1/records/${declared.body.id}/registration`, {}, registrar);
    const issued = (await post('/v1/certificates', { recordId: declared.body.id })).body;
    const entry = await h.services.journal.entries.findOne({ type: 'certificate.issued', entityIds: issued.id });
    expect(entry).toMatchObject({
      actor: { role: 'officer' },
      data: { recordId: declared.body.id, recordVersion: 2, kind: 'birth' },
    });
  });
});

describe('what a verifier learns', () => {
  it('a revoked certificate answers the reason’s code only; staff still read the registrar’s words', async () => {
    const { record } = await registeredBirth();
    const issued = (await post('/v1/certificates', { recordId: record.id })).body;
    const words = 'Suspected fraud: the holder altered the date of birth';
    expect((await post(`/v1/certificates/${issued.id}/revocation`, { reason: words }, registrar)).status).toBe(200);

    const verdict = await post('/v1/certificates/verification', { token: issued.token });
    expectContract(verdict);
    expect(verdict.body).toMatchObject({ valid: false, status: 'revoked', reason: 'revoked-by-registrar' });
    expect(JSON.stringify(verdict.body)).not.toMatch(/Suspected|fraud|altered/);
    const page = await request(h.app).get(`/verify/${issued.id}`);
    expect(page.text).toContain('Revoked by the registrar');
    expect(page.text).not.toMatch(/Suspected|fraud|altered/);

    const staff = await request(h.app).get(`/v1/certificates/${issued.id}`).set(auth(officer));
    expect(staff.body.revocation).toMatchObject({ reason: words });
  });

  it('a mistyped or unknown number gets the HTML page that says to check it; a forged token still reads not valid', async () => {
    for (const id of ['c_doesnotexist', 'c_AAAAAAAAAAAAAAAAAAAAAA', 'BGD-2026-B-000123']) {
      const page = await request(h.app).get(`/verify/${id}`);
      expect([page.status, page.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
      expect(page.text).toContain('No certificate has this number: check it and try again');
      expect(page.text).toContain('data-status="not-found"');
      expect(page.text).not.toContain('Not valid');
    }
    const { record } = await registeredBirth();
    const { token } = (await post('/v1/certificates', { recordId: record.id })).body as { token: string };
    const forged = await request(h.app).get(`/verify?token=${token.slice(0, -4)}AAAA`);
    expect(forged.text).toContain('Not valid — do not accept');
  });

  it('a birth certificate names the parents without their NINs: not in the token, not in the PDF', async () => {
    const { record, mother, father } = await registeredBirth();
    const issued = (await post('/v1/certificates', { recordId: record.id })).body;
    const claims = jwt.decode(issued.token) as { credentialSubject: Record<string, Record<string, unknown>> };
    expect(claims.credentialSubject.child).toMatchObject({ nin: record.child.nin });
    expect(claims.credentialSubject.mother).toEqual({
      name: expect.objectContaining({ givenName: expect.any(String) }),
    });
    expect(claims.credentialSubject.father).toEqual({
      name: expect.objectContaining({ givenName: expect.any(String) }),
    });
    expect(issued.token.length).toBeGreaterThan(0);
    expect(JSON.stringify(claims)).not.toContain(mother);
    expect(JSON.stringify(claims)).not.toContain(father);
    const text = await pdfText((await pdfOf(issued.id, officer)).body as Buffer);
    expect(text.pages.join('\n')).toContain(record.child.nin);
    expect(text.pages.join('\n')).not.toContain(mother);
    expect(text.pages.join('\n')).not.toContain(father);
    // Still genuine, and verification still names the child.
    expect((await post('/v1/certificates/verification', { token: issued.token })).body).toMatchObject({
      valid: true,
      certificate: { subjectNin: record.child.nin },
    });
  });
});

describe('the PDF as text: what a screen reader, a search or an archive reads', () => {
  it('declares its title and language, and pdf.js reads the Arabic and English as written', async () => {
    const { record } = await registeredBirth();
    const issued = (await post('/v1/certificates', { recordId: record.id })).body;
    const text = await pdfText((await pdfOf(issued.id, officer)).body as Buffer);
    expect(text.title).toBe(`شهادة ولادة — Birth certificate ${record.registrationNumber}`);
    expect(text.language).toBe('ar');
    const page = text.pages.join('\n');
    // Whole words in logical order: labels, the title, the names as declared (fixtures.ts).
    for (const written of [
      'رقم التسجيل',
      'شهادة ولادة',
      'جمهورية العراق',
      'السجل المدني',
      'تاريخ الولادة',
      'الرقم الوطني',
      'المولود',
      'زينب',
      'مكان الولادة',
      'الأم',
      'الأب',
    ])
      expect(page).toContain(written);
    for (const written of [
      'Birth certificate',
      'Registration number',
      'Republic of Iraq',
      'Zainab',
      'Date of birth',
      record.registrationNumber,
      issued.id,
    ])
      expect(page).toContain(written);
    const ar = await pdfText(
      (await pdfOf((await post('/v1/certificates', { recordId: record.id, language: 'en' })).body.id, officer))
        .body as Buffer,
    );
    expect([ar.title, ar.language]).toEqual([`Birth certificate ${record.registrationNumber}`, 'en']);
  });
});

describe('a citizen’s daily limit', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startHarness({ CITIZEN_CERTIFICATES_PER_DAY: '3', CERTIFICATE_INCLUDE_PARENT_NINS: 'true' });
  });
  afterAll(() => limited.close());

  it('counts in the database per citizen and UTC day, answers 429 with Retry-After, and counts a replay once', async () => {
    const [o, r] = [await limited.token('officer'), await limited.token('registrar')];
    const { record, mother, father } = await registerBirth(limited.app, o, r);
    const mum = await limited.citizen(mother);
    const issue = (token: string, key?: string) => {
      const req = request(limited.app).post('/v1/certificates').set(auth(token));
      return (key ? req.set('Idempotency-Key', key) : req).send({ recordId: record.id });
    };
    expect((await issue(mum.token)).status).toBe(201);
    const keyed = await issue(mum.token, 'certificate-0001');
    expect(keyed.status).toBe(201);
    const replay = await issue(mum.token, 'certificate-0001');
    expect([replay.status, replay.body.id, replay.headers['idempotent-replayed']]).toEqual([
      201,
      keyed.body.id,
      'true',
    ]);
    expect((await issue(mum.token)).status).toBe(201);
    const refused = await issue(mum.token, 'certificate-0002');
    expectContract(refused);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'certificate-limit' });
    const midnight = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1);
    expect(Math.abs(Number(refused.headers['retry-after']) - (midnight - Date.now()) / 1000)).toBeLessThan(5);
    // Another citizen, and staff, are not limited by her count.
    const dad = await limited.citizen(father);
    expect((await issue(dad.token)).status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await issue(o)).status).toBe(201);

    // The count lives in the database: what another instance would read too.
    const day = new Date().toISOString().slice(0, 10);
    const quotas = limited.services.db.collection<{ _id: string; count: number }>('certificate_quotas');
    expect(await quotas.findOne({ _id: `${mother}:${day}` })).toMatchObject({ count: 3 });
    // The 429 was not kept as the key's answer: the next day (here, the count gone) it is served.
    await quotas.deleteOne({ _id: `${mother}:${day}` });
    expect((await issue(mum.token, 'certificate-0002')).status).toBe(201);
  });

  it('parallel requests do not pass the limit together', async () => {
    const [o, r] = [await limited.token('officer'), await limited.token('registrar')];
    const { record, mother } = await registerBirth(limited.app, o, r);
    const mum = await limited.citizen(mother);
    const answers = await Promise.all(
      Array.from({ length: 7 }, () =>
        request(limited.app).post('/v1/certificates').set(auth(mum.token)).send({ recordId: record.id }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 429, 429, 429, 429]);
  });

  it('CERTIFICATE_INCLUDE_PARENT_NINS=true puts the parents’ NINs back into the token', async () => {
    const [o, r] = [await limited.token('officer'), await limited.token('registrar')];
    const { record, mother, father } = await registerBirth(limited.app, o, r);
    const issued = await request(limited.app).post('/v1/certificates').set(auth(o)).send({ recordId: record.id });
    const claims = jwt.decode(issued.body.token) as {
      credentialSubject: { mother: Record<string, unknown>; father: Record<string, unknown> };
    };
    expect([claims.credentialSubject.mother.nin, claims.credentialSubject.father.nin]).toEqual([mother, father]);
  });
});
