import type { Model } from 'mongoose';
import type { Actor } from '../../journal/types';
import type { Client } from '../clients/model';
import type { User } from '../users/model';
import type { RevokedFamily } from './refresh-model';

interface Known {
  until: number;
  current: (actor: Actor) => boolean;
}

/**
 * Whether the account behind a valid token is still as the token says: not disabled, same role
 * and office (people), scopes still granted (clients). Answers are kept a few seconds so a read
 * does not pay a database look-up; a change made through this process is seen at once
 * (`forget`), one made through another instance within `ttlMs`.
 */
export class AccountStatus {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly users: Model<User>,
    private readonly clients: Model<Client>,
    private readonly ttlMs: number,
    private readonly revokedSessions?: Model<RevokedFamily>,
  ) {}

  /** Sessions (refresh-token families) known to be live or ended, kept like accounts' standing. */
  private readonly sessions = new Map<string, { until: number; ended: boolean }>();

  /** Whether a sign-in session was ended (signed out, or its refresh token stolen and reused). */
  async sessionEnded(session: string): Promise<boolean> {
    if (!this.revokedSessions) return false;
    let entry = this.sessions.get(session);
    if (!entry || entry.until < Date.now()) {
      entry = { until: Date.now() + this.ttlMs, ended: (await this.revokedSessions.exists({ _id: session })) !== null };
      if (this.sessions.size > 10_000) this.sessions.clear();
      this.sessions.set(session, entry);
    }
    return entry.ended;
  }

  /** A session ended through this process: refused here at once, elsewhere within the cache's time. */
  ended(session: string): void {
    this.sessions.set(session, { until: Number.MAX_SAFE_INTEGER, ended: true });
  }

  async isCurrent(actor: Actor): Promise<boolean> {
    const key = `${actor.role === 'client' ? 'c' : 'u'}:${actor.id}`;
    let entry = this.known.get(key);
    if (!entry || entry.until < Date.now()) {
      entry = { until: Date.now() + this.ttlMs, current: await this.load(actor) };
      if (this.known.size > 10_000) this.known.clear();
      this.known.set(key, entry);
    }
    return entry.current(actor);
  }

  forget(id: string): void {
    this.known.delete(`u:${id}`);
    this.known.delete(`c:${id}`);
  }

  private async load(actor: Actor): Promise<(a: Actor) => boolean> {
    if (actor.role === 'client') {
      const client = await this.clients.findById(actor.id).lean<Client>();
      if (!client || client.disabled) return () => false;
      return (a) => (a.scopes ?? []).every((s) => client.scopes.includes(s));
    }
    const user = await this.users.findById(actor.id).lean<User>();
    if (!user || user.disabled) return () => false;
    return (a) => a.role === user.role && a.office === user.office;
  }
}
