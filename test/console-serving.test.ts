import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CONSOLE_DIR, SERVICE_PATHS } from '../src/http/console';
import { request, startHarness, type Harness } from './support/harness';

/** The built console served at / on the service's origin, never in the way of the service's own paths. */
let h: Harness;
beforeAll(async () => {
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html')))
    throw new Error(`the console is not built (${CONSOLE_DIR}): run npm ci, or npm run build --prefix web`);
  h = await startHarness();
});
afterAll(() => h.close());

const script = () => {
  const file = readdirSync(path.join(CONSOLE_DIR, 'assets')).find((f) => f.endsWith('.js'));
  if (!file) throw new Error('no script in the built console');
  return `/assets/${file}`;
};

describe('the console at /', () => {
  it('is the page at / and at each of its own addresses, revalidated every time', async () => {
    for (const url of ['/', '/queues', '/records/r_3q2Zk8mW1xYbN4fT7vLh9A', '/declare/birth']) {
      const res = await request(h.app).get(url).set('Accept', 'text/html');
      expect({ url, status: res.status, type: res.type, cache: res.headers['cache-control'] }).toEqual({
        url,
        status: 200,
        type: 'text/html',
        cache: 'no-cache',
      });
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.text).toMatch(/<html lang="ar" dir="rtl">/);
    }
  });

  it('runs under a Content-Security-Policy that allows no inline script', async () => {
    const res = await request(h.app).get('/').set('Accept', 'text/html');
    const csp = String(res.headers['content-security-policy']);
    const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file
  });

  it('sends its hashed files cached for good, and no page for a file it does not have', async () => {
    const res = await request(h.app).get(script());
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(h.app).get('/assets/missing-0000.js').set('Accept', 'text/html');
    expect(missing.status).toBe(404);
    expect(missing.type).toBe('application/problem+json');
  });

  it('sends its scripts and styles compressed: the first load is under 300 kB on the wire', async () => {
    const page = await request(h.app).get('/').set('Accept', 'text/html');
    const files = [...page.text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(files.some((f) => f.endsWith('.js')) && files.some((f) => f.endsWith('.css'))).toBe(true);
    let wire = 0;
    for (const file of files) {
      const plain = await request(h.app).get(file).set('Accept-Encoding', 'identity');
      for (const encoding of ['br', 'gzip']) {
        const res = await request(h.app).get(file).set('Accept-Encoding', `${encoding}, deflate`);
        expect({ file, encoding: res.headers['content-encoding'], vary: res.headers.vary }).toEqual({
          file,
          encoding,
          vary: 'Accept-Encoding',
        });
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(res.text).toBe(plain.text); // the same file, decoded by the client
        const length = Number(res.headers['content-length']);
        expect(length).toBeLessThan(Number(plain.headers['content-length']));
        if (encoding === 'br') wire += length;
      }
    }
    expect(wire).toBeLessThan(300 * 1024);
    // The API's answers are not compressed (no secret beside reflected input in one compressed answer).
    const api = await request(h.app).get('/.well-known/jwks.json').set('Accept-Encoding', 'br, gzip');
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('never answers for the service: its paths keep their own answers', async () => {
    const html = { Accept: 'text/html' };
    const unknown = await request(h.app).get('/v1/no-such-route').set(html);
    expect([unknown.status, unknown.type]).toEqual([404, 'application/problem+json']);
    expect((await request(h.app).get('/health/live').set(html)).body).toEqual({ status: 'up' });
    expect((await request(h.app).get('/openapi.yaml').set(html)).type).toBe('application/yaml');
    expect((await request(h.app).get('/.well-known/jwks.json').set(html)).body.keys).toBeInstanceOf(Array);
    const verify = await request(h.app).get('/verify?token=not-a-token').set(html);
    expect(verify.text).not.toContain('<div id="root"></div>');
    const docs = await request(h.app).get('/docs/').set(html);
    expect(docs.text).toContain('swagger');
    const metrics = await request(h.app).get('/metrics').set(html);
    expect(metrics.text).not.toContain('<div id="root"></div>');
    expect(SERVICE_PATHS).toEqual(['/v1', '/health', '/metrics', '/docs', '/openapi.yaml', '/verify', '/.well-known']);
  });

  it('is not what a script asking for JSON, or any method but GET, gets', async () => {
    expect((await request(h.app).get('/queues').set('Accept', 'application/json')).status).toBe(404);
    const curl = await request(h.app).get('/nowhere').set('Accept', '*/*');
    expect([curl.status, curl.type]).toEqual([404, 'application/problem+json']);
    expect((await request(h.app).post('/').send({})).status).toBe(404);
  });
});
