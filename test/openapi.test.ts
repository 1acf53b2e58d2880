import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openApiYaml } from '../src/openapi/document';
import { API_ROUTES } from '../src/routes';
import { auth, request, startHarness, type Harness } from './support/harness';

const run = promisify(execFile);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the contract', () => {
  it('openapi.yaml in the repo is the one the route specs generate (run `npm run openapi` after changing a route)', () => {
    const committed = readFileSync(path.join(__dirname, '..', 'openapi.yaml'), 'utf8');
    expect(committed).toBe(openApiYaml(API_ROUTES));
  });

  it("passes Redocly's recommended OpenAPI lint with no error or warning, and names every operation", async () => {
    const file = path.join(__dirname, '..', 'openapi.yaml');
    const { stdout } = await run(process.execPath, [path.join(__dirname, 'support', 'redocly-lint.mjs'), file]);
    expect(JSON.parse(stdout)).toEqual([]);
    const ids = API_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is served at /openapi.yaml and rendered at /docs', async () => {
    const yaml = await request(h.app).get('/openapi.yaml');
    expect(yaml.status).toBe(200);
    expect(yaml.text).toContain('/v1/births:');
    const docs = await request(h.app).get('/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const res = await request(h.app)
      .get('/v1/nothing-here')
      .set(auth(await h.token('officer')));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found' });
    // helmet's headers are on errors too.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('reports liveness and readiness', async () => {
    expect((await request(h.app).get('/health/live')).status).toBe(200);
    expect((await request(h.app).get('/health/ready')).body).toEqual({ status: 'ready' });
  });
});
