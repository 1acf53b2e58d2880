import type { IndexDeclaration } from '../../db/store';

/** Offices added by admins; the 18 governorate main offices are reference data in code. */
export interface Office {
  _id: string;
  name: string;
  governorate: string;
  seq: number;
}

/** Offices are few and found by `_id` (their code): no other index. */
export const OFFICE_INDEXES: IndexDeclaration[] = [];
