import type { EventRoles } from '../../journal/types';

export interface CitizenEvents {
  /** The code's hash lives in `secrets` (`secretId`); the code itself is shown once, never journaled. */
  'citizen.activation-code-issued': { nin: string; expiresAt: string; secretId: string };
}

export const CITIZEN_EVENTS: EventRoles<CitizenEvents> = { 'citizen.activation-code-issued': 'projected' };
