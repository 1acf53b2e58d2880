import { loadConfig } from '../src/config';
import { resolveEngine } from '../src/db/engine';
import { must } from '../src/lib/must';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from '../seed/names';

/** What the benches share: a small HTTP client of the API, a bounded parallel loop, the people they enrol. */

/** A date `days` before today: births and deaths declared within their deadline, whatever day the bench runs. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const pickName = (names: [string, string][], i: number) => must(names[i % names.length], 'a name');

export function person(sex: 'female' | 'male', i: number) {
  return {
    // Names drawn from the seed's lists, not one name for all: the duplicate check files a mother
    // under her folded names, and 200 mothers of one name would all be one another's candidates.
    name: {
      givenName: pickName(sex === 'female' ? FEMALE_NAMES : MALE_NAMES, i)[0],
      fatherName: pickName(MALE_NAMES, i * 7 + 1)[0],
      grandfatherName: pickName(MALE_NAMES, i * 13 + 2)[0],
      familyName: pickName(FAMILY_NAMES, i * 3)[0],
    },
    sex,
    // A day of birth of each one's own: namesakes born the same day are possible duplicates at enrolment.
    dateOfBirth: new Date(Date.UTC(sex === 'female' ? 1985 : 1980, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    placeOfBirth: { governorate: 'IQ-BG' },
  };
}

export function client(base: string) {
  const call = async (method: string, route: string, token: string | undefined, body?: unknown, expected = 201) => {
    const res = await fetch(base + route, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (res.status === 204 ? {} : await res.json()) as Record<string, unknown>;
    if (res.status !== expected) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    get: (route: string) => call('GET', route, undefined, undefined, 200),
    getWith: (route: string, token: string) => call('GET', route, token, undefined, 200),
    clientToken: async (clientId: string, secret: string) =>
      (
        await call(
          'POST',
          '/v1/auth/token',
          undefined,
          { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
          200,
        )
      ).access_token as string,
    pdf: async (route: string, token: string) => {
      const res = await fetch(base + route, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET ${route}: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
    post: (route: string, token: string, body?: unknown, expected = 201) => call('POST', route, token, body, expected),
    login: async (username: string, password: string) =>
      (await call('POST', '/v1/auth/login', undefined, { username, password }, 200)).accessToken as string,
  };
}

export async function waitReady(api: ReturnType<typeof client>) {
  for (let i = 0; i < 100; i++) {
    try {
      await api.get('/health/ready');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('the service did not become ready');
}

export async function inParallel<T>(count: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

/** The configuration and the engine a bench runs on: MONGODB_URI when set, else the embedded one (started here). */
export async function benchEngine() {
  const config = loadConfig();
  const engine = await resolveEngine({
    mongodbUri: config.MONGODB_URI,
    engine: config.DB_ENGINE,
    cacheDir: config.ENGINE_CACHE_DIR,
    log: (m) => console.error(m),
  });
  return { config, engine };
}

/** The first admin every bench's service starts with. */
export const BENCH_ADMIN = { username: 'bench-admin', password: 'Ishtar gate at night 575' };

/**
 * The environment of a service a bench starts: its database and data folder, on loopback, its
 * first admin, and no per-minute limits (the bench is the only caller and would hit them).
 */
export function benchServiceEnv(db: { uri: string; name: string; dataDir: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MONGODB_URI: db.uri,
    MONGODB_DB: db.name,
    HOST: '127.0.0.1',
    DATA_DIR: db.dataDir,
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
    RATE_LIMIT_VERIFY_PER_MINUTE: '1000000',
    RATE_LIMIT_IDENTITY_PER_MINUTE: '1000000',
    BOOTSTRAP_ADMIN_USERNAME: BENCH_ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
}
