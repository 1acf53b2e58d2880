import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  forgetUser,
  memoryStore,
  sendWaiting,
  serially,
  settles,
  waitingFor,
  type OutboxEntry,
  type OutboxStore,
  type SendAnswer,
} from '../src/lib/outbox';
import { indexedDbStore } from '../src/lib/outbox-db';

const entry = (key: string, userId = 'u_officer', savedAt = `2026-05-01T10:00:0${key.length}Z`): OutboxEntry => ({
  key,
  userId,
  kind: 'birth',
  path: '/v1/births',
  body: { child: { givenName: 'زينب' } },
  savedAt,
});
const filled = async (store: OutboxStore, ...entries: OutboxEntry[]) => {
  for (const e of entries) await store.put(e);
  return store;
};
/** A service that answers each key as told, and counts the sendings. */
const service = (answers: Record<string, SendAnswer>) => {
  const sent: string[] = [];
  return {
    sent,
    send: (e: OutboxEntry) => {
      sent.push(e.key);
      return Promise.resolve(answers[e.key] ?? { status: 201, recordId: `r_${e.key}` });
    },
  };
};

describe('the outbox rules', () => {
  it('settles on a 2xx or a definitive 4xx; no answer, 401, 408, 425, 429 and 5xx wait', () => {
    expect([200, 201, 400, 403, 404, 409, 412, 422].map(settles)).toEqual(Array(8).fill(true));
    expect([0, 401, 408, 425, 429, 500, 502, 503].map(settles)).toEqual(Array(8).fill(false));
  });

  it("sends only the signed-in user's entries, oldest first, and removes each once sent", async () => {
    const store = await filled(memoryStore(), entry('bb'), entry('a'), entry('ccc', 'u_other'));
    const svc = service({});
    const outcomes = await sendWaiting(store, 'u_officer', svc.send);
    expect(svc.sent).toEqual(['a', 'bb']);
    expect(outcomes.map((o) => [o.what, o.entry.key, o.what === 'sent' ? o.recordId : ''])).toEqual([
      ['sent', 'a', 'r_a'],
      ['sent', 'bb', 'r_bb'],
    ]);
    expect((await store.all()).map((e) => e.key)).toEqual(['ccc']);
  });

  it('a definitive refusal is removed and shown with its problem', async () => {
    const problem = { status: 422, code: 'mother-not-found', detail: 'No person with NIN 123456789010' };
    const store = await filled(memoryStore(), entry('a'));
    const outcomes = await sendWaiting(store, 'u_officer', service({ a: { status: 422, problem } }).send);
    expect(outcomes).toEqual([{ what: 'refused', entry: entry('a'), problem }]);
    expect(await store.all()).toEqual([]);
  });

  it('stops at an answer that does not settle, and keeps that entry and the rest for the next round', async () => {
    for (const status of [0, 401, 503]) {
      const store = await filled(memoryStore(), entry('a'), entry('bb'));
      const svc = service({ a: { status } });
      expect(await sendWaiting(store, 'u_officer', svc.send)).toEqual([]);
      expect(svc.sent).toEqual(['a']);
      expect((await waitingFor(store, 'u_officer')).map((e) => e.key)).toEqual(['a', 'bb']);
    }
    // A sending that throws (the link cut mid-way) is no answer either.
    const store = await filled(memoryStore(), entry('a'));
    await sendWaiting(store, 'u_officer', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await store.all()).toHaveLength(1);
  });

  it('sends each entry once: a second round, or two rounds at once, finds nothing left', async () => {
    const store = await filled(memoryStore(), entry('a'), entry('bb'));
    const svc = service({});
    const round = serially((user: string) => sendWaiting(store, user, svc.send));
    const [first, second] = await Promise.all([round('u_officer'), round('u_officer')]);
    expect([first.length, second.length]).toEqual([2, 0]);
    await round('u_officer');
    expect(svc.sent).toEqual(['a', 'bb']);
  });

  it("signing out forgets that user's entries only", async () => {
    const store = await filled(memoryStore(), entry('a'), entry('bb', 'u_other'));
    expect(await forgetUser(store, 'u_officer')).toBe(1);
    expect((await store.all()).map((e) => e.key)).toEqual(['bb']);
  });

  it('keeps its entries in IndexedDB, where a reload (a new store on the same database) finds them', async () => {
    const before = indexedDbStore('outbox-test');
    await before.put(entry('a'));
    const after = indexedDbStore('outbox-test');
    expect(await after.all()).toEqual([entry('a')]);
    const svc = service({});
    await sendWaiting(after, 'u_officer', svc.send);
    expect(await indexedDbStore('outbox-test').all()).toEqual([]);
    await sendWaiting(indexedDbStore('outbox-test'), 'u_officer', svc.send);
    expect(svc.sent).toEqual(['a']);
  });
});
