import type { IndexDeclaration } from '../../db/store';

/** Offices added by admins; the 18 governorate main offices are reference data in code. */
/**
 * A civil-status office keeps the register (declares, registers, corrects); a community service
 * centre (in a post office or a youth centre, as the national e-governance strategy plans them)
 * serves citizens at a counter near home: look-ups, certificates, activation codes.
 */
export const OFFICE_TYPES = ['civil-status-office', 'community-service-centre'] as const;
export type OfficeType = (typeof OFFICE_TYPES)[number];

export interface Office {
  _id: string;
  name: string;
  governorate: string;
  /** Absent on offices added before there were centres: a civil-status office. */
  type?: OfficeType;
  seq: number;
}

/** Offices are few and found by `_id` (their code): no other index. */
export const OFFICE_INDEXES: IndexDeclaration[] = [];
