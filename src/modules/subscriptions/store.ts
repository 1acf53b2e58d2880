import type { Collection, Db } from 'mongodb';
import type { ProjectionStore } from '../../db/store';
import { systemResolver, type Resolver } from './destination';

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
  /**
   * Why it is parked: its receiver failed too long (until replayed; absent on older states), or its
   * client is disabled, gone or lacks `feed:read` (until the client may read the feed again).
   */
  parkedReason?: ParkedReason;
  leaseOwner?: string;
  leaseUntil?: string;
}

export const CLIENT_PARK_REASONS = ['client-disabled', 'client-lacks-scope', 'client-not-found'] as const;
export type ParkedReason = 'failing' | (typeof CLIENT_PARK_REASONS)[number];

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
  /** How receivers' names are resolved, when subscribing and at each connection: the system's resolver (a test puts its own here). */
  resolve: Resolver;
}

export function webhookCollections(db: Db): WebhookCollections {
  return {
    state: db.collection('webhook_state'),
    log: db.collection('webhook_deliveries'),
    secrets: db.collection('webhook_secrets'),
    resolve: systemResolver,
  };
}

export async function initWebhookCollections(c: WebhookCollections): Promise<void> {
  await c.log.createIndex({ subscriptionId: 1, _id: 1 }); // serves GET /v1/subscriptions/{id}/deliveries
}
