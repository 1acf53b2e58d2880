import type { EventRoles } from '../../journal/types';
import type { FieldChange } from './rules';
import type { DuplicateCandidate } from '../duplicates/scoring';
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
  /** The keys the kind's duplicate rule files the record under, for the declarations after it. */
  duplicateKeys?: string[];
  /** Earlier records of the same event that the rule found, decided with the declaration. */
  duplicates?: DuplicateCandidate[];
}

/** The lifecycle events every kind shares. */
export interface RecordEvents {
  'record.rejected': { recordId: string };
  'record.voided': { recordId: string };
  /** `facts` are all the record's facts after the correction, in the shape of the record's kind. */
  'record.corrected': { recordId: string; changes: FieldChange[]; facts: object; evidence?: CorrectionEvidence };
  /** A registrar's decision on a record's possible duplicates (the entry's reason is theirs); `duplicate` rejects it. */
  'record.duplicate-reviewed': { recordId: string; decision: 'not-duplicate' | 'duplicate'; duplicateOf?: string };
}

export const RECORD_EVENTS: EventRoles<RecordEvents> = {
  'record.rejected': 'projected',
  'record.voided': 'projected',
  'record.corrected': 'projected',
  'record.duplicate-reviewed': 'projected',
};
