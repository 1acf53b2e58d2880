import type { Model } from 'mongoose';
import { ExpiringCache } from '../../lib/expiring-cache';
import type { Actor } from '../../journal/types';
import type { Client } from '../clients/store';
import type { User } from '../users/store';
import type { RevokedFamily } from './refresh-model';

type Current = (actor: Actor) => boolean;

/**
 * Whether the account behind a valid token is still as the token says: not disabled, same role
 * and office (people), scopes still granted (clients). Answers are kept a few seconds so a read
 * does not pay a database look-up; a change made through this process is seen at once
 * (`forget`), one made through another instance within `ttlMs`.
 */
export class AccountStatus {
  private readonly known = new ExpiringCache<Current>(10_000);

  constructor(
    private readonly users: Model<User>,
    private readonly clients: Model<Client>,
    private readonly ttlMs: number,
    private readonly revokedSessions: Model<RevokedFamily>,
  ) {}

  /** Sessions (refresh-token families) known to be live or ended, kept like accounts' standing. */
  private readonly sessions = new ExpiringCache<boolean>(10_000);

  /** Whether a sign-in session was ended (signed out, or its refresh token stolen and reused). */
  async sessionEnded(session: string): Promise<boolean> {
    const revoked = this.revokedSessions;
    return this.sessions.getOrLoad(session, this.ttlMs, async () => (await revoked.exists({ _id: session })) !== null);
  }

  /** A session ended through this process: refused here at once, elsewhere within the cache's time. */
  ended(session: string): void {
    this.sessions.set(session, true, Number.MAX_SAFE_INTEGER);
  }

  async isCurrent(actor: Actor): Promise<boolean> {
    const key = `${actor.role === 'client' ? 'c' : 'u'}:${actor.id}`;
    const current = await this.known.getOrLoad(key, this.ttlMs, () => this.load(actor));
    return current(actor);
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
