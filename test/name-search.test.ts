import { rebuildProjections } from '../src/journal/rebuild';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { enrol } from './support/fixtures';

/**
 * Search by name alone, as an officer at the counter types it (docs/performance.md, "Name
 * search"): ranked (an exact folded match first, then by how many parts stand in their place),
 * counted up to 500 and said so, paged through the ranking; the name as it is said from the given
 * name looked up by its key, anything else by its tokens.
 */
let h: Harness;
let officer: string;
let registrar: string;
let admin: string;
let expectContract: ReturnType<typeof contractChecker>;
const nins: Record<string, string> = {};

const person = (given: string, father: string, grandfather: string, family?: string, latin?: object) => ({
  givenName: given,
  fatherName: father,
  grandfatherName: grandfather,
  ...(family ? { familyName: family } : {}),
  ...(latin ? { latin } : {}),
});

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  admin = await h.token('admin');
  const people: [string, object][] = [
    [
      'zainab',
      person('زينب', 'أحمد', 'محمود', 'التميمي', {
        givenName: 'Zainab',
        fatherName: 'Ahmed',
        grandfatherName: 'Mahmoud',
        familyName: 'Al-Tamimi',
      }),
    ],
    ['zainabExact', person('زينب', 'احمد', 'محمود')],
    ['zainabOther', person('زينب', 'محمود', 'أحمد', 'التميمي')],
    ['ahmad', person('أحمد', 'زينب', 'علي', 'الجبوري')],
    ['zainabHussein', person('زينب', 'حسين', 'علي', 'الموسوي')],
    ['zainabFamilyHussein', person('زينب', 'كاظم', 'جواد', 'حسين')],
    ['mustafa', person('هدى', 'مصطفى', 'كريم', 'العبيدي')],
  ];
  for (const [key, name] of people)
    nins[key] = (
      await enrol(h.app, registrar, {
        name,
        sex: 'female',
        dateOfBirth: '1990-01-01',
        placeOfBirth: { governorate: 'IQ-BG' },
      })
    ).nin;
});
afterAll(() => h.close());

const search = async (query: Record<string, string>) => {
  const res = await request(h.app).get('/v1/persons').query(query).set(auth(officer));
  expectContract(res);
  expect(res.status).toBe(200);
  return res.body as {
    items: { nin: string }[];
    nextCursor: string | null;
    total?: { count: number; capped: boolean };
  };
};
const found = async (q: string) => (await search({ q })).items.map((p) => p.nin);

/** A row of the legacy register's NDJSON: the i-th of a series, born a day after the one before. */
const legacyRow = (reference: string, i: number, name: object, governorate = 'IQ-BG') =>
  JSON.stringify({
    legacyReference: `${reference}/${i}`,
    name,
    sex: 'female',
    dateOfBirth: new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    placeOfBirth: { governorate },
  });

/** Imports the rows through the API; resolves to how many were imported. */
const importRows = async (rows: string[]) =>
  (
    await request(h.app)
      .post('/v1/imports')
      .set(auth(admin))
      .set('Content-Type', 'application/x-ndjson')
      .send(rows.join('\n') + '\n')
  ).body as { imported: number };

