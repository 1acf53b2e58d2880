import { EVENT_ROLES, type EventCatalogue } from '../src/events';
import { Journal } from '../src/journal/journal';
import { registerRecord } from '../src/modules/records/commands';
import { registerProjectors } from '../src/projectors';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { birthDeclaration, courtOrderEvidence, enrolParents } from './support/fixtures';
import { etagOf } from './support/checked';

let h: Harness;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  h = await startHarness();
  expectContract = contractChecker();
  officer = await h.token('officer');
  registrar = await h.token('registrar');
});
afterAll(() => h.close());

async function registeredBirth() {
  const { mother, father } = await enrolParents(h.app, registrar);
  const declared = await request(h.app)
    .post('/v1/births')
    .set(auth(officer))
    .send(birthDeclaration(mother.nin, father.nin));
  const registered = await request(h.app).post(`/v1/records/${declared.body.id}/registration`).set(auth(registrar));
  expect(registered.status).toBe(200);
  return registered;
}

describe('corrections', () => {
  it('needs If-Match (428), refuses a stale one (412), and applies a fresh one with the field-level change journaled', async () => {
    const record = await registeredBirth();
    const id = record.body.id as string;
    // A registered birth's name and date change by a court's order (corrections-evidence.test.ts).
    const body = {
      changes: { child: { givenName: 'مريم', dateOfBirth: '2026-03-15' } },
      reason: 'Hospital typed the name and date wrong',
      evidence: await courtOrderEvidence(h.app, officer, id),
    };

    const without = await request(h.app).post(`/v1/records/${id}/corrections`).set(auth(registrar)).send(body);
    expectContract(without);
    expect(without.status).toBe(428);

    const stale = await request(h.app)
      .post(`/v1/records/${id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', '"1"')
      .send(body);
    expectContract(stale);
    expect(stale.status).toBe(412);

    const ok = await request(h.app)
      .post(`/v1/records/${id}/corrections`)
      .set(auth(registrar))
      .set('If-Match', etagOf(record))
      .send(body);
    expectContract(ok);
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(record.body.version + 1);
    expect(ok.headers.etag).toBe(`"${record.body.version + 1}"`);
    expect(ok.body.child).toMatchObject({ givenName: 'مريم', dateOfBirth: '2026-03-15' });

    // The child's person follows the corrected birth, and name search finds her by the new name only.
    const child = await request(h.app).get(`/v1/persons/${record.body.subjectNin}`).set(auth(officer));
    expect(child.body).toMatchObject({ dateOfBirth: '2026-03-15', name: { givenName: 'مريم' } });
    const search = async (q: string) =>
      (await request(h.app).get('/v1/persons').query({ q, limit: 100 }).set(auth(officer))).body.items.map(
        (p: { nin: string }) => p.nin,
      ) as string[];
    const surname = child.body.name.familyName as string;
    expect(await search(`مريم ${surname}`)).toContain(record.body.subjectNin);
    expect(await search(`زينب ${surname}`)).not.toContain(record.body.subjectNin);

    const history = await request(h.app).get(`/v1/records/${id}/history`).set(auth(officer));
    expectContract(history);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'birth.declared',
      'birth.registered',
      'document.attached',
      'record.corrected',
    ]);
    const correction = history.body.items[3];
    expect(correction.reason).toBe(body.reason);
    expect(correction.actor).toMatchObject({ role: 'registrar', office: 'BGD' });
    expect(correction.data.changes).toEqual([
      { path: 'child.givenName', before: 'زينب', after: 'مريم' },
      { path: 'child.dateOfBirth', before: '2026-03-14', after: '2026-03-15' },
    ]);
  });

  it('lets exactly one of two racing corrections of the same version win; the other gets 412', async () => {
    const record = await registeredBirth();
    const evidence = await courtOrderEvidence(h.app, officer, record.body.id);
    const send = (givenName: string) =>
      request(h.app)
        .post(`/v1/records/${record.body.id}/corrections`)
        .set(auth(registrar))
        .set('If-Match', etagOf(record))
        .send({ changes: { child: { givenName } }, reason: 'Race test', evidence });
    const answers = await Promise.all([send('مريم'), send('نور')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const now = await request(h.app).get(`/v1/records/${record.body.id}`).set(auth(officer));
    expect(now.body.version).toBe(record.body.version + 1);
  });

  it('refuses a correction that breaks a rule or changes nothing', async () => {
    const record = await registeredBirth();
    const post = (changes: unknown) =>
      request(h.app)
        .post(`/v1/records/${record.body.id}/corrections`)
        .set(auth(registrar))
        .set('If-Match', etagOf(record))
        .send({ changes, reason: 'Checking rules' });
    expect((await post({ child: { dateOfBirth: '2999-01-01' } })).status).toBe(422);
    expect((await post({ child: { givenName: 'زينب' } })).body.code).toBe('no-change');
    expect((await post({ child: { fatherName: 'خالد' } })).body.code).toBe('father-name-derived');
  });
});

describe('voiding', () => {
  it('voids a registered record with a reason, and only a registered one', async () => {
    const record = await registeredBirth();
    const res = await request(h.app)
      .post(`/v1/records/${record.body.id}/voiding`)
      .set(auth(registrar))
      .send({ reason: 'Registered twice' });
    expectContract(res);
    expect(res.body).toMatchObject({ status: 'voided', voidReason: 'Registered twice' });
    const again = await request(h.app)
      .post(`/v1/records/${record.body.id}/voiding`)
      .set(auth(registrar))
      .send({ reason: 'Registered twice' });
    expect(again.status).toBe(409);
  });

  it('answers 404 for a record that does not exist', async () => {
    const res = await request(h.app).get('/v1/records/r_AAAAAAAAAAAAAAAAAAAAAA').set(auth(officer));
    expectContract(res);
    expect(res.status).toBe(404);
  });
});

describe('registration', () => {
  it("answers the child's NIN as child.nin, the same as subjectNin", async () => {
    const registered = await registeredBirth();
    expectContract(registered);
    expect(registered.body.child.nin).toMatch(/^\d{12}$/);
    expect(registered.body.child.nin).toBe(registered.body.subjectNin);
  });

  it('leaves no gap in registration numbers when another process appended first (a lost append race)', async () => {
    const office = 'RCE';
    await request(h.app)
      .post('/v1/offices')
      .set(auth(await h.token('admin')))
      .send({ code: office, name: 'Race test office', governorate: 'IQ-BG' })
      .expect(201);
    const declarer = await h.token('officer', office);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { mother, father } = await enrolParents(h.app, registrar);
      ids.push(
        (await request(h.app).post('/v1/births').set(auth(declarer)).send(birthDeclaration(mother.nin, father.nin)))
          .body.id,
      );
    }
    // A second Journal on the same database is what a second service process has. Each time it
    // appends, this process's journal holds a stale head: its next append loses the race on seq,
    // it catches up and decides again, and must keep the number it was given the first time.
    const other = new Journal<EventCatalogue>(h.services.db, { roles: EVENT_ROLES });
    registerProjectors(other, h.services, h.services.law, h.services.models, h.services.certificateCache);
    const ctx = { actor: { id: 'u_racer', role: 'registrar' as const, office }, requestId: 'race' };
    const numbers: string[] = [];
    for (const [i, id] of ids.entries()) {
      await other.execute(ctx, async () => ({
        type: 'client.secret-rotated' as const,
        entityIds: [`race-${i}`],
        data: { clientId: `race-${i}`, secretId: 'none' },
      }));
      numbers.push((await registerRecord(h.services, ctx, id)).registrationNumber!);
    }
    const year = new Date().getUTCFullYear();
    expect(numbers).toEqual([1, 2, 3].map((n) => `${office}-${year}-B-00000${n}`));
  });
});
