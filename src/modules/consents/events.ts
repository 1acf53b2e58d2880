import type { EventRoles } from '../../journal/types';

/** The events of consents: a citizen lets a sectoral client obtain their certificates for a purpose, until a date, or stops it. */
export interface ConsentEvents {
  'consent.given': { consentId: string; nin: string; clientId: string; purpose: string; expiresAt: string };
  'consent.withdrawn': { consentId: string; nin: string };
}

export const CONSENT_EVENTS: EventRoles<ConsentEvents> = {
  'consent.given': 'projected',
  'consent.withdrawn': 'projected',
};
