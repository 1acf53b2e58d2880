import type { PersonEvents } from './events';
import { Problem, conflict, notFound } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import { must } from '../../lib/must';
import type { Person } from './store';
import { randomNin } from '../common/nin';
import type { LegacyRefStore, PersonStore } from './projectors';
import { personKey } from '../duplicates/keys';
import type { PersonKeyStore } from '../duplicates/store';
import { checkDateOfBirth } from './rules';
import type { EnrolPerson } from './schemas';

export async function findPerson(persons: PersonStore, nin: string): Promise<Person> {
  const person = await persons.get(nin);
  if (!person) throw notFound(`No person with NIN ${nin}`);
  return person;
}

/**
 * `count` NINs held by nobody yet: random, checked against the persons in one lookup a round.
 * Runs inside a journal command, so no one else takes them meanwhile.
 */
export async function unusedNins(persons: PersonStore, count: number): Promise<string[]> {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const candidates = [...new Set(Array.from({ length: count - chosen.size }, () => randomNin()))].filter(
      (n) => !chosen.has(n),
    );
    const taken = new Set((await persons.existing(candidates)).map((p) => p._id));
    for (const n of candidates) if (!taken.has(n)) chosen.add(n);
  }
  return [...chosen];
}

export async function unusedNin(persons: PersonStore): Promise<string> {
  const [nin] = await unusedNins(persons, 1);
  return must(nin, 'unused NIN');
}

/** Enrols a living person from the legacy register and gives them a NIN. */
export async function enrolPerson(
  deps: {
    journal: Journal<PersonEvents>;
    persons: PersonStore;
    legacyRefs: LegacyRefStore;
    personKeys: PersonKeyStore;
  },
  ctx: CommandContext,
  input: EnrolPerson,
): Promise<Person> {
  const entry = await deps.journal.execute(ctx, async () => {
    checkDateOfBirth(input.dateOfBirth);
    const enrolled = input.legacyReference ? await deps.legacyRefs.get(input.legacyReference) : null;
    if (enrolled)
      throw conflict(
        `The legacy reference ${input.legacyReference} was enrolled already (NIN ${enrolled.nin})`,
        'legacy-reference-enrolled',
      );
    await checkNotEnrolled(deps.personKeys, input);
    const nin = await unusedNin(deps.persons);
    const { reason, ...person } = input;
    return { type: 'person.enrolled', entityIds: [nin], data: { nin, ...person }, ...(reason ? { reason } : {}) };
  });
  return findPerson(deps.persons, entry.data.nin);
}

/**
 * The enrolment's duplicate rule: someone with the same folded full name, sex and date of birth
 * is enrolled already. 409 with their NINs, unless the request names each of them in
 * `notDuplicateOf` (a registrar checked them and found other people).
 */
async function checkNotEnrolled(personKeys: PersonKeyStore, input: EnrolPerson): Promise<void> {
  const candidates = (await personKeys.get(personKey(input)))?.nins ?? [];
  const cleared = new Set(input.notDuplicateOf ?? []);
  if (candidates.length > 0 && !candidates.every((n) => cleared.has(n)))
    throw new Problem(
      409,
      'Conflict',
      `Someone with the same name, sex and date of birth is enrolled already (${candidates.join(', ')}): read them, and if they are other people, enrol again with notDuplicateOf naming them and a reason`,
      { code: 'possible-duplicate', candidates },
    );
}
