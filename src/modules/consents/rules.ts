/**
 * The consent rules as plain functions: which consents stand, whose consent a record needs, and
 * the purposes that need none.
 */
import type { Consent } from './store';

/** A consent stands for this client and purpose on this day: not withdrawn, not expired, the same purpose. */
export function consentStands(
  c: Pick<Consent, 'clientId' | 'purpose' | 'expiresAt' | 'withdrawnAt'>,
  clientId: string,
  purpose: string,
  now: Date,
): boolean {
  return (
    c.clientId === clientId &&
    !c.withdrawnAt &&
    c.expiresAt > now.toISOString() &&
    normalisePurpose(c.purpose) === normalisePurpose(purpose)
  );
}

/** Purposes compare without case or extra spaces: "School enrolment" is "school  enrolment". */
export const normalisePurpose = (purpose: string) => purpose.trim().replace(/\s+/g, ' ').toLowerCase();

/** Age in whole years on a day, from a date of birth (YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const years = day.getUTCFullYear() - y;
  const before = day.getUTCMonth() + 1 < m || (day.getUTCMonth() + 1 === m && day.getUTCDate() < d);
  return before ? years - 1 : years;
}

/** Iraq's age of majority (Civil Code, article 106): a parent's consent covers a child under it. */
export const AGE_OF_MAJORITY = 18;

/**
 * Whose consent lets a client obtain a record's certificate: anyone the record names as a person
 * it is about (the spouses of a marriage, the deceased's record through a purpose that needs
 * none), and, for a birth of a child still a minor, the mother or the father.
 */
export function consentersOf(
  record: { kind: string; personNins: readonly string[]; subjectNin?: string },
  parents: readonly string[],
  childIsMinor: boolean,
): string[] {
  const named = [...record.personNins, ...(record.subjectNin ? [record.subjectNin] : [])];
  if (record.kind !== 'birth') return [...new Set(named)];
  const child = record.subjectNin ? [record.subjectNin] : [];
  return [...new Set([...child, ...(childIsMinor ? parents : [])])];
}
