import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth, request, type App } from './harness';

/** A webhook receiver on loopback that fails, hangs or answers as told, and keeps what it was sent. */
export function receiver() {
  const received: { seq: number; body: string; signature: string; ok: boolean }[] = [];
  let mode: 'ok' | 'fail' | 'hang' = 'ok';
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const seq = (JSON.parse(body) as { event: { seq: number } }).event.seq;
      received.push({ seq, body, signature: String(req.headers['x-signature']), ok: mode === 'ok' });
      if (mode === 'hang') return; // never answers
      res.statusCode = mode === 'ok' ? 204 : 503;
      res.end();
    });
  }).listen(0, '127.0.0.1');
  return {
    received,
    set: (m: typeof mode) => (mode = m),
    port: () => (server.address() as AddressInfo).port,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    listening: () =>
      server.listening ? Promise.resolve() : new Promise<void>((r) => server.once('listening', () => r())),
    close: () => new Promise((r) => server.close(r)),
    server,
  };
}

/** Waits until `what` holds, polling every 50 ms; throws after `ms`. */
export async function until(what: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A ministry's client that may read the feed, and its subscription of these events to `url` (201, or the test fails). */
export async function feedSubscription(app: App, admin: string, url: string, events: string[]) {
  const client = await request(app)
    .post('/v1/clients')
    .set(auth(admin))
    .send({ name: 'Ministry of Health', scopes: ['feed:read'] });
  return request(app).post('/v1/subscriptions').set(auth(admin)).send({ url, events, clientId: client.body.clientId });
}
