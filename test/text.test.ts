import fc from 'fast-check';
import { verifyChain } from '../src/journal/verify';
import { auth, request, startHarness, type Harness } from './support/harness';
import { birthDeclaration, enrolParents } from './support/fixtures';

let h: Harness;
let officer: string;
let registrar: string;
let parents: { mother: { nin: string }; father: { nin: string } };
beforeAll(async () => {
  h = await startHarness();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  parents = await enrolParents(h.app, registrar);
});
afterAll(() => h.close());

const journalSize = () => h.services.journal.entries.countDocuments({});
const declare = (change: (body: ReturnType<typeof birthDeclaration>) => void) => {
  const body = birthDeclaration(parents.mother.nin, parents.father.nin);
  change(body);
  return request(h.app).post('/v1/births').set(auth(officer)).send(body);
};

describe('text that a registrar can trust', () => {
  it('refuses a lone surrogate with 400 naming the field, and appends nothing', async () => {
    const before = await journalSize();
    const res = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify(birthDeclaration(parents.mother.nin, parents.father.nin)).replace(
          '"relationship":"father"',
          '"relationship":"father","name":"Ali \\ud800 Hasan"',
        ),
      );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'body.informant.name', message: 'is not well-formed Unicode (it holds a lone surrogate)' },
    ]);
    expect(await journalSize()).toBe(before);
  });

  it.each([
    [
      'an Arabic letter mark inside a given name',
      (b: ReturnType<typeof birthDeclaration>) => (b.child.givenName = 'زي\u061Cنب'),
      'body.child.givenName',
    ],
    [
      'a BOM inside a given name',
      (b: ReturnType<typeof birthDeclaration>) => (b.child.givenName = 'زي\uFEFFنب'),
      'body.child.givenName',
    ],
    [
      'a right-to-left override in the informant',
      (b: ReturnType<typeof birthDeclaration>) => Object.assign(b.informant, { name: 'Ali \u202EnasaH' }),
      'body.informant.name',
    ],
    [
      'NUL in the facility',
      (b: ReturnType<typeof birthDeclaration>) =>
        Object.assign(b.child.placeOfBirth as object, { facility: 'Yarmouk\u0000' }),
      'body.child.placeOfBirth.facility',
    ],
    [
      'ESC in the district',
      (b: ReturnType<typeof birthDeclaration>) =>
        Object.assign(b.child.placeOfBirth as object, { district: 'Karkh\u001B[31m' }),
      'body.child.placeOfBirth.district',
    ],
    [
      'a digit in a name',
      (b: ReturnType<typeof birthDeclaration>) => (b.child.givenName = 'زينب٢'),
      'body.child.givenName',
    ],
    [
      'a Latin name with a zero-width space',
      (b: ReturnType<typeof birthDeclaration>) => (b.child.latin = { givenName: 'Zai\u200Bnab' }),
      'body.child.latin.givenName',
    ],
  ])('refuses %s with 400 naming the field', async (_what, change, path) => {
    const before = await journalSize();
    const res = await declare(change);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await journalSize()).toBe(before);
  });

  it('refuses control and bidi characters in office and client names too', async () => {
    const admin = await h.token('admin');
    const office = await request(h.app)
      .post('/v1/offices')
      .set(auth(admin))
      .send({ code: 'TXT', name: 'Karkh \u202E office', governorate: 'IQ-BG' });
    expect(office.status).toBe(400);
    expect(office.body.errors[0].path).toBe('body.name');
    const client = await request(h.app)
      .post('/v1/clients')
      .set(auth(admin))
      .send({ name: 'Hospital\u0007', scopes: ['identity:verify'] });
    expect(client.status).toBe(400);
    expect(client.body.errors[0].path).toBe('body.name');
  });

  it('accepts Kurdish letters, harakat and the zero-width non-joiner, and stores text as NFC', async () => {
    const res = await declare((b) => {
      b.child.givenName = 'نه\u200Cوزاد';
      b.child.latin = { givenName: 'Zaina\u0308b' }; // a + combining diaeresis: NFC makes it ä
      b.informant = { relationship: 'father', name: 'مُحَمَّد ڕێبوار' } as never;
    });
    expect(res.status).toBe(201);
    expect(res.body.child.latin.givenName).toBe('Zain\u00E4b');
    const entry = await h.services.journal.entries.findOne({ entityIds: res.body.id });
    expect(JSON.stringify(entry?.data)).toContain('Zain\u00E4b');
    expect((await verifyChain(h.services.journal.entries)).ok).toBe(true);
  });

  it('keeps the hash chain valid whatever free text comes in (property test)', async () => {
    const runs = Number(process.env.PROPERTY_RUNS ?? 60);
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
          minLength: 3,
          maxLength: 40,
        }),
        async (text) => {
          const res = await request(h.app)
            .post(`/v1/records/r_${'A'.repeat(22)}/rejection`)
            .set(auth(registrar))
            .send({ reason: text });
          // Anything refused is refused as bad input (or the record is unknown): never a 500.
          expect([400, 404]).toContain(res.status);
          const declared = await declare((b) => Object.assign(b.informant, { name: text.trim().slice(0, 120) || 'x' }));
          expect([201, 400]).toContain(declared.status);
          if (declared.status === 201) {
            const entry = await h.services.journal.entries.findOne({ entityIds: declared.body.id });
            const stored = (entry?.data as { facts: { informant: { name: string } } }).facts.informant.name;
            expect(stored).toBe(stored.normalize('NFC'));
          }
        },
      ),
      { numRuns: runs },
    );
    const report = await verifyChain(h.services.journal.entries);
    expect(report.problems).toEqual([]);
  }, 120_000);
});
