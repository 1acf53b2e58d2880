import type { EventRoles } from '../../journal/types';
import type { RecordDeclared } from '../records/events';
import type { MaritalStatus } from '../common/schemas';
import type { MarriageFacts } from './schemas';

export interface MarriageEvents {
  'marriage.declared': RecordDeclared<MarriageFacts>;
  /** `previousMaritalStatus`: each party's, derived from the registry just before the marriage. */
  'marriage.registered': {
    recordId: string;
    registrationNumber: string;
    parties: [string, string];
    previousMaritalStatus: { partyA: MaritalStatus; partyB: MaritalStatus };
  };
}

export const MARRIAGE_EVENTS: EventRoles<MarriageEvents> = {
  'marriage.declared': 'projected',
  'marriage.registered': 'projected',
};
