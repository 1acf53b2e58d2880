import type { EventRoles } from '../../journal/types';

/** The events of webhook subscriptions; their secrets are kept apart (`webhook_secrets`). */
export interface SubscriptionEvents {
  /** The entry names who, where and what; never the secret. */
  'subscription.created': { subscriptionId: string; clientId: string; url: string; events: string[] };
  'subscription.replayed': { subscriptionId: string; fromSeq: number };
  'subscription.ended': { subscriptionId: string; clientId: string };
}

export const SUBSCRIPTION_EVENTS: EventRoles<SubscriptionEvents> = {
  'subscription.created': 'projected',
  'subscription.replayed': 'audit-only',
  'subscription.ended': 'projected',
};