describe('name search', () => {
  it('ranks an exact folded match first, then by how many parts stand in their place', async () => {
    // زينب أحمد محمود is all of one name (no family name), and the beginning of another.
    expect(await found('زينب احمد محمود')).toEqual([nins.zainabExact, nins.zainab]);
    // حسين as the father's name (two parts in place) before حسين as the family name (one).
    expect(await found('زينب حسين')).toEqual([nins.zainabHussein, nins.zainabFamilyHussein]);
  });

  it('finds a name as it is said: given and family name, in Latin with or without the article', async () => {
    expect(await found('زينب التميمي')).toEqual([nins.zainab, nins.zainabOther].sort());
    expect(await found('Zainab Al-Tamimi')).toEqual([nins.zainab]);
    expect(await found('zainab tamimi')).toEqual([nins.zainab]);
    expect(await found('ZAINAB AHMED MAHMOUD AL TAMIMI')).toEqual([nins.zainab]);
  });

  it('finds the parts anywhere in the name when no name begins so: father and family, out of order', async () => {
    expect(await found('مصطفى العبيدي')).toEqual([nins.mustafa]);
    expect(await found('التميمي زينب')).toEqual([nins.zainab, nins.zainabOther].sort());
    // Three names with both parts: the two whose father is أحمد (the query's second part, in its
    // place) before the one whose father is محمود.
    const both = await found('محمود أحمد');
    expect(both.slice(0, 2)).toEqual([nins.zainab, nins.zainabExact].sort());
    expect(both.slice(2)).toEqual([nins.zainabOther]);
    expect(await found('عمر العبيدي')).toEqual([]);
    expect(await found('al')).toEqual([]);
  });

  it('counts up to 500 and says there are more, pages through the ranking and stops at 500', async () => {
    const rows = Array.from({ length: 505 }, (_, i) =>
      legacyRow('NSR/2000', i, person('نور', 'سالم', 'جاسم', 'الربيعي'), i % 2 ? 'IQ-BA' : 'IQ-NI'),
    );
    expect(await importRows(rows)).toMatchObject({ imported: 505 });

    const first = await search({ q: 'نور سالم الربيعي', limit: '100' });
    expect(first.total).toEqual({ count: 500, capped: true });
    const seen = new Set(first.items.map((p) => p.nin));
    let cursor = first.nextCursor;
    let pages = 1;
    while (cursor) {
      const next = await search({ q: 'نور سالم الربيعي', limit: '100', cursor });
      next.items.forEach((p) => seen.add(p.nin));
      cursor = next.nextCursor;
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen.size).toBe(500);
    // A governorate narrows the counted matches (those read up to the cap).
    const basra = await search({ q: 'نور سالم', governorate: 'IQ-BA', limit: '5' });
    expect(basra.items).toHaveLength(5);
    expect(basra.total!.count).toBeLessThanOrEqual(251);
    // A narrower name is counted exactly.
    expect((await search({ q: 'زينب التميمي' })).total).toEqual({ count: 2, capped: false });
  });

  it('pages a common name in rank order, read a page at a time: exact, then as said, then the rest', async () => {
    // 20 whose family name is the query's third part, 40 whose name begins with it, 3 exactly it.
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => legacyRow('SRA/2001', i, person('سارة', 'علي', 'كريم', 'حسن'))),
      ...Array.from({ length: 40 }, (_, i) => legacyRow('SRA/2001', 100 + i, person('سارة', 'علي', 'حسن', 'الكعبي'))),
      ...Array.from({ length: 3 }, (_, i) => legacyRow('SRA/2001', 200 + i, person('سارة', 'علي', 'حسن'))),
    ];
    expect(await importRows(rows)).toMatchObject({ imported: 63 });

    const families: (string | undefined)[] = [];
    const seen = new Set<string>();
    let page = await search({ q: 'سارة علي حسن' });
    expect(page.total).toEqual({ count: 63, capped: false });
    for (;;) {
      families.push(...(page.items as unknown as { name: { familyName?: string } }[]).map((p) => p.name.familyName));
      page.items.forEach((p) => seen.add(p.nin));
      if (!page.nextCursor) break;
      page = await search({ q: 'سارة علي حسن', cursor: page.nextCursor });
    }
    expect(families).toEqual([...Array(3).fill(undefined), ...Array(40).fill('الكعبي'), ...Array(20).fill('حسن')]);
    expect(seen.size).toBe(63);
  });

  it('reads the family name typed first as given and family name, not as tokens anywhere, and pages it', async () => {
    const rows = [
      legacyRow('KHF/2002', 0, person('سلوى', 'مهند', 'جبار', 'الخفاجي')),
      // Holds both tokens, سلوى as her grandfather's name: the tokens' intersection found her too.
      legacyRow('KHF/2002', 1, person('رنا', 'مهند', 'سلوى', 'الخفاجي'), 'IQ-BA'),
      // A common one: more than the 50 read whole, so paged in the index's order.
      ...Array.from({ length: 70 }, (_, i) => legacyRow('KHF/2002', 10 + i, person('ريم', 'فاضل', 'حميد', 'الحلي'))),
    ];
    expect(await importRows(rows)).toMatchObject({ imported: 72 });
    const [salwa] = await found('سلوى الخفاجي');
    expect(await found('الخفاجي سلوى')).toEqual([salwa]);
    expect(await found('الخفاجي سلوى مهند')).toEqual([salwa]);
    expect(await found('الخفاجي رنا')).toHaveLength(1);
    expect((await search({ q: 'الخفاجي سلوى', governorate: 'IQ-BG' })).items.map((p) => p.nin)).toEqual([salwa]);
    expect((await search({ q: 'الخفاجي سلوى', governorate: 'IQ-BA' })).items).toEqual([]);

    const seen: string[] = [];
    let page = await search({ q: 'الحلي ريم', limit: '30' });
    expect(page.total).toEqual({ count: 70, capped: false });
    for (;;) {
      seen.push(...page.items.map((p) => p.nin));
      if (!page.nextCursor) break;
      page = await search({ q: 'الحلي ريم', limit: '30', cursor: page.nextCursor });
    }
    expect(seen).toHaveLength(70);
    expect(new Set(seen).size).toBe(70);
    // The first page again: the same people, in the same order.
    expect((await search({ q: 'الحلي ريم', limit: '30' })).items.map((p) => p.nin)).toEqual(seen.slice(0, 30));
  });

  it('follows a confirmed Latin name, and finds the same after a rebuild', async () => {
    const nin = (
      await enrol(h.app, registrar, {
        name: person('مريم', 'محمد', 'علي', 'الربيعي'),
        sex: 'female',
        dateOfBirth: '1992-02-02',
        placeOfBirth: { governorate: 'IQ-BG' },
      })
    ).nin;
    expect(await found('maryam mohammed')).toEqual([]);
    const { version } = (await request(h.app).get(`/v1/persons/${nin}`).set(auth(officer))).body;
    const latin = { givenName: 'Maryam', fatherName: 'Mohammed', grandfatherName: 'Ali', familyName: 'Al-Rubaie' };
    const confirmed = await request(h.app)
      .post(`/v1/persons/${nin}/latin-name`)
      .set(auth(officer))
      .set('If-Match', `"${version}"`)
      .send(latin);
    expect(confirmed.status).toBe(200);
    expect(await found('maryam mohammed')).toEqual([nin]);
    expect(await found('Maryam Rubaie')).toEqual([nin]);
    await rebuildProjections(h.services);
    expect(await found('maryam mohammed')).toEqual([nin]);
    expect(await found('زينب احمد محمود')).toEqual([nins.zainabExact, nins.zainab]);
  });

  it('refuses a cursor that is neither a NIN nor a place in the ranking', async () => {
    const res = await request(h.app)
      .get('/v1/persons')
      .query({ q: 'زينب', cursor: Buffer.from('@9999').toString('base64url') })
      .set(auth(officer));
    expect(res.status).toBe(400);
  });
});
