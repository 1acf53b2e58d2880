import { conflict, unprocessable } from '../../http/problem';
import { BIRTH_RULES } from '../births/rules';
import { daysBetween, today, yearsBetween } from '../common/dates';
import { deathOf, marriageState, marriagesOf, type CivilEvent, type MarriageEvent, type MarriageState } from './derive';
import type { CivilStatusLaw } from './law';

/**
 * The rules of marriages, divorces and deaths: each a plain function of plain data that throws a
 * Problem naming the rule (`code`) and why. 422: the event cannot be true as declared; 409: it
 * contradicts what the registry already holds.
 */

/** What the rules need of a person. */
export interface Party {
  nin: string;
  sex: 'female' | 'male';
  dateOfBirth: string;
  motherNin?: string;
  fatherNin?: string;
}

/** The people concerned and every registered, not voided, event about them and their spouses. */
export interface Circle {
  persons: ReadonlyMap<string, Party>;
  events: readonly CivilEvent[];
  /** The registered children of the people concerned (for a parent's death). */
  children?: readonly Party[];
}

export function requireParty(world: Circle, nin: string, role: string): Party {
  const party = world.persons.get(nin);
  if (!party) throw unprocessable(`No person with NIN ${nin} (${role})`, 'person-not-found');
  return party;
}

export function checkNotInFuture(date: string, what: string, now = today()): void {
  if (date > now) throw unprocessable(`The ${what} (${date}) is in the future`, 'date-in-future');
}

export function checkNotBeforeBirth(party: Party, date: string, what: string, role: string): void {
  if (date < party.dateOfBirth)
    throw unprocessable(`The ${what} (${date}) is before the birth of ${role} (${party.dateOfBirth})`, 'before-birth');
}

/** An event about a person may not come after their registered death. */
export function checkAliveOn(world: Circle, party: Party, date: string, what: string, role: string): void {
  const death = deathOf(party.nin, world.events);
  if (death && death.date < date) {
    throw conflict(
      `${cap(role)} died on ${death.date} (record ${death.id}); the ${what} (${date}) comes after the death`,
      'party-deceased',
    );
  }
}

/** A person dies once: a second death is refused. */
export function checkNotAlreadyDead(world: Circle, nin: string): void {
  const death = deathOf(nin, world.events);
  if (death)
    throw conflict(`This person's death is already registered (record ${death.id}, ${death.date})`, 'already-deceased');
}

/** A death may not come before the events already registered about the person. */
export function checkNoEventsAfterDeath(world: Circle, nin: string, dateOfDeath: string): void {
  for (const s of marriagesOf(nin, world.events)) {
    if (s.marriage.date > dateOfDeath) {
      throw conflict(
        `The person married on ${s.marriage.date} (record ${s.marriage.id}), after the date of death ${dateOfDeath}`,
        'events-after-death',
      );
    }
    if (s.dissolution?.by === 'divorce' && s.dissolution.date > dateOfDeath) {
      throw conflict(
        `The person divorced on ${s.dissolution.date} (record ${s.dissolution.recordId}), after the date of death ${dateOfDeath}`,
        'events-after-death',
      );
    }
  }
}

/** A mother's death may not come before a registered child's birth, nor a father's more than a pregnancy before it. */
export function checkNoChildBornAfterDeath(world: Circle, nin: string, dateOfDeath: string): void {
  for (const child of world.children ?? []) {
    if (child.motherNin === nin && child.dateOfBirth > dateOfDeath) {
      throw conflict(
        `A child of this person was born on ${child.dateOfBirth}, after the date of death ${dateOfDeath}`,
        'events-after-death',
      );
    }
    if (
      child.fatherNin === nin &&
      daysBetween(dateOfDeath, child.dateOfBirth) > BIRTH_RULES.maxDaysFatherDiedBeforeBirth
    ) {
      throw conflict(
        `A child of this person was born on ${child.dateOfBirth}, more than ${BIRTH_RULES.maxDaysFatherDiedBeforeBirth} days after the date of death ${dateOfDeath}`,
        'events-after-death',
      );
    }
  }
}

export function checkDifferentPeople(a: Party, b: Party): void {
  if (a.nin === b.nin) throw unprocessable('Both parties are the same person', 'same-person');
}

export function checkSexes(a: Party, b: Party, law: CivilStatusLaw): void {
  if (law.partiesOfDifferentSex && a.sex === b.sex)
    throw unprocessable('The law in force requires the parties to be of different sex', 'same-sex');
}

/** Parent and child, and siblings sharing a registered parent, may not marry. */
export function checkNotCloseKin(a: Party, b: Party): void {
  const parentOf = (p: Party, c: Party) => c.motherNin === p.nin || c.fatherNin === p.nin;
  const shared = (x?: string, y?: string) => x !== undefined && x === y;
  if (parentOf(a, b) || parentOf(b, a) || shared(a.motherNin, b.motherNin) || shared(a.fatherNin, b.fatherNin)) {
    throw unprocessable(
      'The parties are parent and child or siblings, a prohibited degree of kinship',
      'prohibited-degree',
    );
  }
}

