import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, enrolParents } from './support/fixtures';

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
    expect(byRecord.body.items[0]).toMatchObject({ type: 'birth.declared', requestId: 'office-request-123', actor: { role: 'officer', office: 'BGD' } });

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
});
