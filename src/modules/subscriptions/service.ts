import { randomBytes } from 'node:crypto';
import { notFound, unprocessable } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import type { ProjectionStore } from '../../db/store';
import type { Client } from '../clients/model';
import { refusedDestination } from './destination';
import type { Subscription, SubscriptionStore, WebhookCollections } from './model';

export interface SubscriptionDeps {
  journal: Journal;
  subscriptions: SubscriptionStore;
  clients: ProjectionStore<Client>;
  webhooks: WebhookCollections;
  config: { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' | 'false' };
}

/** A client's subscription: its URL, the event types, and a new signing secret shown once. */
export async function createSubscription(deps: SubscriptionDeps, ctx: CommandContext, input: { url: string; events: string[]; clientId: string }) {
  const subscriptionId = `s_${randomBytes(12).toString('base64url')}`;
  const secret = randomBytes(32).toString('base64url');
  await deps.journal.execute(ctx, async () => {
    const client = await deps.clients.get(input.clientId);
    if (!client) throw unprocessable(`No client ${input.clientId}`, 'client-not-found');
    if (client.disabled) throw unprocessable(`Client ${input.clientId} is disabled`, 'client-disabled');
    const refused = await refusedDestination(input.url, deps.config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true');
    if (refused) throw unprocessable(`Webhooks may not go there: ${refused}`, 'destination-not-allowed');
    // Written before the entry: a subscription that exists always has its secret.
    await deps.webhooks.secrets.updateOne({ _id: subscriptionId }, { $setOnInsert: { secret } }, { upsert: true });
    return {
      type: 'subscription.created',
      entityIds: [subscriptionId, input.clientId],
      data: { subscriptionId, clientId: input.clientId, url: input.url, events: input.events },
    };
  });
  return { subscription: await findSubscription(deps.subscriptions, subscriptionId), secret };
}

export async function findSubscription(subscriptions: SubscriptionStore, id: string): Promise<Subscription> {
  const s = await subscriptions.get(id);
  if (!s) throw notFound(`No subscription ${id}`);
  return s;
}

/** Delivers again from a seq on: the cursor moves back, a parked subscription resumes. Journaled for the audit trail. */
export async function replaySubscription(deps: SubscriptionDeps, ctx: CommandContext, id: string, fromSeq: number) {
  await deps.journal.execute(ctx, async () => {
    await findSubscription(deps.subscriptions, id);
    return { type: 'subscription.replayed', entityIds: [id], data: { subscriptionId: id, fromSeq } };
  });
  await deps.webhooks.state.updateOne(
    { _id: id },
    { $set: { cursor: fromSeq - 1, attempts: 0, parked: false }, $unset: { failingSince: '', nextAttemptAt: '' } },
    { upsert: true },
  );
}

export function registerSubscriptionProjectors(journal: Journal, subscriptions: SubscriptionStore): void {
  journal.on('subscription.created', (entry) =>
    subscriptions.insertOnce({
      _id: entry.data.subscriptionId,
      clientId: entry.data.clientId,
      url: entry.data.url,
      events: entry.data.events,
      createdAt: entry.at,
      seq: entry.seq,
    }),
  );
}
