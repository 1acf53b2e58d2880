import type { ClientEvents } from './events';
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { ProjectionStore } from '../../db/store';
import { notFound, unprocessable } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext, Scope } from '../../journal/types';
import type { Model } from 'mongoose';
import type { AccountStatus } from '../auth/account-status';
import type { Secret } from '../auth/secrets';
import { storeSecret } from '../auth/secrets';
import { ARGON2_OPTIONS } from '../users/commands';
import type { Client } from './store';

const newSecret = () => `cs_${randomBytes(32).toString('base64url')}`;

export function presentClient(c: Client) {
  return { clientId: c._id, name: c.name, scopes: c.scopes, disabled: c.disabled, createdAt: c.createdAt };
}

/** Registers a sectoral system; its secret is returned here once and stored only as a hash (in `secrets`). */
interface ClientDeps {
  models: { clients: Model<Client>; secrets: Model<Secret> };
  journal: Journal<ClientEvents>;
}

export async function createClient(deps: ClientDeps, ctx: CommandContext, input: { name: string; scopes: Scope[] }) {
  const secret = newSecret();
  const secretId = await storeSecret(deps.models.secrets, await argon2.hash(secret, ARGON2_OPTIONS));
  const clientId = `cl_${randomBytes(12).toString('base64url')}`;
  await deps.journal.execute(ctx, async () => ({
    type: 'client.created',
    entityIds: [clientId],
    data: { clientId, name: input.name, scopes: input.scopes, secretId },
  }));
  return { ...presentClient(await findClient(deps, clientId)), clientSecret: secret };
}

/** A new secret for a client; the old one stops working at once (when the entry is applied). */
export async function rotateClientSecret(deps: ClientDeps, ctx: CommandContext, id: string) {
  await findClient(deps, id);
  const secret = newSecret();
  const secretId = await storeSecret(deps.models.secrets, await argon2.hash(secret, ARGON2_OPTIONS));
  await deps.journal.execute(ctx, async () => {
    await findClient(deps, id);
    return { type: 'client.secret-rotated', entityIds: [id], data: { clientId: id, secretId } };
  });
  return { ...presentClient(await findClient(deps, id)), clientSecret: secret };
}

/** Disables, enables or re-scopes a client; its tokens are refused from the next request. */
export async function changeClient(
  deps: ClientDeps & { accounts: Pick<AccountStatus, 'forget'> },
  ctx: CommandContext,
  id: string,
  change: { disabled?: boolean; scopes?: Scope[] },
) {
  await deps.journal.execute(ctx, async () => {
    await findClient(deps, id);
    if (Object.keys(change).length === 0) throw unprocessable('The change changes nothing', 'no-change');
    return { type: 'client.changed', entityIds: [id], data: { clientId: id, set: change } };
  });
  deps.accounts.forget(id);
  return presentClient(await findClient(deps, id));
}

export async function findClient(deps: Pick<ClientDeps, 'models'>, id: string): Promise<Client> {
  const client = await deps.models.clients.findById(id).lean<Client>();
  if (!client) throw notFound(`No client ${id}`);
  return client;
}

export function registerClientProjectors(journal: Journal<ClientEvents>, clients: ProjectionStore<Client>): void {
  journal.on('client.created', (entry) =>
    clients.insertOnce({
      _id: entry.data.clientId,
      name: entry.data.name,
      scopes: entry.data.scopes,
      secretId: entry.data.secretId,
      disabled: false,
      createdAt: entry.at,
      seq: entry.seq,
    }),
  );
  journal.on('client.secret-rotated', (entry) =>
    clients.applyOnce(entry.data.clientId, entry.seq, { set: { secretId: entry.data.secretId } }),
  );
  journal.on('client.changed', (entry) => clients.applyOnce(entry.data.clientId, entry.seq, { set: entry.data.set }));
}
