import { checkDuplicates, type DuplicateCheck, type DuplicateDeps } from '../duplicates/lookup';
import { foldedNamePart, withinDays } from '../duplicates/keys';
import { knownMother, motherKeys, sameMother, type KnownMother } from '../duplicates/mother';
import { likeness, type Likeness } from '../duplicates/scoring';
import { latinNameKey } from '../persons/normalise';
import type { PersonStore } from '../persons/projectors';
import type { BirthFacts } from './schemas';

/** A birth's date may be declared a few days off (the hospital's date against the family's memory). */
export const BIRTH_DATE_WINDOW_DAYS = 5;

/** Whether two given names are one: the same folded Arabic, or the same Latin key (Mohammed, Muhammad). */
function sameGivenName(a: BirthFacts['child'], b: BirthFacts['child']): boolean | undefined {
  if (!a.givenName || !b.givenName) return undefined;
  if (foldedNamePart(a.givenName) === foldedNamePart(b.givenName)) return true;
  if (a.latin && b.latin) return latinNameKey(a.latin.givenName) === latinNameKey(b.latin.givenName);
  return false;
}

/**
 * The births' duplicate rule, a plain function of two births and their mothers: the same mother
 * and a date of birth at most 5 days apart, then the sex and the given name (when both have one)
 * add to the score or take from it. Twins share a mother and a day but not a given name.
 */
export function birthLikeness(
  a: { child: BirthFacts['child']; mother: KnownMother },
  b: { child: BirthFacts['child']; mother: KnownMother },
): Likeness {
  const mother = sameMother(a.mother, b.mother);
  if (!mother || !withinDays(a.child.dateOfBirth, b.child.dateOfBirth, BIRTH_DATE_WINDOW_DAYS)) return undefined;
  const sameDay = a.child.dateOfBirth === b.child.dateOfBirth;
  const rest = likeness([
    ['child.dateOfBirth', sameDay ? 0.3 : 0.2, true],
    ['child.sex', 0.15, a.child.sex === b.child.sex],
    ['child.givenName', sameGivenName(a.child, b.child) ? 0.25 : 0.2, sameGivenName(a.child, b.child)],
  ]);
  return {
    score: Math.round(Math.min(1, mother.weight + rest.score) * 100) / 100,
    reasons: [...mother.reasons, ...rest.reasons],
  };
}

/** The duplicate check of a birth declared or notified: its keys and the earlier births it may repeat. */
export async function birthDuplicates(
  deps: DuplicateDeps & { persons: Pick<PersonStore, 'get'> },
  recordId: string,
  facts: BirthFacts,
): Promise<DuplicateCheck> {
  const mother = await knownMother(deps.persons, facts.mother);
  return checkDuplicates<BirthFacts>(deps, recordId, {
    kind: 'birth',
    ...motherKeys('B', mother, facts.child.dateOfBirth, BIRTH_DATE_WINDOW_DAYS),
    compare: async (earlier) =>
      birthLikeness(
        { child: facts.child, mother },
        { child: earlier.data.child, mother: await knownMother(deps.persons, earlier.data.mother) },
      ),
  });
}
