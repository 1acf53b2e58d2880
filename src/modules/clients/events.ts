import type { EventRoles, Scope } from '../../journal/types';

/** The events of sectoral clients; their secrets' hashes live in `secrets`, named by id. */
export interface ClientEvents {
  'client.created': { clientId: string; name: string; scopes: Scope[]; secretId: string };
  'client.changed': { clientId: string; set: { disabled?: boolean; scopes?: Scope[] } };
  'client.secret-rotated': { clientId: string; secretId: string };
}

export const CLIENT_EVENTS: EventRoles<ClientEvents> = {
  'client.created': 'projected',
  'client.changed': 'projected',
  'client.secret-rotated': 'projected',
};
