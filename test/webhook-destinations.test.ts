import { WebhookDispatcher } from '../src/modules/subscriptions/dispatcher';
import type { Resolver } from '../src/modules/subscriptions/destination';
import { auth, request, startHarness, type Harness } from './support/harness';
import { registeredBirth } from './support/fixtures';
import { receiver, until } from './support/receiver';

const OPTIONS = { pollMs: 20, timeoutMs: 500, retryBaseMs: 20, maxDelayMs: 40, parkAfterMs: 60_000 };

async function feedClient(h: Harness, admin: string): Promise<string> {
  const res = await request(h.app)
    .post('/v1/clients')
    .set(auth(admin))
    .send({ name: 'Ministry of Health', scopes: ['feed:read'] });
  return res.body.clientId as string;
}

describe('webhook destinations, as configured by default', () => {
  let h: Harness;
  afterAll(() => h?.close());

  it('accepts https only, and a name only when every address it resolves to is public', async () => {
    h = await startHarness();
    const answers: Record<string, string> = { 'moh.example': '8.8.8.8', 'inside.example': '10.0.0.7' };
    h.services.webhooks.resolve = (host) => {
      const address = answers[host];
      return address ? Promise.resolve([{ address, family: 4 }]) : Promise.reject(new Error('ENOTFOUND'));
    };
    const admin = await h.token('admin');
    const clientId = await feedClient(h, admin);
    const subscribe = (url: string) =>
      request(h.app)
        .post('/v1/subscriptions')
        .set(auth(admin))
        .send({ url, events: ['birth.registered'], clientId });

    const plain = await subscribe('http://moh.example/hook');
    expect(plain.status).toBe(422);
    expect(plain.body).toMatchObject({ code: 'destination-not-allowed', detail: expect.stringMatching(/https only/) });
    expect((await subscribe('https://inside.example/hook')).body).toMatchObject({
      status: 422,
      detail: expect.stringMatching(/10\.0\.0\.7/),
    });
    expect((await subscribe('https://[::ffff:169.254.169.254]/latest/meta-data/')).status).toBe(422);
    expect((await subscribe('https://moh.example/hook')).status).toBe(201);
  });
});

describe('DNS rebinding', () => {
  let h: Harness;
  afterAll(() => h?.close());

  it('connects only to addresses checked as it connects: a name that turns to 127.0.0.1 after subscribing reaches nothing', async () => {
    // Plain http, so that the receiver can be a loopback listener; private addresses stay refused.
    h = await startHarness({ WEBHOOK_ALLOW_HTTP: 'true' });
    const r = receiver();
    await r.listening();
    // The attacker's name: public when the registry checks it, loopback from then on.
    let lookups = 0;
    const rebinding: Resolver = (host) => {
      lookups++;
      return Promise.resolve([
        { address: host === 'hook.rebind.example' && lookups === 1 ? '8.8.8.8' : '127.0.0.1', family: 4 },
      ]);
    };
    h.services.webhooks.resolve = rebinding;
    const [admin, officer, registrar] = [await h.token('admin'), await h.token('officer'), await h.token('registrar')];
    const sub = await request(h.app)
      .post('/v1/subscriptions')
      .set(auth(admin))
      .send({
        url: `http://hook.rebind.example:${r.port()}/hook`,
        events: ['birth.registered'],
        clientId: await feedClient(h, admin),
      });
    expect(sub.status).toBe(201);
    expect(lookups).toBe(1);

    const dispatcher = new WebhookDispatcher(h.services, { ...OPTIONS, allowPrivate: false, allowHttp: true });
    const deliveries = async () =>
      (await request(h.app).get(`/v1/subscriptions/${sub.body.id}/deliveries`).set(auth(admin))).body;
    dispatcher.start();
    try {
      await registeredBirth(h.app, officer, registrar);
      await until(async () => (await deliveries()).items.length >= 3);
      const log = await deliveries();
      for (const d of log.items)
        expect(d).toMatchObject({ ok: false, error: expect.stringMatching(/destination not allowed: .*127\.0\.0\.1/) });
      expect(r.received).toEqual([]);
    } finally {
      await dispatcher.stop();
    }

    // The same path with private receivers allowed does reach the listener: it was the check that held.
    const allowed = new WebhookDispatcher(h.services, { ...OPTIONS, allowPrivate: true, allowHttp: true });
    allowed.start();
    try {
      await until(() => r.received.length > 0);
    } finally {
      await allowed.stop();
      await r.close();
    }
  }, 60_000);
});
