import type { MaritalStatus } from '../common/schemas';
import type { Annulment, CivilEvent, Dissolution } from '../records/store';

/**
 * A person's civil status derived from the registered, not voided, events about them: never
 * toggled, always recomputed, so voiding or correcting an event puts everything right again.
 * Pure functions over plain data, shared by the projection, the rules and the property tests.
 */

// The vocabulary is the kind contract's (records/): a kind says what its record means here.
export type { Annulment, CivilEvent, Dissolution, MarriageStanding } from '../records/store';
export type MarriageEvent = Extract<CivilEvent, { kind: 'marriage' }>;
export type AnnulmentEvent = Extract<CivilEvent, { kind: 'annulment' }>;
export type { MaritalStatus };

export interface MarriageState {
  marriage: MarriageEvent;
  dissolution?: Dissolution;
  /** Set when a court annulled the marriage: then it never was, and has no dissolution. */
  annulment?: Annulment;
}

export interface DerivedStatus {
  status: 'alive' | 'deceased';
  dateOfDeath?: string;
  maritalStatus: MaritalStatus;
}

const byDateThenId = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The death of a person among the events (the earliest, should there be two). */
export function deathOf(
  nin: string,
  events: readonly CivilEvent[],
): Extract<CivilEvent, { kind: 'death' }> | undefined {
  return events
    .filter((e): e is Extract<CivilEvent, { kind: 'death' }> => e.kind === 'death' && e.nin === nin)
    .sort(byDateThenId)[0];
}

/** The annulment of a marriage among the events (the earliest judgment, should there be two). */
export function annulmentOf(marriageId: string, events: readonly CivilEvent[]): AnnulmentEvent | undefined {
  return events
    .filter((e): e is AnnulmentEvent => e.kind === 'annulment' && e.marriageId === marriageId)
    .sort(byDateThenId)[0];
}

/**
 * How a marriage stands: annulled (void from its start, so nothing dissolved it), else dissolved
 * by the earliest divorce of it or death of a party, if any.
 */
export function marriageState(marriage: MarriageEvent, events: readonly CivilEvent[]): MarriageState {
  const annulment = annulmentOf(marriage.id, events);
  if (annulment) return { marriage, annulment: { recordId: annulment.id, date: annulment.date } };
  const ends: Dissolution[] = [];
  for (const e of events) {
    if (e.kind === 'divorce' && e.marriageId === marriage.id)
      ends.push({ by: 'divorce', recordId: e.id, date: e.date });
    if (e.kind === 'death' && marriage.parties.includes(e.nin))
      ends.push({ by: 'death', recordId: e.id, date: e.date, nin: e.nin });
  }
  // The earliest end; on the same day a divorce comes before a death (the death found no marriage).
  ends.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.by === b.by ? 0 : a.by === 'divorce' ? -1 : 1,
  );
  return ends.length > 0 ? { marriage, dissolution: ends[0] } : { marriage };
}

/**
 * The marriages a person is a party to, oldest first, each with how it stands. An annulled
 * marriage is not among them: void from its start, it never was (so it widows, divorces and
 * marries no one, and no rule sees it in force).
 */
export function marriagesOf(nin: string, events: readonly CivilEvent[]): MarriageState[] {
  return events
    .filter((e): e is MarriageEvent => e.kind === 'marriage' && e.parties.includes(nin))
    .sort(byDateThenId)
    .map((m) => marriageState(m, events))
    .filter((s) => !s.annulment);
}

/** Whether a marriage is in force on a date: celebrated on or before it, not dissolved on or before it. */
export function inForceOn(state: MarriageState, date: string): boolean {
  return state.marriage.date <= date && (!state.dissolution || state.dissolution.date > date);
}

/**
 * Life and marital status from the events. A deceased person keeps the marital status they had
 * when they died (a marriage ended by their own death leaves them `married`, as on a death record).
 */
export function deriveStatus(nin: string, events: readonly CivilEvent[]): DerivedStatus {
  const death = deathOf(nin, events);
  const marriages = marriagesOf(nin, events);
  const endedByOwnDeath = (s: MarriageState) => s.dissolution?.by === 'death' && s.dissolution.nin === nin;
  const life = death ? { status: 'deceased' as const, dateOfDeath: death.date } : { status: 'alive' as const };
  if (marriages.some((s) => !s.dissolution || endedByOwnDeath(s))) return { ...life, maritalStatus: 'married' };
  const last = marriages
    .map((s) => s.dissolution)
    .reduce<Dissolution | undefined>((a, d) => (d && (!a || d.date >= a.date) ? d : a), undefined);
  if (!last) return { ...life, maritalStatus: 'single' };
  return { ...life, maritalStatus: last.by === 'divorce' ? 'divorced' : 'widowed' };
}

/** The people a marriage, divorce or death is about, with the spouses a death widows. */
export function spousesOf(nin: string, events: readonly CivilEvent[]): string[] {
  return marriagesOf(nin, events).map((s) => s.marriage.parties.find((p) => p !== nin) ?? nin);
}

/**
 * A person's marital status just before a date: from the events dated before it, and every
 * annulment whatever its date (a judgment that a marriage was void reaches back to its start).
 */
export const maritalStatusBefore = (nin: string, events: readonly CivilEvent[], date: string): MaritalStatus =>
  deriveStatus(
    nin,
    events.filter((e) => e.kind === 'annulment' || e.date < date),
  ).maritalStatus;
