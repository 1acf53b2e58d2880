import { notFound } from '../../http/problem';
import type { CommandContext } from '../../journal/types';
import type { Services } from '../../services';
import { pageById } from '../common/pagination';
import type { Person, PersonName, Place } from './model';
import { randomNin } from './nin';
import { nameTokens } from './normalise';
import { checkDateOfBirth } from './rules';

export async function findPerson(services: Services, nin: string): Promise<Person> {
  const person = await services.models.persons.findById(nin).lean<Person>();
  if (!person) throw notFound(`No person with NIN ${nin}`);
  return person;
}

/** A NIN not held by anyone yet. Runs inside a journal command, so no one else takes it meanwhile. */
export async function unusedNin(services: Services): Promise<string> {
  for (;;) {
    const nin = randomNin();
    if (!(await services.models.persons.exists({ _id: nin }))) return nin;
  }
}

export interface EnrolInput {
  name: PersonName;
  sex: 'female' | 'male';
  dateOfBirth: string;
  placeOfBirth: Place;
  legacyReference?: string;
}

/** Enrols a living person from the legacy register and gives them a NIN. */
export async function enrolPerson(services: Services, ctx: CommandContext, input: EnrolInput): Promise<Person> {
  const entry = await services.journal.execute(ctx, async () => {
    checkDateOfBirth(input.dateOfBirth);
    const nin = await unusedNin(services);
    return { type: 'person.enrolled', entityIds: [nin], data: { nin, ...input } };
  });
  return findPerson(services, entry.data.nin as string);
}

export interface PersonSearch {
  q?: string;
  dateOfBirth?: string;
  governorate?: string;
  limit: number;
  cursor?: string;
}

/** Search by normalised name tokens (all must match) and/or date of birth, in NIN order. */
export async function searchPersons(services: Services, s: PersonSearch): Promise<{ items: Person[]; nextCursor: string | null }> {
  const filter: Record<string, unknown> = {};
  if (s.q) filter.searchTokens = { $all: nameTokens(s.q) };
  if (s.dateOfBirth) filter.dateOfBirth = s.dateOfBirth;
  if (s.governorate) filter['placeOfBirth.governorate'] = s.governorate;
  return pageById<Person>(services.models.persons.collection as never, filter, s);
}
