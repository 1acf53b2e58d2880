import { WebhookDispatcher } from '../src/modules/subscriptions/dispatcher';
import { verifySignature } from '../src/modules/subscriptions/signature';
import { auth, request, startHarness, type Harness } from './support/harness';
import { contractChecker } from './support/contract';
import { registeredBirth as registerBirth } from './support/fixtures';
import { receiver, until, feedSubscription } from './support/receiver';

let h: Harness;
let officer: string;
let registrar: string;
let admin: string;
let expectContract: ReturnType<typeof contractChecker>;

beforeAll(async () => {
  // The receivers of these tests are on loopback.
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
  expectContract = contractChecker();
  [officer, registrar, admin] = [await h.token('officer'), await h.token('registrar'), await h.token('admin')];
});
afterAll(() => h.close());

const registeredBirth = async () => (await registerBirth(h.app, officer, registrar)).record.id;

describe('the feed', () => {
  it('gives registered events in journal order with five fields only, paged by next, missing nothing while writes go on', async () => {
    const feed = await h.clientToken(['feed:read']);
    const start = (await request(h.app).get('/v1/feed').query({ after: 0, limit: 1000 }).set(auth(feed))).body
      .next as number;
    // A reader follows the feed while eight registrations run at once.
    const seen: { seq: number; type: string }[] = [];
    let next = start;
    let writing = true;
    const reader = (async () => {
      while (writing || seen.length < 8) {
        const page = await request(h.app).get('/v1/feed').query({ after: next, limit: 3 }).set(auth(feed));
        expectContract(page);
        seen.push(...page.body.events);
        next = page.body.next;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const ids = await Promise.all(Array.from({ length: 8 }, () => registeredBirth()));
    await request(h.app)
      .post(`/v1/records/${ids[0]}/voiding`)
      .set(auth(registrar))
      .send({ reason: 'Registered twice' });
    writing = false;
    await reader;
    const tail = await request(h.app).get('/v1/feed').query({ after: next, limit: 100 }).set(auth(feed));
    seen.push(...tail.body.events);

    const journal = await h.services.journal.entries
      .find({ seq: { $gt: start }, type: { $in: ['birth.registered', 'record.voided', 'record.corrected'] } })
      .sort({ _id: 1 })
      .toArray();
    expect(seen.map((e) => e.seq)).toEqual(journal.map((e) => e.seq));
    for (const e of seen) expect(Object.keys(e).sort()).toEqual(['at', 'nin', 'recordId', 'seq', 'type']);
    expect(seen.at(-1)).toMatchObject({ type: 'record.voided', recordId: ids[0] });
    // Only clients with the scope.
    expect(
      (
        await request(h.app)
          .get('/v1/feed')
          .set(auth(await h.clientToken(['identity:verify'])))
      ).status,
    ).toBe(403);
  });
});

describe('webhooks', () => {
  it('refuses destinations inside the registry’s own network unless allowed', async () => {
    // Plain http is allowed here, so that each refusal below is the address's.
    const strict = await startHarness({ WEBHOOK_ALLOW_HTTP: 'true' });
    try {
      const admin2 = await strict.token('admin');
      const client = await request(strict.app)
        .post('/v1/clients')
        .set(auth(admin2))
        .send({ name: 'Ministry of Health', scopes: ['feed:read'] });
      const subscribe = (url: string) =>
        request(strict.app)
          .post('/v1/subscriptions')
          .set(auth(admin2))
          .send({ url, events: ['birth.registered'], clientId: client.body.clientId });
      for (const url of [
        'http://127.0.0.1:8080/hook',
        'http://169.254.169.254/latest',
        'http://[::1]/x',
        'http://10.1.2.3/',
        'http://localhost/hook',
        // IPv4-mapped: Node's URL parser writes these as ::ffff:7f00:1 and ::ffff:a9fe:a9fe.
        'http://[::ffff:127.0.0.1]/',
        'http://[::ffff:169.254.169.254]/latest/meta-data/',
        'http://[::127.0.0.1]/', // IPv4-compatible
        'http://[64:ff9b::a9fe:a9fe]/', // NAT64 of 169.254.169.254
        'http://[2002:7f00:1::1]/', // 6to4 of 127.0.0.1
        'http://[fec0::1]/', // site-local
        'http://[::]/',
        'http://0x7f.1/', // 127.0.0.1, as the URL parser reads it
        'http://2130706433/', // 127.0.0.1 too
        'http://0.0.0.0/',
        'http://255.255.255.255/',
        'http://[ff02::1]/',
      ]) {
        const res = await subscribe(url);
        expect({ url, status: res.status, code: res.body.code }).toEqual({
          url,
          status: 422,
          code: 'destination-not-allowed',
        });
      }
      // A public address, written as such (no lookup), is accepted by the same harness and client.
      expect((await subscribe('http://8.8.8.8/hook')).status).toBe(201);
      expect((await subscribe('http://[2001:4860:4860::8888]/hook')).status).toBe(201);
    } finally {
      await strict.close();
    }
  });

  it('delivers every event, in order, signed, retrying through failures and silence, and logs each attempt', async () => {
    const r = receiver();
    await new Promise((res) => r.server.once('listening', res));
    const sub = await feedSubscription(h.app, admin, r.url(), ['birth.registered', 'record.voided']);
    expectContract(sub);
    expect(sub.status).toBe(201);
    const dispatcher = new WebhookDispatcher(h.services, {
      pollMs: 30,
      timeoutMs: 300,
      retryBaseMs: 40,
      maxDelayMs: 200,
      parkAfterMs: 60_000,
      allowPrivate: true,
      allowHttp: true,
    });
    dispatcher.start();
    try {
      r.set('fail');
      const first = await registeredBirth();
      await until(() => r.received.length >= 2); // failed twice at least
      r.set('hang');
      const countBefore = r.received.length;
      const second = await registeredBirth(); // registration is not held up by a receiver that hangs
      await until(() => r.received.length > countBefore);
      r.set('ok');
      const third = await registeredBirth();
      await until(() => r.received.filter((x) => x.ok).length >= 3);
      const delivered = r.received.filter((x) => x.ok);
      const events = delivered.map(
        (x) => JSON.parse(x.body) as { event: { recordId: string; seq: number; type: string } },
      );
      // At least once: an answer lost to the timeout is sent again, right away, so only in a row.
      const inOrder = events.filter((e, i) => i === 0 || e.event.seq !== events[i - 1]?.event.seq);
      expect(inOrder.map((e) => e.event.recordId)).toEqual([first, second, third]);
      const seqs = inOrder.map((e) => e.event.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      for (const x of r.received) expect(verifySignature(sub.body.secret, x.body, x.signature)).toBe(true);
      const [one] = delivered;
      expect(one && verifySignature('another secret', one.body, one.signature)).toBe(false);

      const log = await request(h.app).get(`/v1/subscriptions/${sub.body.id}/deliveries`).set(auth(admin));
      expectContract(log);
      // None delivered again once the dispatcher saw it succeed.
      const succeeded = log.body.items.filter((d: { ok: boolean }) => d.ok).map((d: { seq: number }) => d.seq);
      expect(new Set(succeeded).size).toBe(succeeded.length);
      expect(log.body.parked).toBe(false);
      expect(log.body.cursor).toBe(seqs.at(-1));
      expect(log.body.items.some((d: { ok: boolean; httpStatus?: number }) => !d.ok && d.httpStatus === 503)).toBe(
        true,
      );
      expect(
        log.body.items.some((d: { ok: boolean; error?: string }) => !d.ok && /no answer/.test(d.error ?? '')),
      ).toBe(true);

      // A replay from the first event delivers them all again, in order.
      const before = r.received.length;
      expect(
        (
          await request(h.app)
            .post(`/v1/subscriptions/${sub.body.id}/replay`)
            .set(auth(admin))
            .send({ fromSeq: seqs[0] })
        ).status,
      ).toBe(204);
      await until(() => new Set(r.received.slice(before).map((x) => x.seq)).size >= 3);
      const replayed = r.received.slice(before).map((x) => x.seq);
      expect(replayed.filter((q, i) => i === 0 || q !== replayed[i - 1]).slice(0, 3)).toEqual(seqs);
    } finally {
      await dispatcher.stop();
      await r.close();
    }
  }, 60_000);

  it('parks a subscription that has failed for too long, until it is replayed', async () => {
    const created = await request(h.app)
      .post('/v1/clients')
      .set(auth(admin))
      .send({ name: 'Ministry of Education', scopes: ['feed:read'] });
    const sub = await request(h.app)
      .post('/v1/subscriptions')
      .set(auth(admin))
      .send({
        url: 'http://127.0.0.1:9/nobody-listens',
        events: ['birth.registered'],
        clientId: created.body.clientId,
      });
    const dispatcher = new WebhookDispatcher(h.services, {
      pollMs: 20,
      timeoutMs: 200,
      retryBaseMs: 20,
      maxDelayMs: 40,
      parkAfterMs: 300,
      allowPrivate: true,
      allowHttp: true,
    });
    dispatcher.start();
    try {
      await registeredBirth();
      await until(
        async () =>
          (await request(h.app).get(`/v1/subscriptions/${sub.body.id}/deliveries`).set(auth(admin))).body.parked ===
          true,
      );
      const refused = await request(h.app)
        .post('/v1/subscriptions')
        .set(auth(officer))
        .send({ url: 'http://x.example', events: ['birth.registered'], clientId: created.body.clientId });
      expect(refused.status).toBe(403);
      const unknownClient = await request(h.app)
        .post('/v1/subscriptions')
        .set(auth(admin))
        .send({ url: 'http://x.example', events: ['birth.registered'], clientId: 'nobody' });
      expect(unknownClient.status).toBe(422);
    } finally {
      await dispatcher.stop();
    }
  }, 30_000);
});
