import { WebhookDispatcher } from '../src/modules/subscriptions/dispatcher';
import { clientRefusal } from '../src/modules/subscriptions/rules';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { declareAndRegister, registeredBirth } from './support/fixtures';
import { receiver, until } from './support/receiver';

let h: Harness;
let admin: string;
let officer: string;
let registrar: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  // The receivers of these tests are on loopback.
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
  expectContract = contractChecker();
  [admin, officer, registrar] = [await h.token('admin'), await h.token('officer'), await h.token('registrar')];
});
afterAll(() => h.close());

const OPTIONS = {
  pollMs: 20,
  timeoutMs: 500,
  retryBaseMs: 20,
  maxDelayMs: 40,
  parkAfterMs: 60_000,
  allowPrivate: true,
  allowHttp: true,
};

const newClient = async (name: string, scopes: string[]) =>
  (await request(h.app).post('/v1/clients').set(auth(admin)).send({ name, scopes })).body.clientId as string;
const subscribe = (url: string, clientId: string, events = ['birth.registered', 'marriage.registered']) =>
  request(h.app).post('/v1/subscriptions').set(auth(admin)).send({ url, events, clientId });
const changeClient = (id: string, change: object) =>
  request(h.app).patch(`/v1/clients/${id}`).set(auth(admin)).send(change);
const deliveries = async (id: string) =>
  (await request(h.app).get(`/v1/subscriptions/${id}/deliveries`).set(auth(admin))).body;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('whose subscription it is', () => {
  it('delivers the feed only to a client that may read it', () => {
    expect(clientRefusal(null)).toBe('client-not-found');
    expect(clientRefusal({ disabled: true, scopes: ['feed:read'] })).toBe('client-disabled');
    expect(clientRefusal({ disabled: false, scopes: ['identity:verify'] })).toBe('client-lacks-scope');
    expect(clientRefusal({ disabled: false, scopes: ['identity:verify', 'feed:read'] })).toBeUndefined();
  });

  it('refuses a client without feed:read, or disabled, with 422 and a code', async () => {
    const verifier = await newClient('Ministry of Interior', ['identity:verify']);
    const lacking = await subscribe('http://127.0.0.1:9/hook', verifier);
    expectContract(lacking);
    expect(lacking.status).toBe(422);
    expect(lacking.body).toMatchObject({ code: 'client-lacks-scope', detail: expect.stringMatching(/feed:read/) });

    const disabled = await newClient('Ministry of Planning', ['feed:read']);
    await changeClient(disabled, { disabled: true });
    expect((await subscribe('http://127.0.0.1:9/hook', disabled)).body).toMatchObject({
      status: 422,
      code: 'client-disabled',
    });
    expect((await h.services.subscriptions.list({ clientId: { $in: [verifier, disabled] } })).length).toBe(0);
  });

  it('delivers nothing while the client is disabled or lacks feed:read, parked, and resumes once it may read the feed again', async () => {
    const r = receiver();
    await r.listening();
    const clientId = await newClient('Ministry of Health', ['feed:read']);
    const sub = (await subscribe(r.url(), clientId)).body as { id: string };
    const dispatcher = new WebhookDispatcher(h.services, OPTIONS);
    dispatcher.start();
    try {
      const first = (await registeredBirth(h.app, officer, registrar)).record.id;
      await until(() => r.received.length >= 1);

      expect((await changeClient(clientId, { disabled: true })).status).toBe(200);
      const count = r.received.length;
      const second = (await registeredBirth(h.app, officer, registrar)).record.id;
      await until(async () => (await deliveries(sub.id)).parked === true);
      const parked = await deliveries(sub.id);
      expectContract(await request(h.app).get(`/v1/subscriptions/${sub.id}/deliveries`).set(auth(admin)));
      expect(parked.parkedReason).toBe('client-disabled');
      await pause(300); // a dozen passes of the dispatcher
      expect(r.received.length).toBe(count);

      // Enabled again but without the scope: still nothing.
      await changeClient(clientId, { disabled: false, scopes: ['identity:verify'] });
      await pause(300);
      expect(r.received.length).toBe(count);
      expect((await deliveries(sub.id)).parked).toBe(true);

      // With the scope back, it resumes where it stood: the event registered meanwhile comes next.
      await changeClient(clientId, { scopes: ['identity:verify', 'feed:read'] });
      await until(() => r.received.some((x) => x.body.includes(second)));
      const state = await deliveries(sub.id);
      expect(state.parked).toBe(false);
      expect(state.parkedReason).toBeUndefined();
      const ids = r.received.map((x) => (JSON.parse(x.body) as { event: { recordId: string } }).event.recordId);
      expect(ids.filter((id, i) => i === 0 || id !== ids[i - 1])).toEqual([first, second]);
    } finally {
      await dispatcher.stop();
      await r.close();
    }
  }, 60_000);
});

