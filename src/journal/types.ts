import type { EventCatalogue, EventType } from '../events';

export type Role = 'admin' | 'officer' | 'registrar' | 'national-registrar' | 'auditor' | 'citizen';
export const SCOPES = ['identity:verify', 'notifications:write', 'feed:read'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who caused a change or read: a signed-in user, a sectoral client, or the system itself. */
export interface Actor {
  id: string;
  role: Role | 'client' | 'system';
  office?: string;
  /** A citizen's own NIN. */
  nin?: string;
  /** A sectoral client's granted scopes. */
  scopes?: Scope[];
}

export interface CommandContext {
  actor: Actor;
  requestId: string;
  /**
   * The hash of the caller's Idempotency-Key for this request: the entry carries it, and a
   * command run again with it (a retry after a crash) returns the entry appended the first time.
   */
  idempotencyKey?: string;
}

/** What a command decides to append; the journal adds seq, time, actor and the chain. */
export interface EntryDraft<K extends EventType = EventType> {
  type: K;
  entityIds: string[];
  data: EventCatalogue[K];
  reason?: string;
}

/** A draft of any one event type (a union over the catalogue, so type and data stay paired). */
export type AnyDraft = { [K in EventType]: EntryDraft<K> }[EventType];

interface Sealed {
  _id: string;
  idempotencyKey?: string;
  seq: number;
  at: string;
  actor: Actor;
  requestId: string;
  prevHash: string;
  hash: string;
}

export type JournalEntry<K extends EventType = EventType> = EntryDraft<K> & Sealed;

/** An entry as stored: its type may be one a newer version of the service wrote. */
export interface StoredEntry extends Sealed {
  type: string;
  entityIds: string[];
  data: unknown;
  reason?: string;
}

/** Applies one entry to the read models; must be idempotent (entries may be applied twice). */
export type Projector<K extends EventType = EventType> = (entry: JournalEntry<K>) => Promise<void>;

/** Journal `_id`s are zero-padded strings: FerretDB only narrows `{_id: <string>}` filters in SQL. */
export function entryId(seq: number): string {
  return String(seq).padStart(12, '0');
}
