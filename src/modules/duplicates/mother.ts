import type { PersonStore } from '../persons/projectors';
import { foldedNames, monthOf, monthsAround, withinDays } from './keys';

/** A mother as a declaration names her: by NIN (registered), or by name and date of birth. */
export type MotherRef =
  { nin: string } | { name: { givenName: string; fatherName: string; grandfatherName: string }; dateOfBirth: string };

/** A mother with what the duplicate rule compares: her NIN when registered, her folded names and her date of birth. */
export interface KnownMother {
  nin?: string;
  names?: string;
  dateOfBirth?: string;
}

/** The mother's names and date of birth, from her record when she is named by NIN. */
export async function knownMother(persons: Pick<PersonStore, 'get'>, ref: MotherRef): Promise<KnownMother> {
  if ('nin' in ref) {
    const person = await persons.get(ref.nin);
    return { nin: ref.nin, ...(person ? { names: foldedNames(person.name), dateOfBirth: person.dateOfBirth } : {}) };
  }
  return { names: foldedNames(ref.name), dateOfBirth: ref.dateOfBirth };
}

/**
 * The keys of an event of a mother (a birth, a foetal death), by kind letter: her folded names
 * with the event's month. A mother named by NIN is filed under her enrolled names, so a second
 * declaration naming her by name meets the first, and one key covers both ways of naming her
 * (one lookup a month, not two). `lookups` cover the months a window touches. A mother whose
 * names are unknown (a NIN nobody holds, which the declaration refuses anyway) is filed by NIN.
 */
export function motherKeys(letter: string, mother: KnownMother, eventDate: string, windowDays: number) {
  const under = (month: string) =>
    mother.names
      ? [`${letter}/mname:${mother.names}/${month}`]
      : mother.nin
        ? [`${letter}/mother:${mother.nin}/${month}`]
        : [];
  return { keys: under(monthOf(eventDate)), lookups: monthsAround(eventDate, windowDays).flatMap(under) };
}

/** How far apart two declared dates of birth of one mother may be (the declarant's memory, a legacy register). */
export const MOTHER_BIRTH_DATE_DAYS = 366;

/**
 * Whether two records name the same mother, with its evidence: the same NIN (0.4); or the same
 * folded names and dates of birth at most a year apart (0.4 on the same day, 0.35 otherwise).
 * Two different NINs are two different women. Undefined: not the same mother.
 */
export function sameMother(a: KnownMother, b: KnownMother): { weight: number; reasons: string[] } | undefined {
  if (a.nin && b.nin) return a.nin === b.nin ? { weight: 0.4, reasons: ['mother.nin'] } : undefined;
  if (!a.names || a.names !== b.names || !a.dateOfBirth || !b.dateOfBirth) return undefined;
  if (!withinDays(a.dateOfBirth, b.dateOfBirth, MOTHER_BIRTH_DATE_DAYS)) return undefined;
  return {
    weight: a.dateOfBirth === b.dateOfBirth ? 0.4 : 0.35,
    reasons: ['mother.name', 'mother.dateOfBirth'],
  };
}
