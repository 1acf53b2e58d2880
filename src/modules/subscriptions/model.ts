import type { Collection, Db } from 'mongodb';
import type { ProjectionStore } from '../../db/store';

/** A client's subscription to feed events, projected from `subscription.created`. */
export interface Subscription {
  _id: string;
  clientId: string;
  url: string;
  events: string[];
  createdAt: string;
  seq: number;
}

export type SubscriptionStore = ProjectionStore<Subscription>;

/**
 * Where a subscription's deliveries stand: operational state, not journaled (like an outbox's
 * cursor). `cursor` is the last seq delivered; one dispatcher at a time holds the lease.
 */
export interface DeliveryState {
  _id: string;
  cursor: number;
  attempts: number;
  failingSince?: string;
  nextAttemptAt?: string;
  parked: boolean;
  leaseOwner?: string;
  leaseUntil?: string;
}

/** One attempt to deliver one event: the delivery log. */
export interface DeliveryLog {
  _id: string;
  subscriptionId: string;
  seq: number;
  type: string;
  attempt: number;
  at: string;
  ok: boolean;
  httpStatus?: number;
  error?: string;
  ms: number;
}

/** The subscription's signing secret: it must be kept to sign (an HMAC), so it is stored as is, never journaled or logged. */
export interface WebhookSecret {
  _id: string;
  secret: string;
}

export interface WebhookCollections {
  state: Collection<DeliveryState>;
  log: Collection<DeliveryLog>;
  secrets: Collection<WebhookSecret>;
}

export function webhookCollections(db: Db): WebhookCollections {
  return { state: db.collection('webhook_state'), log: db.collection('webhook_deliveries'), secrets: db.collection('webhook_secrets') };
}

export async function initWebhookCollections(c: WebhookCollections): Promise<void> {
  await c.log.createIndex({ subscriptionId: 1, _id: 1 }); // serves GET /v1/subscriptions/{id}/deliveries
}
