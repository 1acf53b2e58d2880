import { rebuildProjections } from '../src/journal/rebuild';
import { BUCKET_ENTRIES, bucketOf, queueOf } from '../src/modules/records/rules';
import { enrolPerson } from '../src/modules/persons/commands';

const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 'test-setup' };
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, declareAndRegister, enrolParents, motherName } from './support/fixtures';
import { etagOf } from './support/checked';

let h: Harness;
let officer: string;
let registrar: string;
let basraOfficer: string;
let auditor: string;
let hospital: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
  basraOfficer = await h.token('officer', 'BSR');
  auditor = await h.token('auditor');
  hospital = await h.clientToken(['notifications:write']);
});
afterAll(() => h.close());

const queues = async (token = officer) => {
  const res = await request(h.app).get('/v1/workqueues').set(auth(token));
  expectContract(res);
  expect(res.status).toBe(200);
  return Object.fromEntries((res.body.queues as { id: string; count: number }[]).map((q) => [q.id, q.count]));
};

const list = async (query: string, token = officer) => {
  const res = await request(h.app).get(`/v1/records?${query}`).set(auth(token));
  expectContract(res);
  return res;
};

const declareBirth = async (token = officer, child: Record<string, unknown> = {}) => {
  const { mother, father } = await enrolParents(h.app, registrar);
  const res = await request(h.app)
    .post('/v1/births')
    .set(auth(token))
    .send(birthDeclaration(mother.nin, father.nin, child));
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
};

