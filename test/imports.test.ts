import { Readable } from 'node:stream';
import { rebuildProjections } from '../src/journal/rebuild';
import { readRows } from '../src/modules/imports/format';
import { importLegacyRegister, type Rejection } from '../src/modules/imports/importer';
import { contractChecker } from './support/contract';
import { auth, request, startHarness, type Harness } from './support/harness';
import { must } from './support/checked';

let h: Harness;
let admin: string;
let expectContract: ReturnType<typeof contractChecker>;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.token('admin');
  expectContract = contractChecker();
});
afterAll(() => h.close());

const name = (given: string, latin: string) => ({
  givenName: given,
  fatherName: 'حسين',
  grandfatherName: 'علي',
  familyName: 'الموسوي',
  latin: { givenName: latin, fatherName: 'Hussein', grandfatherName: 'Ali', familyName: 'Al-Musawi' },
});
const row = (ref: string, extra: Record<string, unknown> = {}) => ({
  legacyReference: ref,
  name: name('كريم', 'Karim'),
  sex: 'male',
  dateOfBirth: '1970-02-03',
  placeOfBirth: { governorate: 'IQ-NA' },
  ...extra,
});
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

const CSV_HEADER =
  'legacyReference,givenName,fatherName,grandfatherName,familyName,latinGivenName,latinFatherName,latinGrandfatherName,latinFamilyName,sex,dateOfBirth,governorate,district,motherLegacyReference,fatherLegacyReference';

