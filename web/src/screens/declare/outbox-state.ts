import { useSyncExternalStore } from 'react';
import { indexedDbStore } from '../../lib/outbox-db';
import { forgetUser, sendWaiting, serially, type OutboxEntry, type Outcome, type OutboxStore } from '../../lib/outbox';
import { postDeclaration, type DeclarePath } from './send';

/**
 * The outbox as the screens see it: how many declarations wait (all of them, and the signed-in
 * user's), and what the last rounds settled (sent, or refused with the service's reason), kept in
 * memory to show. The entries themselves are in IndexedDB (lib/outbox-db.ts).
 */
export interface OutboxView {
  waiting: number;
  mine: number;
  outcomes: Outcome[];
}

let store: OutboxStore = indexedDbStore();
let view: OutboxView = { waiting: 0, mine: 0, outcomes: [] };
let user: string | undefined;
const listeners = new Set<() => void>();
const publish = (next: Partial<OutboxView>) => {
  view = { ...view, ...next };
  for (const l of listeners) l();
};

/** For tests: another store. */
export const setOutboxStore = (s: OutboxStore) => {
  store = s;
};

export function useOutbox(): OutboxView {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => view,
  );
}

/** Counts again what waits, for the user now signed in (or nobody). */
export async function recount(userId: string | undefined): Promise<void> {
  user = userId;
  const all = await store.all();
  publish({ waiting: all.length, mine: userId ? all.filter((e) => e.userId === userId).length : 0 });
}

/** Keeps a declaration that found no link, to send later with the same key. */
export async function keep(entry: Omit<OutboxEntry, 'savedAt'>): Promise<void> {
  await store.put({ ...entry, savedAt: new Date().toISOString() });
  await recount(entry.userId);
}

/** Across tabs of the same console, one round at a time (Web Locks where the browser has them). */
const exclusively = <T>(run: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && 'locks' in navigator
    ? (navigator.locks.request('console-outbox', run) as Promise<T>)
    : run();

/** Sends what this user left waiting; the settled ones are shown. Only under that user's session. */
export const sendNow = serially(async (userId: string) => {
  user = userId;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return recount(userId);
  const outcomes = await exclusively(() =>
    sendWaiting(store, userId, (e) => postDeclaration(e.path as DeclarePath, e.body, e.key)),
  );
  if (user === userId && outcomes.length > 0) publish({ outcomes: [...view.outcomes, ...outcomes] });
  await recount(user);
});

/** Signing out: forgets this user's unsent declarations and what was shown. */
export async function forget(userId: string): Promise<void> {
  await forgetUser(store, userId);
  publish({ outcomes: [] });
  await recount(undefined);
}

export const dismiss = (key: string) => publish({ outcomes: view.outcomes.filter((o) => o.entry.key !== key) });
