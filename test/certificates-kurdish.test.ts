import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rebuildProjections } from '../src/journal/rebuild';
import { missingGlyphs } from '../src/modules/certificates/pdf';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, declareAndRegister, enrol, enrolParents } from './support/fixtures';
import { certificatePdf, pdfText, renderFirstPage } from './support/certificates';
import { jwtClaims } from './support/checked';
import { scratchPictures } from './support/pictures';

/**
 * Issue 19, sections 1 and 5: certificates and the verification page in Sorani Kurdish beside
 * Arabic and English, each office's default by its region, Kurdish letters in the PDF, Kurdish
 * spellings of names found by search and identity verification; and the death certificate's
 * cause, printed and left out of the token.
 */
let h: Harness;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;
let pictures: Awaited<ReturnType<typeof scratchPictures>>;

beforeAll(async () => {
  pictures = await scratchPictures('certificates-kurdish');
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
});
afterAll(async () => {
  await h.close();
  await pictures?.remove();
});

const issue = (app: Harness['app'], token: string, body: object) =>
  request(app).post('/v1/certificates').set(auth(token)).send(body);
const textOf = async (app: Harness['app'], id: string, token: string) =>
  pdfText((await certificatePdf(app, id, token)).body as Buffer);

/** Every Kurdish letter the Arabic alphabet lacks (Sorani and the ڤ ڎ of other dialects) and those Persian shares. */
const KURDISH_LETTERS = ['ڕ', 'ڵ', 'ۆ', 'ێ', 'ە', 'ھ', 'ڤ', 'ڎ', 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی'];
/** A mother whose name holds each of them. */
const kurdishMother = {
  givenName: 'ڕۆژھەڵات',
  fatherName: 'ڤەژین',
  grandfatherName: 'پێڎەچ',
  familyName: 'گۆرانکی',
};

/** Words only one language's column prints, for each language. */
const ONLY_IN = {
  ar: ['رقم التسجيل', 'شهادة ولادة'],
  ckb: ['ژمارەی تۆمار', 'بڕوانامەی لەدایکبوون', 'ڕێکەوتی لەدایکبوون'],
  en: ['Registration number', 'Birth certificate'],
} as const;

async function registeredBirth(app = h.app, o = officer, r = registrar) {
  const { mother, father } = await enrolParents(app, r);
  return declareAndRegister(app, o, r, '/v1/births', birthDeclaration(mother.nin, father.nin));
}

describe('certificates in Kurdish', () => {
  it('accepts each language value, and the PDF prints those languages and no other, the first as its own', async () => {
    const record = await registeredBirth();
    for (const language of ['ar-ckb', 'ckb-ar', 'ckb-en', 'ar-en', 'ar', 'ckb', 'en'] as const) {
      const issued = await issue(h.app, officer, { recordId: record.id, language });
      expectContract(issued);
      expect([issued.status, issued.body.language]).toEqual([201, language]);
      const text = await textOf(h.app, issued.body.id, officer);
      const page = text.pages.join('\n');
      const langs = language.split('-') as (keyof typeof ONLY_IN)[];
      expect(text.language).toBe(langs[0]);
      for (const lang of ['ar', 'ckb', 'en'] as const)
        for (const words of ONLY_IN[lang])
          expect([language, words, page.includes(words)]).toEqual([language, words, langs.includes(lang)]);
      expect(text.title).toContain(record.registrationNumber);
    }
    const kurdish = await textOf(
      h.app,
      (await issue(h.app, officer, { recordId: record.id, language: 'ckb' })).body.id,
      officer,
    );
    // The date of birth (2026-03-14) with the Kurdistan Region's month name and Arabic-Indic digits; the place in Kurdish.
    expect(kurdish.pages.join('\n')).toContain('١٤ ئازار ٢٠٢٦');
    expect(kurdish.pages.join('\n')).toContain('بەغدا');
    expect(kurdish.title).toBe(`بڕوانامەی لەدایکبوون ${record.registrationNumber}`);
  }, 120_000);

  it('refuses a language it does not speak with a 400 problem, issuing nothing', async () => {
    const record = await registeredBirth();
    for (const language of ['ar-fr', 'en-ar', 'ku', 'ar-ckb-en', '']) {
      const res = await issue(h.app, officer, { recordId: record.id, language });
      expect([language, res.status, res.headers['content-type']]).toEqual([
        language,
        400,
        expect.stringContaining('application/problem+json'),
      ]);
    }
    expect(await h.services.certificates.list({ recordId: record.id })).toEqual([]);
  });

  it('defaults to Arabic and Kurdish in an office of the Kurdistan Region (Erbil), Arabic and English in Baghdad', async () => {
    const record = await registeredBirth();
    const erbil = await issue(h.app, await h.token('officer', 'ERB'), { recordId: record.id });
    const baghdad = await issue(h.app, officer, { recordId: record.id });
    expect([erbil.status, erbil.body.language]).toEqual([201, 'ar-ckb']);
    expect([baghdad.status, baghdad.body.language]).toEqual([201, 'ar-en']);
    // Sulaymaniyah and Duhok too; Kirkuk (IQ-KI) is not in the region.
    expect((await issue(h.app, await h.token('officer', 'SUL'), { recordId: record.id })).body.language).toBe('ar-ckb');
    expect((await issue(h.app, await h.token('officer', 'DHK'), { recordId: record.id })).body.language).toBe('ar-ckb');
    expect((await issue(h.app, await h.token('officer', 'KRK'), { recordId: record.id })).body.language).toBe('ar-en');
    // The language decided is journaled: a rebuild gives it back.
    await rebuildProjections(h.services);
    expect((await h.services.certificates.get(erbil.body.id))?.language).toBe('ar-ckb');
  });

  it('follows the settings: the region’s governorates and each default', async () => {
    const other = await startHarness({
      KURDISTAN_REGION_GOVERNORATES: 'IQ-AR,IQ-KI',
      CERTIFICATE_LANGUAGE_KURDISTAN_REGION: 'ckb-en',
      CERTIFICATE_LANGUAGE_DEFAULT: 'ar',
    });
    try {
      const record = await registeredBirth(other.app, await other.token('officer'), await other.token('registrar'));
      expect((await issue(other.app, await other.token('officer', 'KRK'), { recordId: record.id })).body.language).toBe(
        'ckb-en',
      );
      expect((await issue(other.app, await other.token('officer', 'SUL'), { recordId: record.id })).body.language).toBe(
        'ar',
      );
    } finally {
      await other.close();
    }
  });

  it('draws every Kurdish letter with a glyph of the font (none is .notdef), and pdf.js reads them back', async () => {
    expect(missingGlyphs(KURDISH_LETTERS.join(''))).toEqual([]);
    expect(missingGlyphs(Object.values(kurdishMother).join(' '))).toEqual([]);
    // The check itself sees a letter the font lacks (Hebrew alef).
    expect(missingGlyphs('א')).toEqual(['א']);

    const mother = await enrol(h.app, registrar, {
      name: kurdishMother,
      sex: 'female',
      dateOfBirth: '1996-03-21',
      placeOfBirth: { governorate: 'IQ-SU' },
    });
    const record = await declareAndRegister(
      h.app,
      officer,
      registrar,
      '/v1/births',
      birthDeclaration(mother.nin, undefined, { givenName: 'ڤیان', fatherName: 'چیاکۆ', grandfatherName: 'ڕێبوار' }),
    );
    const issued = await issue(h.app, officer, { recordId: record.id, language: 'ckb-ar' });
    const pdf = (await certificatePdf(h.app, issued.body.id, officer)).body as Buffer;
    const page = (await pdfText(pdf)).pages.join('\n');
    for (const part of Object.values(kurdishMother)) expect(page).toContain(part);
    for (const letter of KURDISH_LETTERS) expect(page).toContain(letter);
    // The picture to look at: the Kurdish column on the right, the mother's name shaped and joined.
    const file = path.join(pictures.dir, 'certificate-kurdish.png');
    await writeFile(file, await renderFirstPage(pdf));
    if (process.env.KEEP_PICTURE) await writeFile(process.env.KEEP_PICTURE, await renderFirstPage(pdf));
  });
});

describe('the verification page in Kurdish', () => {
  const VALID_CKB = 'بڕوانامەیەکی ڕەسەن و کارپێکراوە';
  const page = (url: string) => request(h.app).get(url);

  it('speaks the certificate’s languages: Arabic and Kurdish for an ar-ckb certificate', async () => {
    const record = await registeredBirth();
    const issued = await issue(h.app, officer, { recordId: record.id, language: 'ar-ckb' });
    for (const url of [`/verify/${issued.body.id}`, `/verify?token=${issued.body.token}`]) {
      const res = await page(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<html dir="rtl" lang="ar">');
      expect(res.text).toContain(`<div dir="rtl" lang="ckb"><h1>${VALID_CKB}</h1>`);
      expect(res.text).toContain('شهادة أصلية وسارية');
      expect(res.text).toContain('بڕوانامەی لەدایکبوون');
      expect(res.text).not.toContain('Genuine and valid');
    }
    // A Kurdish-only certificate: Kurdish first, Arabic beside it.
    const ckb = await issue(h.app, officer, { recordId: record.id, language: 'ckb' });
    expect((await page(`/verify/${ckb.body.id}`)).text).toContain('<html dir="rtl" lang="ckb">');
  });

  it('speaks Kurdish first on ?lang=ckb, for any certificate and for a number that names none', async () => {
    const record = await registeredBirth();
    const issued = await issue(h.app, officer, { recordId: record.id, language: 'ar-en' });
    const asked = await page(`/verify/${issued.body.id}?lang=ckb`);
    expect(asked.text).toContain('<html dir="rtl" lang="ckb">');
    expect(asked.text).toContain(VALID_CKB);
    expect((await page(`/verify/${issued.body.id}`)).text).not.toContain(VALID_CKB);
    const unknown = await page('/verify/c_AAAAAAAAAAAAAAAAAAAAAA?lang=ckb');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('هیچ بڕوانامەیەک بەم ژمارەیە نییە');
    const revoked = await request(h.app)
      .post(`/v1/certificates/${issued.body.id}/revocation`)
      .set(auth(registrar))
      .send({ reason: 'Issued to the wrong person' });
    expect(revoked.status).toBe(200);
    expect((await page(`/verify/${issued.body.id}?lang=ckb`)).text).toContain('بڕوانامەی کشێنراوە — وەرمەگرە');
    const bad = await page(`/verify/${issued.body.id}?lang=fr`);
    expect([bad.status, bad.headers['content-type']]).toEqual([
      400,
      expect.stringContaining('application/problem+json'),
    ]);
  });
});

describe('a Kurdish spelling of a name finds the Arabic one, and back', () => {
  const search = (q: string) => request(h.app).get('/v1/persons').query({ q }).set(auth(officer));
  const ninsFound = async (q: string) => ((await search(q)).body.items as { nin: string }[]).map((p) => p.nin);

  it('by search and by identity verification (ی ک ە for ي ك ة)', async () => {
    const arabic = await enrol(h.app, registrar, {
      name: { givenName: 'زكية', fatherName: 'كريم', grandfatherName: 'علي' },
      sex: 'female',
      dateOfBirth: '1988-01-05',
      placeOfBirth: { governorate: 'IQ-BG' },
    });
    const kurdish = await enrol(h.app, registrar, {
      name: { givenName: 'ناجیە', fatherName: 'کریم', grandfatherName: 'علی' },
      sex: 'female',
      dateOfBirth: '1991-06-11',
      placeOfBirth: { governorate: 'IQ-AR' },
    });
    expect(await ninsFound('زکیە کریم')).toContain(arabic.nin);
    expect(await ninsFound('ناجية كريم')).toContain(kurdish.nin);

    const client = await h.clientToken(['identity:verify']);
    const verify = (body: object) => request(h.app).post('/v1/identity/verification').set(auth(client)).send(body);
    const a = await verify({ nin: arabic.nin, givenName: 'زکیە', fatherName: 'کریم', grandfatherName: 'علی' });
    const k = await verify({ nin: kurdish.nin, givenName: 'ناجية', fatherName: 'كريم', grandfatherName: 'علي' });
    expect([a.status, a.body.match, k.status, k.body.match]).toEqual([200, true, 200, true]);
  });
});

describe('the death certificate’s cause', () => {
  /** A registered death with its cause's code and text. */
  async function registeredDeath(app: Harness['app'], o: string, r: string) {
    const { father } = await enrolParents(app, r);
    return declareAndRegister(app, o, r, '/v1/deaths', {
      deceased: { nin: father.nin },
      dateOfDeath: '2026-05-02',
      placeOfDeath: { governorate: 'IQ-BA', facility: 'Basra Teaching Hospital' },
      causeOfDeath: { icd10: 'I21.9', text: 'Acute myocardial infarction' },
    });
  }
  const subjectOf = (token: string) =>
    (jwtClaims(token) as { credentialSubject: Record<string, unknown> }).credentialSubject;

  it('is printed (code and text) in each language, and is not in the token, the verification or its page', async () => {
    const death = await registeredDeath(h.app, officer, registrar);
    const issued = await issue(h.app, officer, { recordId: death.id, language: 'ar-ckb' });
    expect(issued.status).toBe(201);
    const page = (await textOf(h.app, issued.body.id, officer)).pages.join('\n');
    for (const words of ['I21.9', 'Acute myocardial infarction', 'سبب الوفاة', 'هۆی مردن'])
      expect(page).toContain(words);
    const english = (
      await textOf(h.app, (await issue(h.app, officer, { recordId: death.id, language: 'en' })).body.id, officer)
    ).pages.join('\n');
    expect(english).toContain('Cause of death (ICD-10 code)');

    expect(JSON.stringify(subjectOf(issued.body.token))).not.toMatch(/I21|infarction|cause/i);
    const verified = await request(h.app).post('/v1/certificates/verification').send({ token: issued.body.token });
    expect(verified.body.valid).toBe(true);
    expect(JSON.stringify(verified.body)).not.toMatch(/I21|infarction|cause/i);
    expect((await request(h.app).get(`/verify/${issued.body.id}`)).text).not.toMatch(/I21|infarction/);

    // Kept with the certificate from its journal entry: a rebuild prints it again.
    await rebuildProjections(h.services);
    expect((await textOf(h.app, issued.body.id, officer)).pages.join('\n')).toContain('Acute myocardial infarction');
  });

  it('DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE=true puts it in the token too; DEATH_CERTIFICATE_SHOWS_CAUSE=false leaves it out of both', async () => {
    const inToken = await startHarness({ DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE: 'true' });
    const unprinted = await startHarness({
      DEATH_CERTIFICATE_SHOWS_CAUSE: 'false',
      DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE: 'true',
    });
    try {
      for (const [harness, shown] of [
        [inToken, true],
        [unprinted, false],
      ] as const) {
        const [o, r] = [await harness.token('officer'), await harness.token('registrar')];
        const death = await registeredDeath(harness.app, o, r);
        const issued = await issue(harness.app, o, { recordId: death.id, language: 'ar-en' });
        expect(subjectOf(issued.body.token)).toMatchObject(
          shown ? { causeOfDeathIcd10: 'I21.9', causeOfDeathText: 'Acute myocardial infarction' } : {},
        );
        expect('causeOfDeathIcd10' in subjectOf(issued.body.token)).toBe(shown);
        const page = (await textOf(harness.app, issued.body.id, o)).pages.join('\n');
        expect([page.includes('I21.9'), page.includes('Acute myocardial infarction')]).toEqual([shown, shown]);
        const verifyPage = (await request(harness.app).get(`/verify/${issued.body.id}`)).text;
        expect(verifyPage.includes('Acute myocardial infarction')).toBe(shown);
      }
    } finally {
      await inToken.close();
      await unprinted.close();
    }
  });
});
