import type { EventRoles } from '../../journal/types';
import type { FieldChange } from './rules';
import type { Notification } from './store';
import type { CourtOrder } from './rules';

/** What a correction rests on: a court's order, and the attached `court-order` documents that hold it. */
export interface CorrectionEvidence {
  courtOrder: CourtOrder;
  documentIds: string[];
}

/** What every declaration entry carries, whatever the kind. */
export interface RecordDeclared<F> {
  recordId: string;
  office: string;
  facts: F;
  /** NINs of the registered people the declaration names (parents, parties, the deceased). */
  personNins: string[];
  /** A hospital's notification this record came from: its client, its own id, and the hash of what it sent. */
  notification?: Notification;
}

/** The lifecycle events every kind shares. */
export interface RecordEvents {
  'record.rejected': { recordId: string };
  'record.voided': { recordId: string };
  /** `facts` are all the record's facts after the correction, in the shape of the record's kind. */
  'record.corrected': { recordId: string; changes: FieldChange[]; facts: object; evidence?: CorrectionEvidence };
}

export const RECORD_EVENTS: EventRoles<RecordEvents> = {
  'record.rejected': 'projected',
  'record.voided': 'projected',
  'record.corrected': 'projected',
};
