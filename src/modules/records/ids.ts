import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { nextValue } from '../../db/counters';

/** Opaque, unguessable record id: 128 random bits. */
export function newRecordId(): string {
  return `r_${randomBytes(16).toString('base64url')}`;
}

const KIND_LETTER = { birth: 'B', marriage: 'M', divorce: 'D', death: 'X' } as const;

/** OFFICE-YEAR-KIND-000123 from an atomic counter per office, year and kind. */
export async function nextRegistrationNumber(db: Db, office: string, kind: keyof typeof KIND_LETTER, year: number): Promise<string> {
  const letter = KIND_LETTER[kind];
  const n = await nextValue(db, `regno:${office}:${year}:${letter}`);
  return `${office}-${year}-${letter}-${String(n).padStart(6, '0')}`;
}
