import type { RecordDeclared } from '../records/events';
import type { AnnulmentFacts } from './schemas';

/** The journal events of annulments, to be added to the catalogue (src/events.ts) when the kind is wired in. */
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
