import type { PersonEvents } from './events';
import { conflict } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import { requireVersion } from '../records/rules';
import { findPerson } from './commands';
import { latinProposalOf } from './presenter';
import type { PersonStore } from './projectors';
import type { Person, PersonName } from './store';

/**
 * An officer confirms the proposed Latin form of a person's name, or corrects it: either way it
 * becomes the name's Latin form (journaled with the proposal shown, so the audit tells which).
 * A name that has a Latin form already is refused: a change of it is a correction of the record.
 */
export async function confirmLatinName(
  deps: { journal: Journal<PersonEvents>; persons: PersonStore },
  ctx: CommandContext & { ifMatch: number },
  nin: string,
  latin: NonNullable<PersonName['latin']>,
): Promise<Person> {
  await deps.journal.execute(ctx, async () => {
    const person = await findPerson(deps.persons, nin);
    requireVersion(person.version, ctx.ifMatch);
    if (person.name.latin)
      throw conflict(
        `The name of ${nin} has a Latin form already (${Object.values(person.name.latin).join(' ')})`,
        'latin-name-exists',
      );
    const proposal = latinProposalOf(person.name);
    return {
      type: 'person.latin-confirmed',
      entityIds: [nin],
      data: { nin, latin, ...(proposal ? { proposal } : {}) },
    };
  });
  return findPerson(deps.persons, nin);
}
