import { openDB, type DBSchema } from 'idb';
import { memoryStore, type OutboxEntry, type OutboxStore } from './outbox';

/**
 * The outbox in IndexedDB (through idb, a 1 kB wrapper): the one place the console keeps personal
 * data in the browser, and only until it is sent or its officer signs out.
 */
interface OutboxDb extends DBSchema {
  entries: { key: string; value: OutboxEntry };
}

export function indexedDbStore(name = 'console-outbox'): OutboxStore {
  if (typeof indexedDB === 'undefined') return memoryStore();
  const opening = () =>
    openDB<OutboxDb>(name, 1, {
      upgrade(db) {
        db.createObjectStore('entries', { keyPath: 'key' });
      },
    });
  let db: ReturnType<typeof opening> | undefined;
  const open = () => (db ??= opening());
  return {
    all: async () => (await open()).getAll('entries'),
    put: async (e) => {
      await (await open()).put('entries', e);
    },
    remove: async (key) => {
      await (await open()).delete('entries', key);
    },
  };
}
