import type { EventRoles } from '../../journal/types';
import type { OfficeType } from './store';

export interface OfficeEvents {
  'office.created': { code: string; name: string; governorate: string; type?: OfficeType };
}

export const OFFICE_EVENTS: EventRoles<OfficeEvents> = { 'office.created': 'projected' };