describe('importing the legacy register', () => {
  it('enrols valid rows in journaled batches, links families, and reports rejected rows by line and field', async () => {
    const family = `NJF/1990/${Date.now()}`;
    const body = ndjson([
      row(`${family}/1`),
      row(`${family}/2`, { name: name('زهراء', 'Zahraa'), sex: 'female', dateOfBirth: '1972-05-06' }),
      row(`${family}/3`, {
        name: name('علي', 'Ali'),
        dateOfBirth: '1995-01-01',
        motherLegacyReference: `${family}/2`,
        fatherLegacyReference: `${family}/1`,
      }),
      row(`${family}/4`, { dateOfBirth: '2999-01-01' }),
      row(`${family}/5`, { sex: 'unknown' }),
      '{not json',
      // Born on another day than line 1's namesake, who would be its possible duplicate.
      row(`${family}/6`, { dateOfBirth: '1971-03-04', motherLegacyReference: 'NOWHERE/1' }),
      row(`${family}/1`),
    ]);
    const before = await h.services.journal.entries.countDocuments({ type: 'person.enrolled-batch' });
    const res = await request(h.app)
      .post('/v1/imports')
      .set(auth(admin))
      .set('Content-Type', 'application/x-ndjson')
      .send(body);
    expectContract(res);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 8, imported: 4, skipped: 0, rejected: 4, warnings: 1, batches: 1 });
    expect(res.body.rejections).toEqual(
      expect.arrayContaining([
        { line: 4, field: 'dateOfBirth', reason: 'The date of birth is in the future' },
        { line: 5, field: 'sex', reason: expect.any(String) },
        { line: 6, field: '', reason: 'not a JSON object' },
        {
          line: 7,
          field: 'motherLegacyReference',
          reason: 'no person with this legacy reference (yet); enrolled without this parent',
          warning: true,
        },
        { line: 8, field: 'legacyReference', reason: 'appears twice in the file' },
      ]),
    );
    expect(await h.services.journal.entries.countDocuments({ type: 'person.enrolled-batch' })).toBe(before + 1);

    const refs = await h.services.legacyRefs.existing([`${family}/1`, `${family}/2`, `${family}/3`]);
    const nin = Object.fromEntries(refs.map((r) => [r._id, r.nin]));
    const child = await h.services.persons.get(must(nin[`${family}/3`], 'NIN of the child'));
    expect(child).toMatchObject({
      motherNin: nin[`${family}/2`],
      fatherNin: nin[`${family}/1`],
      legacyReference: `${family}/3`,
      status: 'alive',
    });
    const found = await request(h.app)
      .get('/v1/persons')
      .query({ q: 'زهراء الموسوي', dateOfBirth: '1972-05-06' })
      .set(auth(await h.token('officer')));
    expect(found.body.items.map((p: { nin: string }) => p.nin)).toContain(nin[`${family}/2`]);

    // Sent again (a retry, or a resumed upload): nobody is enrolled twice.
    const again = await request(h.app)
      .post('/v1/imports')
      .set(auth(admin))
      .set('Content-Type', 'application/x-ndjson')
      .send(body);
    expect(again.body).toMatchObject({ imported: 0, skipped: 4 });
    // Nor by hand.
    const byHand = await request(h.app)
      .post('/v1/persons')
      .set(auth(await h.token('registrar')))
      .send({ ...row(`${family}/1`) });
    expect(byHand.status).toBe(409);
  });

  it('reads CSV with a header line', async () => {
    const ref = `BSR/1980/${Date.now()}`;
    const csv = [
      'legacyReference,givenName,fatherName,grandfatherName,familyName,latinGivenName,latinFatherName,latinGrandfatherName,latinFamilyName,sex,dateOfBirth,governorate,district,motherLegacyReference,fatherLegacyReference',
      `${ref}/1,سعاد,جاسم,محمد,البصري,Suad,Jasim,Muhammad,Al-Basri,female,1980-07-08,IQ-BA,Zubair,,`,
      `${ref}/2,حيدر,جاسم,محمد,,,,,,male,1982-01-02,IQ-BA,,${ref}/1,`,
      `${ref}/3,حيدر,جاسم,محمد,,,,,,male,1982-13-02,IQ-BA,,,`,
    ].join('\n');
    const res = await request(h.app).post('/v1/imports').set(auth(admin)).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
    expect(res.body.rejections).toEqual([{ line: 4, field: 'dateOfBirth', reason: 'is not a real calendar date' }]);
    const [mother, son] = await h.services.legacyRefs
      .existing([`${ref}/1`, `${ref}/2`])
      .then((r) => r.sort((a, b) => a._id.localeCompare(b._id)));
    if (!mother || !son) throw new Error('both were imported');
    expect(await h.services.persons.get(son.nin)).toMatchObject({
      motherNin: mother.nin,
      placeOfBirth: { governorate: 'IQ-BA' },
    });
    expect(await h.services.persons.get(mother.nin)).toMatchObject({
      placeOfBirth: { governorate: 'IQ-BA', district: 'Zubair' },
      name: { latin: { givenName: 'Suad' } },
    });
  });

  it('refuses other media types (415) and other roles (403)', async () => {
    const json = await request(h.app)
      .post('/v1/imports')
      .set(auth(admin))
      .send([row('X/1')]);
    expect(json.status).toBe(415);
    const registrar = await request(h.app)
      .post('/v1/imports')
      .set(auth(await h.token('registrar')))
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson([row('X/1')]));
    expect(registrar.status).toBe(403);
  });

  it('stops between batches and resumes where it stopped, enrolling nobody twice; a rebuild gives the same people', async () => {
    const base = `KRB/2000/${Date.now()}`;
    const rows = Array.from({ length: 23 }, (_, i) => row(`${base}/${i}`, { dateOfBirth: `19${60 + (i % 30)}-01-01` }));
    const ctx = { actor: { id: 'import:test', role: 'system' as const }, requestId: 'import-test' };
    const rejections: Rejection[] = [];
    const run = (stopAfterFirst: boolean) => {
      let batches = 0;
      return importLegacyRegister(h.services, ctx, readRows(Readable.from([ndjson(rows)]), 'ndjson'), {
        source: 'test',
        batchSize: 5,
        onRejection: (r) => rejections.push(r),
        onBatch: () => batches++,
        shouldStop: () => stopAfterFirst && batches >= 2,
      });
    };
    const first = await run(true);
    expect(first).toMatchObject({ imported: 10, batches: 2 });
    const second = await run(false);
    expect(second).toMatchObject({ imported: 13, skipped: 10 });
    expect(rejections).toEqual([]);
    const nins = (await h.services.legacyRefs.existing(rows.map((r) => r.legacyReference))).map((r) => r.nin);
    expect(new Set(nins).size).toBe(23);

    const snapshot = async () => ({
      persons: await h.services.persons.list({}),
      refs: await h.services.legacyRefs.list({}),
    });
    const before = await snapshot();
    await rebuildProjections(h.services);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a line longer than IMPORT_MAX_LINE_BYTES by its number, without holding it, and goes on (NDJSON)', async () => {
    const ref = `DHK/1975/${Date.now()}`;
    const huge = JSON.stringify(row(`${ref}/2`, { name: name('كريم'.repeat(1_000_000), 'Karim') })); // about 8 MB
    // Born on days of their own: the other tests' Karims would be their possible duplicates.
    const body = ndjson([
      row(`${ref}/1`, { dateOfBirth: '1975-06-01' }),
      huge,
      row(`${ref}/3`, { dateOfBirth: '1975-06-02' }),
    ]);
    const res = await request(h.app)
      .post('/v1/imports')
      .set(auth(admin))
      .set('Content-Type', 'application/x-ndjson')
      .send(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
    expect(res.body.rejections).toEqual([
      { line: 2, field: '', reason: 'line 2 is longer than 16384 bytes (IMPORT_MAX_LINE_BYTES), not read' },
    ]);
  });

  it('stops a CSV at a line longer than the limit, naming it (a record may span lines)', async () => {
    const ref = `ERB/1977/${Date.now()}`;
    const header = CSV_HEADER;
    const ok = `${ref}/1,سعاد,جاسم,محمد,,,,,,female,1980-07-08,IQ-AR,,,`;
    const long = `${ref}/2,${'س'.repeat(20_000)},جاسم,محمد,,,,,,female,1980-07-08,IQ-AR,,,`;
    const rows: string[] = [];
    for await (const r of readRows(
      Readable.from([[header, ok, long, `${ref}/3,سعاد,جاسم,محمد,,,,,,female,1980-07-08,IQ-AR,,,`].join('\n')]),
      'csv',
      16_384,
    )) {
      rows.push(JSON.stringify(r));
    }
    expect(rows).toHaveLength(2);
    const [first, second] = rows.map((r): unknown => JSON.parse(r));
    expect(first).toMatchObject({ line: 2, row: { legacyReference: `${ref}/1` } });
    expect(second).toEqual({
      line: 3,
      rejection: {
        field: '',
        reason: 'line 3 is longer than 16384 bytes (IMPORT_MAX_LINE_BYTES): it and the rest of the file were not read',
      },
    });
  });
});
