import type { EventRoles } from '../../journal/types';
import type { RecordDeclared } from '../records/events';
import type { DivorceFacts } from './schemas';

export interface DivorceEvents {
  'divorce.declared': RecordDeclared<DivorceFacts>;
  'divorce.registered': { recordId: string; registrationNumber: string; marriageId: string; parties: [string, string] };
}

export const DIVORCE_EVENTS: EventRoles<DivorceEvents> = {
  'divorce.declared': 'projected',
  'divorce.registered': 'projected',
};
