import { EVENT_ROLES, type EventCatalogue } from '../src/events';
import { Journal } from '../src/journal/journal';
import { rebuildProjections } from '../src/journal/rebuild';
import { entryHash } from '../src/journal/hash';
import { entryId } from '../src/journal/types';
import { verifyChain, verifyJournal } from '../src/journal/verify';
import { registerProjectors } from '../src/projectors';
import { auth, request, startHarness, type Harness } from './support/harness';
import { birthDeclaration, courtOrderEvidence, enrolParents } from './support/fixtures';
import { etagOf, must } from './support/checked';

let h: Harness;
let registrar: string;
let officer: string;
beforeAll(async () => {
  h = await startHarness();
  registrar = await h.token('registrar');
  officer = await h.token('officer');
});
afterAll(() => h.close());

const ctx = { actor: { id: 'u_test', role: 'registrar' as const, office: 'BGD' }, requestId: 'journal-test' };
/** Sara Khalid Omar, born on a day of her own each time: two on one day would be possible duplicates. */
let enrolments = 0;
const enrolment = () => {
  const n = enrolments++;
  return {
    name: { givenName: 'سارة', fatherName: 'خالد', grandfatherName: 'عمر' },
    sex: 'female',
    dateOfBirth: `${1980 + Math.floor(n / 336)}-${String((Math.floor(n / 28) % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    placeOfBirth: { governorate: 'IQ-NA' },
  };
};

describe('the journal', () => {
  it('gives 50 concurrent commands a gap-free, valid chain', async () => {
    const before = (await verifyChain(h.services.journal.entries)).entries;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => request(h.app).post('/v1/persons').set(auth(registrar)).send(enrolment())),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body.nin)).size).toBe(50);
    const report = await verifyChain(h.services.journal.entries);
    expect(report).toMatchObject({ ok: true, entries: before + 50 });
    expect(report.head?.seq).toBe(before + 50);
  });

  it('lets two appenders on one database (two processes) race without a gap or a fork', async () => {
    // A second Journal on the same database is what a second service process would have.
    const other = new Journal<EventCatalogue>(h.services.db, { roles: EVENT_ROLES });
    registerProjectors(other, h.services, h.services.law, h.services.models, h.services.certificateCache);
    const draft = (n: number) => async () => ({
      type: 'client.secret-rotated' as const,
      entityIds: [`race-${n}`],
      data: { clientId: `race-${n}`, secretId: 'none' },
    });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? other : h.services.journal).execute(ctx, draft(i))),
    );
    const report = await verifyChain(h.services.journal.entries);
    expect(report.ok).toBe(true);
    const noted = await h.services.journal.entries.countDocuments({
      type: 'client.secret-rotated',
      entityIds: { $in: Array.from({ length: 20 }, (_, i) => `race-${i}`) },
    });
    expect(noted).toBe(20);
  });

  it('detects an entry edited directly in the database, at its seq', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const entry = await h.services.journal.entries.findOne({ entityIds: mother.nin, type: 'person.enrolled' });
    expect(entry).not.toBeNull();
    const seq = entry!.seq;
    await h.services.journal.entries.updateOne({ _id: entryId(seq) }, { $set: { 'data.dateOfBirth': '1999-01-01' } });
    try {
      const res = await request(h.app)
        .get('/v1/audit/integrity')
        .set(auth(await h.token('auditor')));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: false, firstBadSeq: seq });
    } finally {
      await h.services.journal.entries.updateOne(
        { _id: entryId(seq) },
        { $set: { 'data.dateOfBirth': (entry!.data as { dateOfBirth: string }).dateOfBirth } },
      );
    }
    expect((await verifyChain(h.services.journal.entries)).ok).toBe(true);
  });

  it('reports every edited entry, so one bad entry cannot hide a later one', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const entries = await Promise.all(
      [mother, father].map((p) => h.services.journal.entries.findOne({ entityIds: p.nin, type: 'person.enrolled' })),
    );
    const seqs = entries.map((e) => e!.seq);
    for (const seq of seqs)
      await h.services.journal.entries.updateOne({ _id: entryId(seq) }, { $set: { 'data.legacyReference': 'forged' } });
    try {
      const report = await verifyChain(h.services.journal.entries);
      expect(report.ok).toBe(false);
      expect(report.firstBadSeq).toBe(seqs[0]);
      expect(report.problems.map((p) => p.seq)).toEqual(seqs);
    } finally {
      for (const seq of seqs)
        await h.services.journal.entries.updateOne({ _id: entryId(seq) }, { $unset: { 'data.legacyReference': '' } });
    }
    expect((await verifyChain(h.services.journal.entries)).ok).toBe(true);
  });

  it('verifies and skips an entry type written by a newer version, and lists it', async () => {
    const before = await verifyChain(h.services.journal.entries);
    const head = before.head!;
    const body = {
      seq: head.seq + 1,
      at: new Date().toISOString(),
      actor: ctx.actor,
      requestId: 'newer',
      type: 'future.event',
      entityIds: [],
      data: { x: 1 },
      prevHash: head.hash,
    };
    await h.services.journal.entries.insertOne({ _id: entryId(body.seq), ...body, hash: entryHash(body, head.hash) });
    const report = await verifyChain(h.services.journal.entries, { knows: (t) => h.services.journal.knows(t) });
    expect(report).toMatchObject({ ok: true, unknownTypes: [{ seq: body.seq, type: 'future.event' }] });
    // The running service applies around it: the next command appends after it.
    const next = await request(h.app).post('/v1/persons').set(auth(registrar)).send(enrolment());
    expect(next.status).toBe(201);
    expect((await verifyChain(h.services.journal.entries)).ok).toBe(true);
  });

  it('notices the newest entries deleted, against the recorded head', async () => {
    const auditor = await h.token('auditor');
    await request(h.app).post('/v1/persons').set(auth(registrar)).send(enrolment()).expect(201);
    const newest = must(
      (await h.services.journal.entries.find({}).sort({ _id: -1 }).limit(1).toArray())[0],
      'newest journal entry',
    );
    await h.services.journal.entries.deleteOne({ _id: newest._id });
    try {
      const res = await request(h.app).get('/v1/audit/integrity').set(auth(auditor));
      expect(res.body).toMatchObject({ ok: false, firstBadSeq: newest.seq });
      expect(res.body.problem).toContain('cut short');
    } finally {
      await h.services.journal.entries.insertOne(newest);
    }
    expect((await verifyJournal(h.services.journal)).ok).toBe(true);
  });

  it('never moves past an entry whose applying failed: the next command applies it first, and fails while that fails', async () => {
    const journal = new Journal<EventCatalogue>(h.services.db, { roles: EVENT_ROLES });
    const applied: string[] = [];
    let failures = 2;
    journal.on('client.secret-rotated', async (entry) => {
      if (failures-- > 0) throw new Error('the database went away');
      applied.push(entry.data.clientId);
    });
    const rotate = (id: string) => () =>
      journal.execute(ctx, async () => ({
        type: 'client.secret-rotated' as const,
        entityIds: [id],
        data: { clientId: id, secretId: 'none' },
      }));
    await expect(rotate('apply-1')()).rejects.toThrow('went away');
    // Applying still fails: no new command is taken (its entry is not appended).
    const before = await h.services.journal.entries.countDocuments({});
    await expect(rotate('apply-2')()).rejects.toThrow('went away');
    expect(await h.services.journal.entries.countDocuments({})).toBe(before);
    // The database is back: the entry appended first is applied first, then the new one.
    await rotate('apply-3')();
    expect(applied).toEqual(['apply-1', 'apply-3']);
  });

  it('repairs a projection that missed an entry (a crash between append and projection)', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin));
    const before = await h.services.records.get(declared.body.id);
    // Append a rejection the way a process would before crashing: in the journal, not yet applied
    // (nor the applied position saved after it).
    const head = must((await verifyChain(h.services.journal.entries)).head ?? undefined, 'the journal head');
    const body = {
      seq: head.seq + 1,
      at: new Date().toISOString(),
      actor: ctx.actor,
      requestId: 'crashed',
      type: 'record.rejected',
      entityIds: [declared.body.id],
      data: { recordId: declared.body.id },
      reason: 'Crash test',
      prevHash: head.hash,
    };
    await h.services.journal.entries.insertOne({ _id: entryId(body.seq), ...body, hash: entryHash(body, head.hash) });
    expect((await h.services.records.get(declared.body.id))?.status).toBe('declared');

    // What start-up does (createServices calls catchUp) and what the next command does first.
    const restarted = new Journal<EventCatalogue>(h.services.db, { roles: EVENT_ROLES });
    registerProjectors(restarted, h.services, h.services.law, h.services.models, h.services.certificateCache);
    expect(await restarted.catchUp()).toBeGreaterThanOrEqual(1);
    const after = await h.services.records.get(declared.body.id);
    expect(after).toMatchObject({ status: 'rejected', rejectionReason: 'Crash test', version: before!.version + 1 });
    // Applying every entry again, from the start, changes nothing: projections are idempotent.
    const replay = new Journal<EventCatalogue>(h.services.db, { roles: EVENT_ROLES });
    registerProjectors(replay, h.services, h.services.law, h.services.models, h.services.certificateCache);
    await h.services.db.collection('journal_checkpoints').deleteMany({});
    expect(await replay.catchUp()).toBeGreaterThan(1);
    expect(await h.services.records.get(declared.body.id)).toEqual(after);
  });

  it('rebuilds every projection from the journal to identical data', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin));
    await request(h.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(registrar)).expect(200);
    const read = await request(h.app).get(`/v1/records/${declared.body.id}`).set(auth(registrar));
    // A correction by court order: the attached judgment and the marginal note rebuild too.
    await request(h.app)
      .post(`/v1/records/${declared.body.id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(read))
      .send({
        changes: { child: { givenName: 'مريم' } },
        reason: 'Spelling',
        evidence: await courtOrderEvidence(h.app, officer, declared.body.id),
      })
      .expect(200);
    await request(h.app)
      .post('/v1/offices')
      .set(auth(await h.token('admin')))
      .send({ code: 'KRH', name: 'Karkh office', governorate: 'IQ-BG' })
      .expect(201);

    const snapshot = async () => ({
      persons: await h.services.persons.list({}),
      records: await h.services.records.list({}),
      offices: await h.services.offices.list({}),
      nameIndex: await h.services.nameIndex.list({}),
      users: await h.services.users.list({}),
      clients: await h.services.clients.list({}),
    });
    const before = await snapshot();
    expect(before.persons.length).toBeGreaterThan(50);
    await rebuildProjections(h.services);
    expect(await snapshot()).toEqual(before);
  });
});
