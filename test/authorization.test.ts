import jwt from 'jsonwebtoken';
import { allows, needsToken, OFFICE_BOUND, ROLES } from '../src/http/policy';
import { expressPath } from '../src/http/route';
import { SCOPES } from '../src/journal/types';
import { API_ROUTES } from '../src/routes';
import { randomNin } from '../src/modules/common/nin';
import { auth, request, startHarness, type Harness } from './support/harness';
import { SCANNED_PDF, birthDeclaration, declareAndRegister, enrolParents } from './support/fixtures';
import { jwtParts, must } from './support/checked';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: Layer;
  stack?: Layer[];
}

/** Every METHOD path the express app really serves, walking nested routers. */
function servedRoutes(router: Layer): string[] {
  return (router.stack ?? []).flatMap((l) =>
    l.route
      ? Object.keys(l.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m} ${l.route!.path}`)
      : l.handle?.stack
        ? servedRoutes(l.handle)
        : [],
  );
}

/** The open service routes that are not part of the API table. */
const SERVICE_ROUTES = ['get /health/live', 'get /health/ready', 'get /openapi.yaml', 'get /metrics'];

/** A path with every parameter filled by a well-formed value. */
const concrete = (path: string) =>
  path
    .replace('{nin}', randomNin())
    .replace('{documentId}', 'd_AAAAAAAAAAAAAAAAAAAAAA')
    .replace(
      '{id}',
      path.startsWith('/v1/users')
        ? 'u_AAAAAAAAAAAAAAAA'
        : path.startsWith('/v1/clients')
          ? 'cl_AAAAAAAAAAAAAAAA'
          : 'r_AAAAAAAAAAAAAAAAAAAAAA',
    );

describe('authorization matrix', () => {
  it('every route the app serves has an entry in the route table (a new route without one fails here)', () => {
    const declared = new Map(API_ROUTES.map((r) => [`${r.method} ${expressPath(r.path)}`, r]));
    const served = servedRoutes((h.app as unknown as { router: Layer }).router);
    const unknown = served.filter((s) => !declared.has(s) && !SERVICE_ROUTES.includes(s));
    expect(unknown).toEqual([]);
    for (const route of declared.keys()) expect(served).toContain(route);
  });

  it('answers every route for every kind of caller as the policy table says', async () => {
    const callers: { name: string; token?: string; actor?: Parameters<typeof allows>[1] }[] = [];
    for (const role of ROLES) {
      const token = role === 'citizen' ? (await h.citizen()).token : await h.token(role);
      callers.push({ name: role, token, actor: { role } });
    }
    for (const scope of SCOPES)
      callers.push({
        name: `client ${scope}`,
        token: await h.clientToken([scope]),
        actor: { role: 'client', scopes: [scope] },
      });
    const expired = h.services.tokens.issueAccess({ id: 'u_AAAAAAAAAAAAAAAA', role: 'admin', office: 'BGD' }, -10);
    callers.push({ name: 'expired token', token: expired }, { name: 'no token' });

    const served = new Set(servedRoutes((h.app as unknown as { router: Layer }).router));
    const failures: string[] = [];
    for (const r of API_ROUTES.filter((x) => served.has(`${x.method} ${expressPath(x.path)}`))) {
      for (const caller of callers) {
        let req = request(h.app)[r.method](concrete(r.path));
        if (caller.token) req = req.set(auth(caller.token));
        const res = await req.send(r.body ? {} : undefined);
        const expected = caller.actor
          ? allows(r.permission, caller.actor)
            ? 'allowed'
            : 403
          : needsToken(r.permission)
            ? 401
            : 'allowed';
        const ok = expected === 'allowed' ? ![401, 403].includes(res.status) : res.status === expected;
        if (!ok)
          failures.push(`${caller.name}: ${r.method.toUpperCase()} ${r.path} -> ${res.status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("keeps people's tokens and client tokens apart", async () => {
    const client = await h.clientToken(['identity:verify']);
    expect((await request(h.app).get(`/v1/persons/${randomNin()}`).set(auth(client))).status).toBe(403);
    const officer = await h.token('officer');
    expect(
      (await request(h.app).post('/v1/identity/verification').set(auth(officer)).send({ nin: randomNin() })).status,
    ).toBe(403);
    // A client token re-signed as a person's token fails the signature; a person's token with typ
    // changed to client fails its audience.
    const [head, payload, sig] = jwtParts(client);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const asPerson = Buffer.from(JSON.stringify({ ...claims, typ: 'access', role: 'admin', office: 'BGD' })).toString(
      'base64url',
    );
    expect(
      (
        await request(h.app)
          .get('/v1/users')
          .set(auth(`${head}.${asPerson}.${sig}`))
      ).status,
    ).toBe(401);
  });

  it("never shows a citizen another person's data", async () => {
    const me = await h.citizen();
    const other = await h.citizen();
    for (const path of [
      `/v1/persons/${other.nin}`,
      `/v1/persons?q=نور`,
      '/v1/records/r_AAAAAAAAAAAAAAAAAAAAAA',
      '/v1/audit',
    ]) {
      const res = await request(h.app).get(path).set(auth(me.token));
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(JSON.stringify(res.body)).not.toContain(other.nin);
    }
    const mine = await request(h.app).get('/v1/me').set(auth(me.token));
    expect(mine.body.nin).toBe(me.nin);
  });

  it('refuses expired, forged and unsigned tokens', async () => {
    const registrar = await h.token('registrar');
    const [header, payload, signature] = jwtParts(registrar);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${elevated}.`;
    const expired = h.services.tokens.issueAccess({ id: claims.sub, role: 'registrar', office: 'BGD' }, -10);
    const hs256 = jwt.sign(claims, 'a guessed secret', { algorithm: 'HS256' });
    for (const token of [`${header}.${elevated}.${signature}`, unsigned, expired, hs256, 'not-a-token']) {
      const res = await request(h.app).get('/v1/audit').set(auth(token));
      expect(res.status).toBe(401);
      // RFC 6750 3.1: a token that was sent and refused is an invalid_token challenge.
      expect(res.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
    }
    const none = await request(h.app).get('/v1/audit');
    expect([none.status, none.headers['www-authenticate']]).toEqual([401, 'Bearer']);
  });

  it('writes a read to the access log of every person it names, on each route that declares accessLog', async () => {
    const [officer, registrar, auditor] = [
      await h.token('officer'),
      await h.token('registrar'),
      await h.token('auditor'),
    ];
    const client = await h.clientToken(['identity:verify']);
    const { mother, father } = await enrolParents(h.app, registrar);
    const declared = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin));
    const id = declared.body.id as string;
    const registered = await h.token('registrar');
    await request(h.app).post(`/v1/records/${id}/registration`).set(auth(registered));
    const certificate = (await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId: id }))
      .body as { id: string };
    // A list names the people its records are about: the parents of a declared marriage.
    await request(h.app)
      .post('/v1/marriages')
      .set(auth(officer))
      .send({
        partyA: { nin: father.nin },
        partyB: { nin: mother.nin },
        dateOfMarriage: '2020-02-20',
        placeOfMarriage: { governorate: 'IQ-BG' },
      })
      .expect(201);
    const attached = await request(h.app)
      .post(`/v1/records/${id}/documents?type=hospital-notification`)
      .set(auth(officer))
      .set('Content-Type', 'application/pdf')
      .send(SCANNED_PDF)
      .expect(201);
    await h.services.accessLog.flush();
    const reads: Record<string, () => request.Test> = {
      listDocuments: () => request(h.app).get(`/v1/records/${id}/documents`).set(auth(auditor)),
      getDocument: () => request(h.app).get(`/v1/records/${id}/documents/${attached.body.id}`).set(auth(registrar)),
      listRecords: () => request(h.app).get('/v1/records').query({ kind: 'marriage' }).set(auth(officer)),
      getPerson: () => request(h.app).get(`/v1/persons/${mother.nin}`).set(auth(officer)),
      getFamily: () => request(h.app).get(`/v1/persons/${mother.nin}/family`).set(auth(officer)),
      listPersonConsents: () => request(h.app).get(`/v1/persons/${mother.nin}/consents`).set(auth(officer)),
      searchPersons: () =>
        request(h.app).get('/v1/persons').query({ q: 'فاطمة', dateOfBirth: '1995-04-02' }).set(auth(officer)),
      getRecord: () => request(h.app).get(`/v1/records/${id}`).set(auth(officer)),
      getRecordHistory: () => request(h.app).get(`/v1/records/${id}/history`).set(auth(registrar)),
      listJournalEntries: () => request(h.app).get('/v1/audit').query({ recordId: id }).set(auth(auditor)),
      verifyIdentity: () =>
        request(h.app)
          .post('/v1/identity/verification')
          .send({ nin: mother.nin, dateOfBirth: '1995-04-02' })
          .set(auth(client)),
      verifyIdentityBatch: () =>
        request(h.app)
          .post('/v1/identity/verification:batch')
          .send({ items: [{ nin: mother.nin, dateOfBirth: '1995-04-02' }] })
          .set(auth(client)),
      issueCertificate: () => request(h.app).post('/v1/certificates').send({ recordId: id }).set(auth(officer)),
      getCertificate: () => request(h.app).get(`/v1/certificates/${certificate.id}`).set(auth(officer)),
      getCertificatePdf: () => request(h.app).get(`/v1/certificates/${certificate.id}/pdf`).set(auth(officer)),
    };
    const declaring = API_ROUTES.filter((r) => r.accessLog)
      .map((r) => r.operationId)
      .sort();
    expect(declaring).toEqual(Object.keys(reads).sort());
    for (const route of API_ROUTES.filter((r) => r.accessLog)) {
      const before = await h.services.models.access.countDocuments({ nin: mother.nin });
      const res = await must(reads[route.operationId], `read of ${route.operationId}`)();
      expect({ route: route.operationId, status: res.status }).toEqual({
        route: route.operationId,
        status: route.method === 'post' && route.path === '/v1/certificates' ? 201 : 200,
      });
      await h.services.accessLog.flush();
      const logged = await h.services.models.access.find({ nin: mother.nin }).lean();
      expect({ route: route.operationId, added: logged.length - before }).toEqual({
        route: route.operationId,
        added: 1,
      });
      expect(logged.map((e) => e.route)).toContain(`${route.method.toUpperCase()} ${route.path}`);
    }
  });
});

describe('offices', () => {
  /** A route that acts on an existing record or its certificate (not a read, not a declaration). */
  const actsOnRecord = (r: (typeof API_ROUTES)[number]) =>
    r.method !== 'get' && /^\/v1\/(records|certificates)\/\{id\}\//.test(r.path);

  it('every route that acts on a record is office-bound and names the office it acts for', () => {
    const acting = API_ROUTES.filter(actsOnRecord).map((r) => `${r.operationId} ${r.permission}`);
    expect(acting.length).toBeGreaterThan(0);
    expect(acting.filter((a) => !OFFICE_BOUND.has(a.split(' ')[1] as never))).toEqual([]);
    expect(API_ROUTES.filter((r) => OFFICE_BOUND.has(r.permission) && !r.officeOf).map((r) => r.operationId)).toEqual(
      [],
    );
  });

  /**
   * For each office-bound route: a fresh target of office BGD (declared by a BGD officer), and
   * the request that takes the action. The keys must be every office-bound route.
   */
  const actions: Record<
    string,
    {
      prepare(officer: string, registrar: string): Promise<string>;
      send(path: string, token: string): request.Test;
      /** The status of the action taken (200 unless it creates). */
      done?: number;
    }
  > = {
    attachDocument: {
      prepare: declared,
      send: (path, token) =>
        request(h.app)
          .post(`${path}?type=court-order`)
          .set(auth(token))
          .set('Content-Type', 'application/pdf')
          .send(SCANNED_PDF),
      done: 201,
    },
    registerRecord: { prepare: declared, send: (path, token) => request(h.app).post(path).set(auth(token)) },
    rejectRecord: {
      prepare: declared,
      send: (path, token) =>
        request(h.app).post(path).set(auth(token)).send({ reason: 'The mother is not who the declaration names' }),
    },
    correctRecord: {
      prepare: declared,
      send: (path, token) =>
        request(h.app)
          .post(path)
          .set(auth(token))
          .set('If-Match', '"1"')
          .send({ changes: { child: { givenName: 'مريم' } }, reason: 'Spelling of the given name' }),
    },
    voidRecord: {
      prepare: registered,
      send: (path, token) => request(h.app).post(path).set(auth(token)).send({ reason: 'Registered twice by mistake' }),
    },
    reviewDuplicates: {
      async prepare(officer, registrar) {
        const { mother, father } = await enrolParents(h.app, registrar);
        const birth = birthDeclaration(mother.nin, father.nin);
        for (const _ of [1, 2])
          expect((await request(h.app).post('/v1/births').set(auth(officer)).send(birth)).status).toBe(201);
        const [second] = (await h.services.records.list({ personNins: mother.nin })).filter((r) => r.duplicates);
        return must(second, 'the second declaration, flagged')._id;
      },
      send: (path, token) =>
        request(h.app)
          .post(path)
          .set(auth(token))
          .send({ decision: 'not-duplicate', reason: 'Twins, named alike by mistake' }),
    },
    revokeCertificate: {
      async prepare(officer, registrar) {
        const recordId = await registered(officer, registrar);
        const issued = await request(h.app).post('/v1/certificates').set(auth(officer)).send({ recordId });
        expect(issued.status).toBe(201);
        return issued.body.id as string;
      },
      send: (path, token) =>
        request(h.app).post(path).set(auth(token)).send({ reason: 'Issued to the wrong applicant' }),
    },
  };

  async function declared(officer: string, registrar: string): Promise<string> {
    const { mother, father } = await enrolParents(h.app, registrar);
    const res = await request(h.app)
      .post('/v1/births')
      .set(auth(officer))
      .send(birthDeclaration(mother.nin, father.nin));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function registered(officer: string, registrar: string): Promise<string> {
    const { mother, father } = await enrolParents(h.app, registrar);
    return (await declareAndRegister(h.app, officer, registrar, '/v1/births', birthDeclaration(mother.nin, father.nin)))
      .id;
  }

  it("refuses a registrar of another office (403 other-office) on every record action, and lets the record's office and a national registrar act", async () => {
    const bound = API_ROUTES.filter((r) => OFFICE_BOUND.has(r.permission));
    expect(bound.map((r) => r.operationId).sort()).toEqual(Object.keys(actions).sort());
    const [officer, setup] = [await h.token('officer', 'BGD'), await h.token('registrar', 'BGD')];
    const callers = {
      basra: await h.token('registrar', 'BSR'),
      baghdad: await h.token('registrar', 'BGD'),
      // A national registrar of another office still acts on a Baghdad record.
      national: await h.token('national-registrar', 'BSR'),
    };
    const results: string[] = [];
    for (const route of bound) {
      const action = must(actions[route.operationId], `action of ${route.operationId}`);
      const target = await action.prepare(officer, setup);
      const path = route.path.replace('{id}', target);
      const recordPath = route.path.startsWith('/v1/records') ? `/v1/records/${target}` : `/v1/certificates/${target}`;
      const before = (await request(h.app).get(recordPath).set(auth(officer))).body as Record<string, unknown>;

      const foreign = await action.send(path, callers.basra);
      results.push(`${route.operationId} basra ${foreign.status} ${foreign.body.code}`);
      expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(foreign.body.detail).toMatch(/belongs to office BGD/);
      // Refused, it changed nothing.
      expect((await request(h.app).get(recordPath).set(auth(officer))).body).toEqual(before);

      results.push(`${route.operationId} baghdad ${(await action.send(path, callers.baghdad)).status}`);
      const again = route.path.replace('{id}', await action.prepare(officer, setup));
      results.push(`${route.operationId} national ${(await action.send(again, callers.national)).status}`);
    }
    expect(results).toEqual(
      bound.flatMap((r) => {
        const done = actions[r.operationId]?.done ?? 200;
        return [
          `${r.operationId} basra 403 other-office`,
          `${r.operationId} baghdad ${done}`,
          `${r.operationId} national ${done}`,
        ];
      }),
    );
  });

  it('keeps reads and declarations national: a Basra officer declares anywhere and reads a Baghdad record', async () => {
    const basra = await h.token('officer', 'BSR');
    const id = await declared(await h.token('officer', 'BGD'), await h.token('registrar', 'BGD'));
    expect((await request(h.app).get(`/v1/records/${id}`).set(auth(basra))).status).toBe(200);
    const { mother, father } = await enrolParents(h.app, await h.token('registrar', 'BSR'));
    const mine = await request(h.app)
      .post('/v1/births')
      .set(auth(basra))
      .send(birthDeclaration(mother.nin, father.nin));
    expect(mine.body).toMatchObject({ status: 'declared', office: 'BSR' });
  });
});