describe('the list of subscriptions and ending one', () => {
  it('lists them a page at a time without their secrets, and ends one: journaled, 204, then nothing more is delivered', async () => {
    const r = receiver();
    await r.listening();
    const clientId = await newClient('Ministry of Education', ['feed:read']);
    const made = [await subscribe(r.url(), clientId), await subscribe(r.url(), clientId)].map(
      (res) => res.body as { id: string; secret: string },
    );

    const seen: { id: string }[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await request(h.app)
        .get('/v1/subscriptions')
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .set(auth(admin));
      expectContract(page);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    for (const m of made)
      expect(seen.find((s) => s.id === m.id)).toEqual(expect.objectContaining({ id: m.id, clientId, url: r.url() }));
    for (const m of made) expect(JSON.stringify(seen)).not.toContain(m.secret);
    expect(
      (await request(h.app).get('/v1/subscriptions').query({ cursor: 'bm90LWFuLWlk' }).set(auth(admin))).status,
    ).toBe(400);
    expect((await request(h.app).get('/v1/subscriptions').set(auth(officer))).status).toBe(403);

    const [ended, kept] = made;
    if (!ended || !kept) throw new Error('two subscriptions were made above');
    expect((await request(h.app).delete(`/v1/subscriptions/${ended.id}`).set(auth(officer))).status).toBe(403);
    const res = await request(h.app).delete(`/v1/subscriptions/${ended.id}`).set(auth(admin));
    expectContract(res);
    expect(res.status).toBe(204);
    const entry = await h.services.journal.entries.findOne({ type: 'subscription.ended', entityIds: ended.id });
    expect(entry).toMatchObject({ actor: { role: 'admin' }, data: { subscriptionId: ended.id, clientId } });
    expect(await h.services.webhooks.secrets.findOne({ _id: ended.id })).toBeNull();
    const listed = (await request(h.app).get('/v1/subscriptions').query({ limit: 100 }).set(auth(admin))).body
      .items as { id: string }[];
    expect(listed.map((s) => s.id)).not.toContain(ended.id);
    expect(listed.map((s) => s.id)).toContain(kept.id);
    for (const res404 of [
      await request(h.app).delete(`/v1/subscriptions/${ended.id}`).set(auth(admin)),
      await request(h.app).delete('/v1/subscriptions/s_AAAAAAAAAAAAAAAA').set(auth(admin)),
      await request(h.app).get(`/v1/subscriptions/${ended.id}/deliveries`).set(auth(admin)),
    ]) {
      expectContract(res404);
      expect(res404.status).toBe(404);
    }
    expect((await request(h.app).delete('/v1/subscriptions/not-an-id').set(auth(admin))).status).toBe(400);

    // The kept one goes on being delivered; the ended one gets nothing.
    const dispatcher = new WebhookDispatcher(h.services, OPTIONS);
    dispatcher.start();
    try {
      const birth = (await registeredBirth(h.app, officer, registrar)).record.id;
      await until(() => r.received.some((x) => x.body.includes(birth)));
      await pause(300);
      const to = r.received.map((x) => (JSON.parse(x.body) as { subscriptionId: string }).subscriptionId);
      expect(to).toContain(kept.id);
      expect(to).not.toContain(ended.id);
    } finally {
      await dispatcher.stop();
      await r.close();
    }
  }, 60_000);
});

describe("the citizen's access log", () => {
  it('shows that a client received their marriage registration, from the feed and from a webhook, naming the client and the event', async () => {
    const { mother, father } = await registeredBirth(h.app, officer, registrar);
    const citizen = await h.citizen(father);
    const clientId = await newClient('Ministry of Health', ['feed:read']);
    const r = receiver();
    await r.listening();
    const sub = (await subscribe(r.url(), clientId, ['marriage.registered'])).body as { id: string };
    const marriage = await declareAndRegister(h.app, officer, registrar, '/v1/marriages', {
      partyA: { nin: father },
      partyB: { nin: mother },
      dateOfMarriage: '2020-02-20',
      placeOfMarriage: { governorate: 'IQ-NA' },
    });
    const feedToken = h.services.tokens.issueClient({ id: clientId, scopes: ['feed:read'] });
    const feed = await request(h.app).get('/v1/feed').query({ after: 0, limit: 1000 }).set(auth(feedToken));
    expect(feed.body.events).toContainEqual(
      expect.objectContaining({ type: 'marriage.registered', recordId: marriage.id, nin: father }),
    );

    const dispatcher = new WebhookDispatcher(h.services, OPTIONS);
    dispatcher.start();
    try {
      await until(() => r.received.some((x) => x.body.includes(marriage.id)));
    } finally {
      await dispatcher.stop();
      await r.close();
    }
    await h.services.accessLog.flush();

    const log = await request(h.app).get('/v1/me/access-log').query({ limit: 100 }).set(auth(citizen.token));
    expectContract(log);
    const received = (
      log.body.items as { actor: { id: string; name?: string }; route: string; received?: object }[]
    ).filter((e) => e.actor.id === clientId);
    const expected = {
      actor: expect.objectContaining({ role: 'client', name: 'Ministry of Health' }),
      received: { type: 'marriage.registered', recordId: marriage.id },
    };
    expect(received).toContainEqual(expect.objectContaining({ ...expected, route: 'GET /v1/feed' }));
    expect(received).toContainEqual(expect.objectContaining({ ...expected, route: `webhook ${sub.id}` }));
    // The other party was not named by the event: nothing about them went to the client.
    expect(await h.services.models.access.countDocuments({ nin: mother, 'actor.id': clientId })).toBe(0);
  }, 60_000);
});
