import { addDays } from '../src/modules/common/dates';
import { Readable } from 'node:stream';
import { readRows } from '../src/modules/imports/format';
import { importLegacyRegister } from '../src/modules/imports/importer';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, enrolParents } from './support/fixtures';
import { must } from './support/checked';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('audit', () => {
  it('lists entries after a seq, by actor and by record, with who did what', async () => {
    const expectContract = contractChecker();
    const registrar = await h.token('registrar');
    const officer = await h.token('officer');
    const auditor = await h.token('auditor');
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .set('X-Request-Id', 'office-request-123')
      .send(birthDeclaration(mother.nin, father.nin));

    const all = await request(h.app).get('/v1/audit').set(auth(auditor));
    expectContract(all);
    const seqs = all.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    const byRecord = await request(h.app).get('/v1/audit').query({ recordId: declared.body.id }).set(auth(auditor));
    expect(byRecord.body.items).toHaveLength(1);
    expect(byRecord.body.items[0]).toMatchObject({
      type: 'birth.declared',
      requestId: 'office-request-123',
      actor: { role: 'officer', office: 'BGD' },
    });

    const officerId = byRecord.body.items[0].actor.id;
    const byActor = await request(h.app).get('/v1/audit').query({ actor: officerId }).set(auth(auditor));
    expect(byActor.body.items.every((e: { actor: { id: string } }) => e.actor.id === officerId)).toBe(true);

    const page = await request(h.app).get('/v1/audit').query({ limit: 2 }).set(auth(auditor));
    expect(page.body.items).toHaveLength(2);
    const next = await request(h.app).get('/v1/audit').query({ limit: 2, after: page.body.next }).set(auth(auditor));
    expect(next.body.items[0].seq).toBe(page.body.next + 1);
    expect(next.body.items[0].prevHash).toBe(page.body.items[1].hash);

    const integrity = await request(h.app).get('/v1/audit/integrity').set(auth(auditor));
    expectContract(integrity);
    expect(integrity.body).toMatchObject({ ok: true, entries: seqs.length });
  });

  it('stops a page of large batch entries at the byte budget, with next, and the next page goes on', async () => {
    // A service with a small page budget (AUDIT_PAGE_MAX_BYTES), so a few batch entries fill a page.
    const BUDGET = 20_000;
    const small = await startHarness({ AUDIT_PAGE_MAX_BYTES: String(BUDGET) });
    try {
      await readBatchesInPages(small, BUDGET);
    } finally {
      await small.close();
    }
  });
});

/** Imports batches of people, then reads them back page by page under the budget. */
async function readBatchesInPages(svc: Harness, BUDGET: number): Promise<void> {
  const auditor = await svc.token('auditor');
  const ctx = { actor: { id: 'import:audit-test', role: 'system' as const }, requestId: 'audit-budget' };
  const base = `BGD/1950/${Date.now()}`;
  const rows = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        legacyReference: `${base}/${from + i}`,
        name: { givenName: 'كريم', fatherName: 'حسين', grandfatherName: 'علي', familyName: 'الموسوي' },
        sex: 'male',
        // A day of his own each: namesakes born on one day would be rejected as possible duplicates.
        dateOfBirth: addDays('1960-01-01', from + i),
        placeOfBirth: { governorate: 'IQ-BG' },
      }),
    ).join('\n');
  const importRows = (text: string, batchSize: number) =>
    importLegacyRegister(svc.services, ctx, readRows(Readable.from([text]), 'ndjson'), {
      source: 'test',
      batchSize,
      onRejection: () => {},
    });
  const [newest] = await svc.services.journal.entries.find({}).sort({ _id: -1 }).limit(1).toArray();
  const before = must(newest, 'newest journal entry').seq;
  // Five batches of 30 people (about 7 kB each), then one of 120 (about 28 kB, over the budget alone).
  expect(await importRows(rows(0, 150), 30)).toMatchObject({ imported: 150, batches: 5 });
  expect(await importRows(rows(150, 120), 120)).toMatchObject({ imported: 120, batches: 1 });

  const first = await request(svc.app).get('/v1/audit').query({ after: before, limit: 500 }).set(auth(auditor));
  expect(first.status).toBe(200);
  expect(Buffer.byteLength(first.text)).toBeLessThan(BUDGET);
  expect(first.body.items.length).toBeGreaterThanOrEqual(2);
  expect(first.body.items.length).toBeLessThan(5);
  expect(first.body.next).toBe(first.body.items.at(-1).seq);
  // Following next reads every entry once, in order, whole (the big batch alone on its page).
  const pages = [first.body.items.map((e: { seq: number; data: { persons: unknown[] } }) => e.data.persons.length)];
  const seen: number[] = first.body.items.map((e: { seq: number }) => e.seq);
  for (let next = first.body.next; next !== null;) {
    const page = await request(svc.app).get('/v1/audit').query({ after: next, limit: 500 }).set(auth(auditor));
    seen.push(...page.body.items.map((e: { seq: number }) => e.seq));
    pages.push(page.body.items.map((e: { data: { persons?: unknown[] } }) => e.data.persons?.length ?? 0));
    next = page.body.next;
  }
  expect(seen).toEqual(Array.from({ length: 6 }, (_, i) => before + 1 + i));
  expect(pages.flat()).toEqual([30, 30, 30, 30, 30, 120]);
  expect(pages.at(-1)).toEqual([120]);
}
