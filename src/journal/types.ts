export type Role = 'admin' | 'officer' | 'registrar' | 'national-registrar' | 'auditor' | 'service-clerk' | 'citizen';
export const SCOPES = ['identity:verify', 'notifications:write', 'feed:read', 'certificates:issue'] as const;
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

/**
 * A module's events, from each type to its payload. Each module declares its own (`events.ts`
 * beside its commands); the service's catalogue is their intersection, assembled at the
 * composition root (`src/events.ts`), and the journal is generic over it.
 */
export type Catalogue = object;

/** The types of a catalogue's events. */
export type EventType<C extends Catalogue> = keyof C & string;

/**
 * Whether an event changes a read model (and so must have a projector) or is kept for the audit
 * trail alone. A module classifies each of its events; the compiler refuses a missing one.
 */
export type EventRoles<C extends Catalogue> = { readonly [K in EventType<C>]: 'projected' | 'audit-only' };

/** What a command decides to append; the journal adds seq, time, actor and the chain. */
export interface EntryDraft<C extends Catalogue, K extends EventType<C> = EventType<C>> {
  type: K;
  entityIds: string[];
  data: C[K];
  reason?: string;
}

/** A draft of any one event type of a catalogue (a union, so type and data stay paired). */
export type AnyDraft<C extends Catalogue> = { [K in EventType<C>]: EntryDraft<C, K> }[EventType<C>];

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

export type JournalEntry<C extends Catalogue, K extends EventType<C> = EventType<C>> = EntryDraft<C, K> & Sealed;

/** An entry as stored: its type may be one a newer version of the service wrote. */
export interface StoredEntry extends Sealed {
  type: string;
  entityIds: string[];
  data: unknown;
  reason?: string;
}

/** Applies one entry to the read models; must be idempotent (entries may be applied twice). */
export type Projector<C extends Catalogue, K extends EventType<C>> = (entry: JournalEntry<C, K>) => Promise<void>;

/** Journal `_id`s are zero-padded strings: FerretDB only narrows `{_id: <string>}` filters in SQL. */
export function entryId(seq: number): string {
  return String(seq).padStart(12, '0');
}
