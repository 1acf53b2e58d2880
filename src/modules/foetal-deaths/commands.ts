import { unprocessable } from '../../http/problem';
import type { PersonStore } from '../persons/projectors';
import { checkDeliveryDate, checkGestation, checkMotherAtDelivery } from './rules';
import type { FoetalDeathFacts } from './schemas';

/** The mother's NIN when she is registered: the record's personNins, so it shows in her records. */
export const motherNinOf = (facts: Pick<FoetalDeathFacts, 'mother'>): string | undefined =>
  'nin' in facts.mother ? facts.mother.nin : undefined;

/**
 * Every rule about this foetal death, against the registry now: the plain rules, and a mother
 * given by NIN must be registered (she is then checked as recorded: sex, death, date of birth).
 * A mother given by name is checked by the date of birth declared. Reads, never writes.
 */
export async function checkFoetalDeathFacts(
  deps: { persons: Pick<PersonStore, 'get'> },
  facts: Pick<FoetalDeathFacts, 'mother' | 'dateOfDelivery' | 'gestationWeeks'>,
): Promise<void> {
  checkGestation(facts.gestationWeeks);
  checkDeliveryDate(facts.dateOfDelivery);
  const { mother } = facts;
  if ('nin' in mother) {
    const person = await deps.persons.get(mother.nin);
    if (!person) throw unprocessable(`No person with NIN ${mother.nin} (the mother)`, 'mother-not-found');
    checkMotherAtDelivery(person, facts.dateOfDelivery);
  } else {
    checkMotherAtDelivery({ dateOfBirth: mother.dateOfBirth }, facts.dateOfDelivery);
  }
}
