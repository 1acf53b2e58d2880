import type { Client } from '../clients/store';

/**
 * Why a client may not have the feed delivered to it, or undefined when it may: a subscription
 * pushes what GET /v1/feed answers, so its client must exist, be enabled and hold `feed:read`,
 * when subscribing and at every delivery.
 */
export function clientRefusal(
  client: Pick<Client, 'disabled' | 'scopes'> | null,
): 'client-not-found' | 'client-disabled' | 'client-lacks-scope' | undefined {
  if (!client) return 'client-not-found';
  if (client.disabled) return 'client-disabled';
  if (!client.scopes.includes('feed:read')) return 'client-lacks-scope';
  return undefined;
}