/** Of full age, or of the court's age with a court's permission. */
export function checkMarriageAge(
  party: Party,
  date: string,
  courtReference: string | undefined,
  law: CivilStatusLaw,
  role: string,
): void {
  const age = yearsBetween(party.dateOfBirth, date);
  if (age >= law.minMarriageAge) return;
  if (age < law.minMarriageAgeWithCourt) {
    throw unprocessable(
      `${cap(role)} would be ${age} at the marriage; the law allows no marriage under ${law.minMarriageAgeWithCourt}`,
      'under-minimum-age',
    );
  }
  if (!courtReference) {
    throw unprocessable(
      `${cap(role)} would be ${age} at the marriage; from ${law.minMarriageAgeWithCourt} to ${law.minMarriageAge - 1} a court's permission is needed (courtReference)`,
      'under-age-without-court',
    );
  }
}

/** When a marriage ends, as far as the registry knows (never: `9999-12-31`). */
const endOf = (s: MarriageState) => s.dissolution?.date ?? '9999-12-31';

/**
 * Two marriages of one person in force at once: allowed only as the law says, on the later
 * marriage's court reference, and never twice between the same two people.
 */
export function checkConcurrentMarriages(
  world: Circle,
  party: Party,
  law: CivilStatusLaw,
  role: string,
  /** The marriage being declared or registered, if any: the one a consent is asked of. */
  judged?: MarriageEvent,
): void {
  const marriages = marriagesOf(party.nin, world.events);
  for (const [i, earlier] of marriages.entries()) {
    for (const later of marriages.slice(i + 1)) {
      if (later.marriage.date >= endOf(earlier)) continue;
      const spouse = (m: MarriageEvent) => m.parties.find((p) => p !== party.nin);
      if (spouse(earlier.marriage) === spouse(later.marriage)) {
        throw conflict(
          `${cap(role)} is already married to the other party (record ${earlier.marriage.id})`,
          'already-married-to-each-other',
        );
      }
      const allowed = law.furtherMarriage[party.sex];
      const permitted = allowed === 'always' || (allowed === 'with-court-reference' && later.marriage.courtReference);
      // The consent is the judged marriage's own (a marriage registered before, under another
      // office's rules, is not judged again by these).
      const consented =
        !law.furtherMarriageNeedsSpouseConsent ||
        later.marriage.id !== judged?.id ||
        later.marriage.consentOfExistingSpouse;
      if (permitted && consented) continue;
      const why =
        allowed === 'never'
          ? 'the law allows no further marriage'
          : permitted
            ? 'the law here asks for the recorded consent of the spouse already married: attach it to this record (?type=spouse-consent) and name it as consentOfExistingSpouse: {documentId}'
            : "a further marriage needs a court's permission (courtReference)";
      throw conflict(
        `${cap(role)} has a marriage in force from ${earlier.marriage.date} (record ${earlier.marriage.id}) when the marriage of ${later.marriage.date} (record ${later.marriage.id}) begins; ${why}`,
        permitted ? 'spouse-consent-required' : 'already-married',
      );
    }
  }
}

/** A marriage's date may not come after a divorce of it. */
export function checkNoDivorceBefore(world: Circle, marriage: MarriageEvent): void {
  for (const e of world.events) {
    if (e.kind === 'divorce' && e.marriageId === marriage.id && e.date < marriage.date) {
      throw conflict(
        `The marriage would be dated ${marriage.date}, after its divorce of ${e.date} (record ${e.id})`,
        'marriage-after-divorce',
      );
    }
  }
}

/** A divorce needs a registered marriage, not annulled, in force on the divorce's date, celebrated before it. */
export function checkDivorceOf(world: Circle, marriageId: string, dateOfDivorce: string): MarriageEvent {
  const marriage = world.events.find((e): e is MarriageEvent => e.kind === 'marriage' && e.id === marriageId);
  if (!marriage)
    throw conflict(`Record ${marriageId} is not a registered marriage in force`, 'marriage-not-registered');
  if (dateOfDivorce < marriage.date) {
    throw unprocessable(
      `The divorce (${dateOfDivorce}) is dated before the marriage (${marriage.date})`,
      'divorce-before-marriage',
    );
  }
  const { dissolution, annulment } = marriageState(marriage, world.events);
  if (annulment) {
    throw conflict(
      `The marriage was annulled by the judgment of ${annulment.date} (record ${annulment.recordId}): void from its start, there is nothing to divorce`,
      'marriage-annulled',
    );
  }
  if (dissolution && dissolution.date <= dateOfDivorce) {
    const how = dissolution.by === 'divorce' ? 'a divorce' : 'the death of a party';
    throw conflict(
      `The marriage was dissolved on ${dissolution.date} by ${how} (record ${dissolution.recordId})`,
      'marriage-dissolved',
    );
  }
  return marriage;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
