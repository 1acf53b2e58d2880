import type { Problem } from './problem';

/**
 * The offline outbox's rules, apart from IndexedDB (outbox-db.ts) and React (screens/declare/):
 * a declaration that found no link waits here with its Idempotency-Key and the id of the officer
 * who made it, and is sent when the link returns, by that officer's session only. An entry goes
 * only after an answer that settles it (a 2xx, or a 4xx that sending again cannot change); no
 * answer, a 401 (the session), 408, 425, 429 or a 5xx keep it, and stop the round (try later).
 */
export interface OutboxEntry {
  /** The Idempotency-Key: the service answers a second sending with the first answer. */
  key: string;
  userId: string;
  /** The record kind declared ('birth', 'marriage', …), to say what waits. */
  kind: string;
  path: string;
  body: unknown;
  savedAt: string;
}

/** An answer to one sending: status 0 when the service was not reached. */
export interface SendAnswer {
  status: number;
  recordId?: string;
  problem?: Problem;
}

export type Outcome =
  | { what: 'sent'; entry: OutboxEntry; recordId: string | undefined }
  | { what: 'refused'; entry: OutboxEntry; problem: Problem };

export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

const RETRY_LATER = new Set([401, 408, 425, 429]);

/** Whether an answer settles an entry (it is then removed and shown), or it must wait and go again. */
export function settles(status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 400 && status < 500 && !RETRY_LATER.has(status);
}

/** The entries one user made, oldest first: only they are sent under that user's session. */
export async function waitingFor(store: OutboxStore, userId: string): Promise<OutboxEntry[]> {
  return (await store.all()).filter((e) => e.userId === userId).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/**
 * One round of sending, for one user: oldest first, each removed once its answer settles it.
 * Stops at the first answer that does not (no link again, the session ended, the service busy):
 * what is left waits for the next round. Returns what was settled.
 */
export async function sendWaiting(
  store: OutboxStore,
  userId: string,
  send: (entry: OutboxEntry) => Promise<SendAnswer>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const entry of await waitingFor(store, userId)) {
    const answer = await send(entry).catch((): SendAnswer => ({ status: 0 }));
    if (!settles(answer.status)) break;
    await store.remove(entry.key);
    outcomes.push(
      answer.status < 300
        ? { what: 'sent', entry, recordId: answer.recordId }
        : { what: 'refused', entry, problem: answer.problem ?? { status: answer.status } },
    );
  }
  return outcomes;
}

/** Signing out forgets what that user left unsent (they were told, and asked). */
export async function forgetUser(store: OutboxStore, userId: string): Promise<number> {
  const mine = await waitingFor(store, userId);
  for (const e of mine) await store.remove(e.key);
  return mine.length;
}

/**
 * Rounds one after the other, never two at once in this tab (the `online` event and a sign-in
 * can come together); across tabs the caller holds a Web Lock. Either way the Idempotency-Key
 * makes a second sending of the same entry answer the first.
 */
export function serially<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const next = last.then(
      () => run(...args),
      () => run(...args),
    );
    last = next.catch(() => undefined);
    return next;
  };
}

/** A memory store, for the rules' tests and a browser without IndexedDB (nothing then survives a reload). */
export function memoryStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    all: () => Promise.resolve([...entries.values()]),
    put: (e) => {
      entries.set(e.key, e);
      return Promise.resolve();
    },
    remove: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}
