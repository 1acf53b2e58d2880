import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { nextValue } from '../../db/counters';
import { formatRegistrationNumber } from './rules';

/** Opaque, unguessable record id: 128 random bits. */
export function newRecordId(): string {
  return `r_${randomBytes(16).toString('base64url')}`;
}

/** The next registration number of an office, year and kind (its letter), from an atomic counter. */
export async function nextRegistrationNumber(db: Db, office: string, letter: string, year: number): Promise<string> {
  const n = await nextValue(db, `regno:${office}:${year}:${letter}`);
  return formatRegistrationNumber(office, year, letter, n);
}
