import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { ProjectionStore } from '../../db/store';
import { notFound, unprocessable } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext, Scope } from '../../journal/types';
import type { Services } from '../../services';
import { ARGON2_OPTIONS } from '../users/service';
import type { Client } from './model';

const newSecret = () => `cs_${randomBytes(32).toString('base64url')}`;

export function presentClient(c: Client) {
  return { clientId: c._id, name: c.name, scopes: c.scopes, disabled: c.disabled, createdAt: c.createdAt };
}

/** Registers a sectoral system; its secret is returned here once and stored only as a hash. */
export async function createClient(services: Services, ctx: CommandContext, input: { name: string; scopes: Scope[] }) {
  const secret = newSecret();
  const client: Client = {
    _id: `cl_${randomBytes(12).toString('base64url')}`,
    name: input.name,
    scopes: input.scopes,
    secretHash: await argon2.hash(secret, ARGON2_OPTIONS),
    disabled: false,
    createdAt: new Date().toISOString(),
    seq: 0,
  };
  await services.models.clients.create(client);
  await services.journal.execute(ctx, async () => ({
    type: 'client.created',
    entityIds: [client._id],
    data: { clientId: client._id, name: client.name, scopes: client.scopes },
  }));
  return { ...presentClient(client), clientSecret: secret };
}

/** A new secret for a client; the old one stops working at once. */
export async function rotateClientSecret(services: Services, ctx: CommandContext, id: string) {
  const client = await findClient(services, id);
  const secret = newSecret();
  await services.models.clients.updateOne({ _id: id }, { $set: { secretHash: await argon2.hash(secret, ARGON2_OPTIONS) } });
  await services.journal.execute(ctx, async () => ({ type: 'client.secret-rotated', entityIds: [id], data: { clientId: id } }));
  return { ...presentClient(client), clientSecret: secret };
}

/** Disables, enables or re-scopes a client; its tokens are refused from the next request. */
export async function changeClient(services: Services, ctx: CommandContext, id: string, change: { disabled?: boolean; scopes?: Scope[] }) {
  await services.journal.execute(ctx, async () => {
    await findClient(services, id);
    if (Object.keys(change).length === 0) throw unprocessable('The change changes nothing', 'no-change');
    return { type: 'client.changed', entityIds: [id], data: { clientId: id, set: change } };
  });
  services.accounts.forget(id);
  return presentClient(await findClient(services, id));
}

export async function findClient(services: Services, id: string): Promise<Client> {
  const client = await services.models.clients.findById(id).lean<Client>();
  if (!client) throw notFound(`No client ${id}`);
  return client;
}

export function registerClientProjectors(journal: Journal, clients: ProjectionStore<Client>): void {
  journal.on('client.changed', (entry) => clients.applyOnce(entry.data.clientId, entry.seq, { set: entry.data.set }));
}