describe('the office work queues', () => {
  it('counts each queue of the office from the journal, as records move, and lists each queue oldest first', async () => {
    const before = await queues();
    expect(Object.keys(before)).toEqual([
      'to-register',
      'possible-duplicates',
      'incomplete',
      'evidence-required',
      'rejected',
      'to-print',
    ]);
    const a = await declareBirth();
    const b = await declareBirth();
    const c = await declareBirth();
    await declareBirth(basraOfficer); // another office's: not in these counts
    expect((await queues())['to-register']).toBe(before['to-register']! + 3);

    const waiting = await list('queue=to-register&limit=2');
    expect(waiting.status).toBe(200);
    expect(waiting.body.items.map((i: { id: string }) => i.id)).toEqual([a.id, b.id]);
    expect(waiting.body.items[0]).toEqual({
      id: a.id,
      kind: 'birth',
      status: 'declared',
      flags: [],
      office: 'BGD',
      subjectName: expect.stringContaining('زينب'),
      eventDate: '2026-03-14',
      declaredAt: expect.any(String),
      declaredBy: expect.stringMatching(/^u_/),
    });
    const next = await list(`queue=to-register&limit=2&cursor=${waiting.body.nextCursor}`);
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect(next.body.nextCursor).toBeNull();

    // Registered: out of to-register, into to-print until a certificate is issued.
    await request(h.app).post(`/v1/records/${a.id}/registration`).set(auth(registrar)).expect(200);
    // Rejected: into rejected, to fix and declare again.
    await request(h.app)
      .post(`/v1/records/${b.id}/rejection`)
      .set(auth(registrar))
      .send({ reason: 'The mother is not the one named' })
      .expect(200);
    let now = await queues();
    expect(now['to-register']).toBe(before['to-register']! + 1);
    expect(now['to-print']).toBe(before['to-print']! + 1);
    expect(now.rejected).toBe(before.rejected! + 1);
    expect((await list('queue=to-print')).body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect((await list('queue=rejected')).body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);

    const issued = await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId: a.id });
    expect(issued.status).toBe(201);
    now = await queues();
    expect(now['to-print']).toBe(before['to-print']);
    const record = await request(h.app).get(`/v1/records/${a.id}`).set(auth(officer));
    expect(record.body).toMatchObject({ certificatesIssued: 1, flags: [] });
    // Answers that show people are cached nowhere: certificatesIssued changed, the ETag (the facts' version) did not.
    expect(record.headers['cache-control']).toBe('private, no-store');
    expect(waiting.headers['cache-control']).toBe('private, no-store');

    // The counts are a projection: rebuilt from the journal, they are the same.
    await rebuildProjections(h.services);
    expect(await queues()).toEqual(now);
  });

  it('a notified birth without the child’s name waits in incomplete until the office names the child', async () => {
    const { mother } = await enrolParents(h.app, registrar);
    const sent = await request(h.app)
      .post('/v1/notifications/births')
      .set(auth(hospital))
      .send({
        notificationId: 'YTH-2026-WQ-1',
        facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG' },
        birth: { date: '2026-03-14', sex: 'male' },
        mother: { nin: mother.nin },
      });
    expect(sent.status).toBe(202);
    const id = sent.body.recordId as string;
    const before = await queues();
    expect(before.incomplete).toBeGreaterThanOrEqual(1);
    const incomplete = await list('flag=incomplete');
    expect(incomplete.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await list('queue=incomplete')).body.items.map((i: { id: string }) => i.id)).toContain(id);

    const record = await request(h.app).get(`/v1/records/${id}`).set(auth(officer));
    expect(record.body.flags).toEqual(['incomplete']);
    const named = await request(h.app)
      .post(`/v1/records/${id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(record))
      .send({
        changes: { child: { givenName: 'علي', fatherName: 'أحمد', grandfatherName: 'محمود' } },
        reason: 'Named at the office',
      });
    expect(named.status).toBe(200);
    expect(named.body.flags).toEqual([]);
    const after = await queues();
    expect(after.incomplete).toBe(before.incomplete! - 1);
    expect(after['to-register']).toBe(before['to-register']! + 1);
  });

  it('filters by kind, status, declarer and declaration date; another office on request; auditors see every office', async () => {
    const mine = await declareBirth();
    const theirs = await declareBirth(basraOfficer);
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

    expect(ids(await list('declaredBy=me&limit=100'))).toContain(mine.id);
    const basras = ids(await list('declaredBy=me&limit=100', basraOfficer));
    expect(basras).toContain(theirs.id);
    expect(basras).not.toContain(mine.id);
    expect(ids(await list('limit=100'))).not.toContain(theirs.id);
    const basra = ids(await list('office=BSR&limit=100'));
    expect(basra).toContain(theirs.id);
    expect(basra).not.toContain(mine.id);
    expect(ids(await list('kind=birth&status=declared&limit=100'))).toContain(mine.id);
    expect(ids(await list('kind=marriage&limit=100'))).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(ids(await list(`from=${today}&to=${today}&limit=100`))).toContain(mine.id);
    expect(ids(await list('to=2020-01-01&limit=100'))).toEqual([]);
    const all = ids(await list('status=declared&limit=100', auditor));
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it('answers bad filters with 400 problems, and a queue without an office for an auditor with 400', async () => {
    for (const q of [
      'queue=lost',
      'status=maybe',
      'kind=unicorn',
      'flag=odd',
      'declaredBy=you',
      'from=2026-13-01',
      'office=bgd',
      'cursor=%%%',
      'from=2026-02-01&to=2026-01-01',
      'limit=1000',
      'extra=1',
    ]) {
      const res = await list(q);
      expect([q, res.status, res.headers['content-type']]).toEqual([
        q,
        400,
        expect.stringContaining('application/problem+json'),
      ]);
    }
    expect((await list('queue=to-register', auditor)).status).toBe(400);
    expect((await list('queue=to-register&office=BGD', auditor)).status).toBe(200);
  });

  it('is for staff: a citizen and a client are refused; the work queues are for an office’s officers and registrars', async () => {
    const citizen = await h.citizen();
    expect((await request(h.app).get('/v1/records').set(auth(citizen.token))).status).toBe(403);
    expect((await request(h.app).get('/v1/workqueues').set(auth(hospital))).status).toBe(403);
    expect((await request(h.app).get('/v1/workqueues').set(auth(auditor))).status).toBe(403);
    expect((await request(h.app).get('/v1/workqueues')).status).toBe(401);
  });

  it('the list shows a marriage’s parties by their enrolled names', async () => {
    const { mother, father } = await enrolParents(h.app, registrar);
    const marriage = await declareAndRegister(h.app, officer, registrar, '/v1/marriages', {
      partyA: { nin: father.nin },
      partyB: { nin: mother.nin },
      dateOfMarriage: '2020-02-20',
      placeOfMarriage: { governorate: 'IQ-BG' },
    });
    const res = await list('kind=marriage&status=registered&limit=100');
    const item = res.body.items.find((i: { id: string }) => i.id === marriage.id);
    expect(item).toMatchObject({ eventDate: '2020-02-20', registrationNumber: marriage.registrationNumber });
    expect(item.subjectName).toContain(motherName.givenName);
    expect(item.subjectName).toContain(' / ');
  });
});

describe('a queue read bucket by bucket', () => {
  it('pages through a queue whose records span buckets of declarations, in declaration order, each once', async () => {
    const before = new Set((await list('queue=to-register&limit=100')).body.items.map((i: { id: string }) => i.id));
    const declared = [(await declareBirth()).id, (await declareBirth()).id];
    // Journal entries until the next bucket starts (enrolments: entries that are not declarations).
    const next = (bucketOf(h.services.journal.appliedSeq()) + 1) * BUCKET_ENTRIES;
    let i = 0;
    while (h.services.journal.appliedSeq() < next)
      await enrolPerson(h.services, SYSTEM, {
        name: { givenName: 'سعد', fatherName: 'كريم', grandfatherName: 'سالم' },
        sex: 'male',
        // Each padding person born on a day of their own: namesakes born the same day are possible duplicates.
        dateOfBirth: new Date(Date.UTC(1960, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
        placeOfBirth: { governorate: 'IQ-BG' },
        legacyReference: `PAD/${i++}`,
      });
    declared.push((await declareBirth()).id, (await declareBirth()).id, (await declareBirth()).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`queue=to-register&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => !before.has(id))).toEqual(declared);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('queueOf', () => {
  it('puts a declared record in the queue of what stops it first, and others where they wait', () => {
    expect(queueOf({ status: 'declared', flags: [] })).toBe('to-register');
    expect(queueOf({ status: 'declared', flags: ['late'] })).toBe('to-register');
    expect(queueOf({ status: 'declared', flags: ['incomplete', 'possible-duplicate'] })).toBe('possible-duplicates');
    expect(queueOf({ status: 'declared', flags: ['evidence-required', 'incomplete'] })).toBe('incomplete');
    expect(queueOf({ status: 'declared', flags: ['evidence-required'] })).toBe('evidence-required');
    expect(queueOf({ status: 'rejected', flags: [] })).toBe('rejected');
    expect(queueOf({ status: 'registered', flags: [] })).toBe('to-print');
    expect(queueOf({ status: 'registered', flags: [], certificatesIssued: 2 })).toBeUndefined();
    expect(queueOf({ status: 'voided', flags: [] })).toBeUndefined();
  });
});

describe('amending a declaration', () => {
  it('an officer amends a declared record (the child named at the counter), never a registered one', async () => {
    const declared = await declareBirth();
    const record = await request(h.app).get(`/v1/records/${declared.id}`).set(auth(officer));
    const amended = await request(h.app)
      .post(`/v1/records/${declared.id}/corrections`)
      .set(auth(officer))
      .set('If-Match', etagOf(record))
      .send({ changes: { child: { givenName: 'مريم' } }, reason: 'The parents chose another name' });
    expectContract(amended);
    expect([amended.status, amended.body.child?.givenName]).toEqual([200, 'مريم']);
    const registered = await request(h.app).post(`/v1/records/${declared.id}/registration`).set(auth(registrar));
    expect(registered.status).toBe(200);
    const refused = await request(h.app)
      .post(`/v1/records/${declared.id}/corrections`)
      .set(auth(officer))
      .set('If-Match', etagOf(registered))
      .send({ changes: { child: { givenName: 'زينب' } }, reason: 'Another name again' });
    expectContract(refused);
    expect([refused.status, refused.body.code]).toEqual([403, 'registrar-required']);
  });
});
