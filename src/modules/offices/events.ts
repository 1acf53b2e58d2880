import type { EventRoles } from '../../journal/types';

export interface OfficeEvents {
  'office.created': { code: string; name: string; governorate: string };
}

export const OFFICE_EVENTS: EventRoles<OfficeEvents> = { 'office.created': 'projected' };
