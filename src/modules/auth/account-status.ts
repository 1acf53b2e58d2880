import type { Model } from 'mongoose';
import type { Actor } from '../../journal/types';
import type { Client } from '../clients/model';
import type { User } from '../users/model';

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
  ) {}

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
