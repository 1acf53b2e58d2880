import jwt from 'jsonwebtoken';
import { policy, ROLES } from '../src/http/policy';
import { expressPath } from '../src/http/route';
import { apiRoutes } from '../src/routes';
import { randomNin } from '../src/modules/persons/nin';
import { auth, request, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(() => h.close());

interface Layer { route?: { path: string; methods: Record<string, boolean> }; handle?: Layer; stack?: Layer[] }

/** Every METHOD path the express app really serves, walking nested routers. */
function mountedRoutes(router: Layer): string[] {
  return (router.stack ?? []).flatMap((l) => l.route
    ? Object.keys(l.route.methods).map((m) => `${m} ${l.route!.path}`)
    : l.handle?.stack ? mountedRoutes(l.handle) : []);
}

/** A path with every parameter filled by a well-formed value. */
const concrete = (path: string) => path.replace('{nin}', randomNin()).replace('{id}', 'r_AAAAAAAAAAAAAAAAAAAAAA');

describe('route-by-role table', () => {
  it('every route the app mounts names a permission of the policy table', () => {
    const routes = apiRoutes(h.services);
    for (const r of routes) expect(Object.keys(policy)).toContain(r.permission);
    const mounted = mountedRoutes((h.app as unknown as { router: Layer }).router);
    const declared = routes.map((r) => `${r.method} ${expressPath(r.path)}`);
    for (const route of declared) expect(mounted).toContain(route);
    // Nothing is served that the table does not cover, but these open service routes.
    const open = ['get /health/live', 'get /health/ready', 'get /openapi.yaml'];
    expect(mounted.filter((m) => !declared.includes(m))).toEqual(open);
  });

  it('answers every route for every role as the table says', async () => {
    const tokens: Record<string, string> = {};
    for (const role of ROLES) {
      tokens[role] = role === 'citizen'
        ? h.services.tokens.issueAccess({ id: 'u_citizen', role: 'citizen', office: 'BGD' })
        : await h.token(role);
    }
    const failures: string[] = [];
    for (const r of apiRoutes(h.services)) {
      const allowed = policy[r.permission];
      for (const role of ROLES) {
        const res = await request(h.app)[r.method](concrete(r.path)).set(auth(tokens[role])).send(r.body ? {} : undefined);
        const permitted = allowed === 'anyone' || (allowed as readonly string[]).includes(role);
        const ok = permitted ? ![401, 403].includes(res.status) : res.status === 403;
        if (!ok) failures.push(`${role} ${r.method.toUpperCase()} ${r.path} -> ${res.status}`);
      }
      const anonymous = await request(h.app)[r.method](concrete(r.path)).send(r.body ? {} : undefined);
      if (allowed !== 'anyone' && anonymous.status !== 401) failures.push(`anonymous ${r.method.toUpperCase()} ${r.path} -> ${anonymous.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses expired, forged and unsigned tokens', async () => {
    const registrar = await h.token('registrar');
    const [header, payload] = registrar.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${elevated}.`;
    const expired = h.services.tokens.issueAccess({ id: claims.sub, role: 'registrar', office: 'BGD' }, -10);
    const hs256 = jwt.sign(claims, 'a guessed secret', { algorithm: 'HS256' });
    for (const token of [`${header}.${elevated}.${registrar.split('.')[2]}`, unsigned, expired, hs256, 'not-a-token']) {
      const res = await request(h.app).get('/v1/audit').set(auth(token));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });
});
