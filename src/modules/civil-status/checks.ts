import type { CivilEvent, MarriageEvent } from './derive';
import { spousesOf } from './derive';
import type { CivilStatusLaw } from './law';
import {
  checkAliveOn,
  checkConcurrentMarriages,
  checkDifferentPeople,
  checkDivorceOf,
  checkMarriageAge,
  checkNoChildBornAfterDeath,
  checkNoDivorceBefore,
  checkNoEventsAfterDeath,
  checkNotAlreadyDead,
  checkNotBeforeBirth,
  checkNotCloseKin,
  checkNotInFuture,
  checkSexes,
  requireParty,
  type Circle,
} from './rules';

/**
 * Every rule about one marriage, divorce or death, checked against the registry's events as
 * they would be with it: the same checks for a declaration, its registration and a correction
 * (where the candidate takes the place of the record's registered version).
 */

const without = (world: Circle, id: string): Circle => ({ ...world, events: world.events.filter((e) => e.id !== id) });
const withEvent = (world: Circle, event: CivilEvent): Circle => ({
  ...world,
  events: [...without(world, event.id).events, event],
});

export function checkMarriage(world: Circle, marriage: MarriageEvent, law: CivilStatusLaw, now?: string): void {
  const [a, b] = [
    requireParty(world, marriage.parties[0], 'party A'),
    requireParty(world, marriage.parties[1], 'party B'),
  ];
  checkDifferentPeople(a, b);
  checkSexes(a, b, law);
  checkNotCloseKin(a, b);
  checkNotInFuture(marriage.date, 'date of marriage', now);
  for (const [party, role] of [
    [a, 'party A'],
    [b, 'party B'],
  ] as const) {
    checkNotBeforeBirth(party, marriage.date, 'date of marriage', role);
    checkAliveOn(world, party, marriage.date, 'marriage', role);
    checkMarriageAge(party, marriage.date, marriage.courtReference, law, role);
  }
  const after = withEvent(world, marriage);
  checkNoDivorceBefore(after, marriage);
  checkConcurrentMarriages(after, a, law, 'party A', marriage);
  checkConcurrentMarriages(after, b, law, 'party B', marriage);
}

export function checkDivorce(
  world: Circle,
  divorce: Extract<CivilEvent, { kind: 'divorce' }>,
  law: CivilStatusLaw,
  now?: string,
): MarriageEvent {
  checkNotInFuture(divorce.date, 'date of divorce', now);
  const marriage = checkDivorceOf(without(world, divorce.id), divorce.marriageId, divorce.date);
  // A divorce dated later keeps the marriage in force longer: a party's later marriage must allow it.
  const after = withEvent(world, divorce);
  for (const nin of marriage.parties) {
    const party = world.persons.get(nin);
    if (party) checkConcurrentMarriages(after, party, law, 'a party');
  }
  return marriage;
}

export function checkDeath(
  world: Circle,
  death: Extract<CivilEvent, { kind: 'death' }>,
  law: CivilStatusLaw,
  now?: string,
): void {
  const deceased = requireParty(world, death.nin, 'the deceased');
  const others = without(world, death.id);
  checkNotAlreadyDead(others, death.nin);
  checkNotInFuture(death.date, 'date of death', now);
  checkNotBeforeBirth(deceased, death.date, 'date of death', 'the deceased');
  checkNoEventsAfterDeath(others, death.nin, death.date);
  checkNoChildBornAfterDeath(world, death.nin, death.date);
  // A later death keeps the spouse married longer: a spouse's later marriage must allow it.
  const after = withEvent(world, death);
  for (const nin of spousesOf(death.nin, after.events)) {
    const spouse = world.persons.get(nin);
    if (spouse) checkConcurrentMarriages(after, spouse, law, 'the spouse');
  }
}
