import { conflict, notFound } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import type { Page } from '../../db/page';
import type { Person } from './model';
import { randomNin } from './nin';
import { nameTokens } from './normalise';
import type { LegacyRefStore, PersonStore } from './projection';
import { checkDateOfBirth } from './rules';
import type { EnrolPerson } from './schemas';

export async function findPerson(persons: PersonStore, nin: string): Promise<Person> {
  const person = await persons.get(nin);
  if (!person) throw notFound(`No person with NIN ${nin}`);
  return person;
}

/** A NIN not held by anyone yet. Runs inside a journal command, so no one else takes it meanwhile. */
export async function unusedNin(persons: PersonStore): Promise<string> {
  for (;;) {
    const nin = randomNin();
    if (!(await persons.exists(nin))) return nin;
  }
}

/** Enrols a living person from the legacy register and gives them a NIN. */
export async function enrolPerson(
  deps: { journal: Journal; persons: PersonStore; legacyRefs: LegacyRefStore },
  ctx: CommandContext,
  input: EnrolPerson,
): Promise<Person> {
  const entry = await deps.journal.execute(ctx, async () => {
    checkDateOfBirth(input.dateOfBirth);
    const enrolled = input.legacyReference ? await deps.legacyRefs.get(input.legacyReference) : null;
    if (enrolled) throw conflict(`The legacy reference ${input.legacyReference} was enrolled already (NIN ${enrolled.nin})`, 'legacy-reference-enrolled');
    const nin = await unusedNin(deps.persons);
    return { type: 'person.enrolled', entityIds: [nin], data: { nin, ...input } };
  });
  return findPerson(deps.persons, entry.data.nin);
}

export interface PersonSearch {
  q?: string;
  dateOfBirth?: string;
  governorate?: string;
  limit: number;
  after?: string;
}

/** Search by normalised name tokens (all must match) and/or date of birth, in NIN order. */
export function searchPersons(persons: PersonStore, s: PersonSearch): Promise<Page<Person>> {
  return persons.page(
    {
      ...(s.q ? { searchTokens: { $all: nameTokens(s.q) } } : {}),
      ...(s.dateOfBirth ? { dateOfBirth: s.dateOfBirth } : {}),
      ...(s.governorate ? { 'placeOfBirth.governorate': s.governorate } : {}),
    },
    s,
  );
}
