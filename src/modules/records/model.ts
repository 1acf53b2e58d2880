import type { IndexDeclaration, ProjectionStore } from '../../db/store';
import type { MarriageStanding } from '../civil-status/derive';
import type { Notification } from '../../events';
import type { RecordKind, RecordStatus } from './rules';

export type { RecordKind, RecordStatus } from './rules';

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
  registrationNumber?: string;
  registeredBy?: string;
  registeredAt?: string;
  /** NIN of the person the record is about (the child of a registered birth). */
  subjectNin?: string;
  /** NINs of everyone the record names, for "records of this person". */
  personNins: string[];
  /**
   * Standing derived from other records (a marriage's dissolution, the parties' marital status
   * before it), set by projections from the journal and never corrected by hand.
   */
  derived?: MarriageStanding;
  /** The hospital notification the record came from, if any. */
  notification?: Notification;
  rejectionReason?: string;
  voidReason?: string;
  updatedAt: string;
  version: number;
  seq: number;
}

export type RecordStore = ProjectionStore<CivilRecord>;

export const RECORD_INDEXES: IndexDeclaration[] = [
  { key: { registrationNumber: 1 }, serves: 'lookups of a record by its registration number (certificates, verification)' },
  { key: { personNins: 1, _id: 1 }, serves: 'GET /v1/me/records: the records that name a person' },
  { key: { 'notification.key': 1 }, serves: "a hospital's notification sent again: the record it made" },
];
