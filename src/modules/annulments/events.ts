import type { EventRoles } from '../../journal/types';
import type { RecordDeclared } from '../records/events';
import type { AnnulmentFacts } from './schemas';

/** The journal events of annulments. */
export interface AnnulmentEvents {
  'annulment.declared': RecordDeclared<AnnulmentFacts>;
  /** `parties`: the annulled marriage's, whose statuses are derived again. */
  'annulment.registered': {
    recordId: string;
    registrationNumber: string;
    marriageId: string;
    parties: [string, string];
  };
}

export const ANNULMENT_EVENTS: EventRoles<AnnulmentEvents> = {
  'annulment.declared': 'projected',
  'annulment.registered': 'projected',
};
