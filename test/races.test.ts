import { createUser } from '../src/modules/users/commands';
import { request, startHarness, type Harness } from './support/harness';

let h: Harness;
const SYSTEM = { actor: { id: 'system', role: 'system' as const }, requestId: 't' };
const PASSWORD = 'Qanat water clock 1258';
const LIMIT = 4;
let n = 0;

beforeAll(async () => {
  // Addresses are not what these tests lock: a high limit for them.
  h = await startHarness({ LOGIN_LOCK_AFTER_FAILURES: String(LIMIT), LOGIN_LOCK_ADDRESS_AFTER_FAILURES: '1000' });
});
afterAll(() => h.close());

async function newUser() {
  const user = await createUser(h.services, SYSTEM, {
    username: `race.user.${++n}`,
    password: PASSWORD,
    role: 'officer',
    office: 'BGD',
  });
  return user.username;
}
const login = (username: string, password: string) =>
  request(h.app).post('/v1/auth/login').send({ username, password });
const refresh = (refreshToken: string) => request(h.app).post('/v1/auth/refresh').send({ refreshToken });

describe('races on accounts', () => {
  it('lets exactly one of two simultaneous refreshes win, and revokes the family, whatever the interleaving', async () => {
    for (let round = 0; round < 8; round++) {
      const username = await newUser();
      const { refreshToken } = (await login(username, PASSWORD)).body as { refreshToken: string };
      const answers = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 401]);
      // The reuse revoked the family: the winner's new refresh token no longer works either.
      const winner = answers.find((a) => a.status === 200)!;
      expect((await refresh(winner.body.refreshToken as string)).status).toBe(401);
    }
  }, 60_000);

  it('checks at most the limit of 30 parallel wrong passwords, refuses the rest with 429, and stays locked', async () => {
    const username = await newUser();
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(username, 'a wrong password guess')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await login(username, PASSWORD)).status).toBe(429);
  }, 60_000);

  it('locks an account after 50 failures sent 10 at a time, never answering 409 or 5xx', async () => {
    const username = await newUser();
    const statuses: number[] = [];
    for (let wave = 0; wave < 5; wave++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => login(username, 'another wrong guess')));
      statuses.push(...answers.map((a) => a.status));
    }
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMIT);
    const locked = await login(username, PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  }, 60_000);
});
