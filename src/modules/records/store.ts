import type { IndexDeclaration, ProjectionStore } from '../../db/store';
import type { CourtOrder } from './rules';
import type { MaritalStatus } from '../common/schemas';
import type { DuplicateCandidate } from '../duplicates/scoring';
import type { RecordFlag, RecordKind, RecordStatus, Timeliness } from './rules';

export type { RecordFlag, RecordKind, RecordStatus, Timeliness } from './rules';

/**
 * What a registered record is in a person's civil status, if anything (a kind's `civilEvent`):
 * civil-status/ derives marital and life status from these.
 */
export type CivilEvent =
  | {
      kind: 'marriage';
      id: string;
      date: string;
      parties: readonly [string, string];
      courtReference?: string;
      /** The recorded consent of the wife already married, where the law asks for it (a document's id). */
      consentOfExistingSpouse?: { documentId: string };
    }
  | { kind: 'divorce'; id: string; date: string; marriageId: string }
  | { kind: 'death'; id: string; date: string; nin: string }
  /** A court's judgment that a marriage is void from its start; `date` is the judgment's. */
  | { kind: 'annulment'; id: string; date: string; marriageId: string };

/** How a marriage ended: by a registered divorce, or by the death of a party (`nin`). */
export interface Dissolution {
  by: 'divorce' | 'death';
  recordId: string;
  date: string;
  nin?: string;
}

/**
 * The registered annulment of a marriage: the judgment (`date`) that it was void from its start.
 * Not a dissolution: an annulled marriage never was, so nothing ended it (a divorce or a death
 * during it dissolves nothing, and an annulled marriage has no `dissolution`).
 */
export interface Annulment {
  recordId: string;
  date: string;
}

/** What a marriage record holds besides its facts, derived from other records (by civil-status/). */
export interface MarriageStanding {
  /** Each party's marital status just before the marriage, as derived at its registration. */
  previousMaritalStatus?: { partyA: MaritalStatus; partyB: MaritalStatus };
  dissolution?: Dissolution;
  annulment?: Annulment;
}

/**
 * What a birth or death record holds for the vital statistics besides its facts, derived from the
 * register when it was registered (the registration's entry holds it, so the counts rebuild the
 * same): what the declaration does not say, and nobody types.
 */
export interface VitalStanding {
  /** A birth: the mother's age at the birth, in completed years. */
  motherAge?: number;
  /** A birth: its order among the mother's live births in the register, this one included (1: her first). */
  birthOrder?: number;
  /** A death: the deceased's age at death in completed years, and their sex, from their entry. */
  ageAtDeath?: number;
  sex?: 'female' | 'male';
}

/** The hospital notification a record came from: its client, its own id, and the hash of what it sent. */
export interface Notification {
  /** `clientId:notificationId`: one record per notification of a client. */
  key: string;
  clientId: string;
  notificationId: string;
  facility: string;
  bodyHash: string;
}

/** A supporting document attached to a record (documents/), as the record lists it. */
export interface DocumentSummary {
  id: string;
  type: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

/** Projection of a civil status record (a declaration and what became of it). */
export interface CivilRecord<F extends object = object> {
  _id: string;
  kind: RecordKind;
  status: RecordStatus;
  office: string;
  /** The declared facts, as corrected since; their shape is the kind's. */
  data: F;
  declaredBy: { id: string; office?: string };
  declaredAt: string;
  /** The seq of its declaration's entry: the order of lists (oldest declaration first). */
  declaredSeq?: number;
  registrationNumber?: string;
  registeredBy?: string;
  registeredAt?: string;
  /** NIN of the person the record is about (the child of a registered birth). */
  subjectNin?: string;
  /** NINs of everyone the record names, for "records of this person". */
  personNins: string[];
  /**
   * Standing derived from other records (a marriage's dissolution, the parties' marital status
   * before it; a birth's mother's age and birth order, a death's age and sex), set by projections
   * from the journal and never corrected by hand.
   */
  derived?: MarriageStanding & VitalStanding;
  /** The hospital notification the record came from, if any. */
  notification?: Notification;
  rejectionReason?: string;
  voidReason?: string;
  /** What stops or marks it (possible duplicate, late, incomplete …), derived by workqueues/ after each entry. */
  flags?: RecordFlag[];
  /** How the declaration stands to its kind's deadline (none for kinds without one), derived by workqueues/ after each entry. */
  timeliness?: Timeliness;
  /** The work queue it waits in, as `OFFICE/queue` (records/rules.ts queueKey), or none. */
  queue?: string;
  /** Its queue and its bucket of declarations (`OFFICE/queue#n`): a queue's page reads a few small buckets. */
  queueBucket?: string;
  /** Earlier records of the same event, as the kind's duplicate rule found them at the declaration. */
  duplicates?: DuplicateCandidate[];
  /** A registrar's decision on those candidates (the flag `possible-duplicate` holds until there is one). */
  duplicateReview?: DuplicateReview;
  /** How many certificates were issued of it (the next one is copy number this + 1). */
  certificatesIssued?: number;
  /** Its supporting documents, oldest first (set by documents/ from `document.attached`). */
  documents?: DocumentSummary[];
  /** The court orders it was corrected by since registration, oldest first: its certificates' marginal notes. */
  courtOrders?: CourtOrder[];
  updatedAt: string;
  version: number;
  seq: number;
}

/** A registrar's decision on a record's possible duplicates. */
export interface DuplicateReview {
  decision: 'not-duplicate' | 'duplicate';
  duplicateOf?: string;
  reason: string;
  by: string;
  at: string;
}

export type RecordStore = ProjectionStore<CivilRecord>;

export const RECORD_INDEXES: IndexDeclaration[] = [
  {
    key: { registrationNumber: 1 },
    serves: 'lookups of a record by its registration number (certificates, verification)',
  },
  { key: { personNins: 1, _id: 1 }, serves: 'GET /v1/me/records: the records that name a person' },
  { key: { 'notification.key': 1 }, serves: "a hospital's notification sent again: the record it made" },
  { key: { queueBucket: 1, declaredSeq: 1 }, serves: 'GET /v1/records?queue=: a bucket of one queue of one office' },
  { key: { office: 1, declaredSeq: 1 }, serves: "GET /v1/records: an office's records, oldest first" },
  { key: { status: 1, declaredSeq: 1 }, serves: 'GET /v1/records?status= across offices (auditors)' },
];
