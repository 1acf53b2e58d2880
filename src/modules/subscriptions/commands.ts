import type { SubscriptionEvents } from './events';
import { randomBytes } from 'node:crypto';
import { notFound, unprocessable } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import type { ProjectionStore } from '../../db/store';
import type { Client } from '../clients/store';
import { refusedDestination, type DestinationPolicy } from './destination';
import { clientRefusal } from './rules';
import type { Subscription, SubscriptionStore, WebhookCollections } from './store';

export interface SubscriptionDeps {
  journal: Journal<SubscriptionEvents>;
  subscriptions: SubscriptionStore;
  clients: ProjectionStore<Client>;
  webhooks: WebhookCollections;
  config: { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' | 'false'; WEBHOOK_ALLOW_HTTP: 'true' | 'false' };
}

/** Where webhooks may go, from the configuration and the webhooks' resolver. */
export const destinationPolicy = (deps: Pick<SubscriptionDeps, 'config' | 'webhooks'>): DestinationPolicy => ({
  allowPrivate: deps.config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true',
  allowHttp: deps.config.WEBHOOK_ALLOW_HTTP === 'true',
  resolve: deps.webhooks.resolve,
});

const CLIENT_PROBLEMS = {
  'client-not-found': (id: string) => `No client ${id}`,
  'client-disabled': (id: string) => `Client ${id} is disabled`,
  'client-lacks-scope': (id: string) =>
    `Client ${id} does not hold feed:read: a subscription delivers the feed, so its client must be allowed to read it`,
};

/** A client's subscription: its URL, the event types, and a new signing secret shown once. */
export async function createSubscription(
  deps: SubscriptionDeps,
  ctx: CommandContext,
  input: { url: string; events: string[]; clientId: string },
) {
  const subscriptionId = `s_${randomBytes(12).toString('base64url')}`;
  const secret = randomBytes(32).toString('base64url');
  await deps.journal.execute(ctx, async () => {
    const refusal = clientRefusal(await deps.clients.pick(input.clientId, ['disabled', 'scopes']));
    if (refusal) throw unprocessable(CLIENT_PROBLEMS[refusal](input.clientId), refusal);
    const refused = await refusedDestination(input.url, destinationPolicy(deps));
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
    {
      $set: { cursor: fromSeq - 1, attempts: 0, parked: false },
      $unset: { failingSince: '', nextAttemptAt: '', parkedReason: '' },
    },
    { upsert: true },
  );
}

/**
 * Ends a subscription, journaled as its creation was: nothing more is delivered once the entry is
 * applied (the dispatcher checks the subscription before each delivery). Its secret and delivery
 * state go with it; its delivery log stays, as the record of what was sent.
 */
export async function endSubscription(deps: SubscriptionDeps, ctx: CommandContext, id: string) {
  await deps.journal.execute(ctx, async () => {
    const s = await findSubscription(deps.subscriptions, id);
    return {
      type: 'subscription.ended',
      entityIds: [id, s.clientId],
      data: { subscriptionId: id, clientId: s.clientId },
    };
  });
  await deps.webhooks.secrets.deleteOne({ _id: id });
  await deps.webhooks.state.deleteOne({ _id: id });
}

export function registerSubscriptionProjectors(
  journal: Journal<SubscriptionEvents>,
  subscriptions: SubscriptionStore,
): void {
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
  journal.on('subscription.ended', (entry) => subscriptions.removeIds([entry.data.subscriptionId]));
}
