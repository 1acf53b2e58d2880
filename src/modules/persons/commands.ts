import type { PersonEvents } from './events';
import { Problem, conflict, notFound } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import type { Page } from '../../db/page';
import { must } from '../../lib/must';
import type { Person } from './store';
import { randomNin } from '../common/nin';
import { nameTokens } from './normalise';
import type { LegacyRefStore, NameTokenStore, PersonStore } from './projectors';
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

export interface PersonSearch {
  q?: string;
  dateOfBirth?: string;
  governorate?: string;
  /** A register page, DIRECTORATE/REGISTER/PAGE. */
  familyRegister?: string;
  limit: number;
  after?: string;
}

/**
 * Search by normalised name tokens (all must match) and/or date of birth, in NIN order. With a
 * date of birth, its index narrows to the people born that day; with a name alone, the name
 * tokens' index gives the people who have each token, and their intersection is the answer.
 */
export async function searchPersons(
  deps: { persons: PersonStore; nameTokens: NameTokenStore },
  s: PersonSearch,
): Promise<Page<Person>> {
  const tokens = s.q ? nameTokens(s.q) : [];
  const governorate = s.governorate ? { 'placeOfBirth.governorate': s.governorate } : {};
  // A register page first: its key is an indexed equality (the first of the filter, so the engine
  // pushes it down), and a page holds a family, so the other filters are applied to a handful.
  if (s.familyRegister) {
    return deps.persons.page(
      {
        familyRegisterKey: s.familyRegister,
        ...(tokens.length > 0 ? { searchTokens: { $all: tokens } } : {}),
        ...(s.dateOfBirth ? { dateOfBirth: s.dateOfBirth } : {}),
        ...governorate,
      },
      s,
    );
  }
  if (s.dateOfBirth || tokens.length === 0) {
    return deps.persons.page(
      {
        ...(tokens.length > 0 ? { searchTokens: { $all: tokens } } : {}),
        ...(s.dateOfBirth ? { dateOfBirth: s.dateOfBirth } : {}),
        ...governorate,
      },
      s,
    );
  }
  // The holders of the first token, in NIN order; the other tokens are probed by `_id` (token and
  // NIN) for a chunk of them at a time, until a page is full: one token's list is read, not all.
  const [first, ...others] = tokens;
  const candidates = (await deps.nameTokens.list({ token: first }))
    .map((t) => t.nin)
    .filter((n) => s.after === undefined || n > s.after);
  const items: Person[] = [];
  const CHUNK = 500;
  for (let i = 0; i < candidates.length && items.length <= s.limit; i += CHUNK) {
    let chunk = candidates.slice(i, i + CHUNK);
    for (const token of others) {
      if (chunk.length === 0) break;
      const holding = new Set((await deps.nameTokens.existing(chunk.map((n) => `${token} ${n}`))).map((t) => t.nin));
      chunk = chunk.filter((n) => holding.has(n));
    }
    const found = await deps.persons.existing(chunk);
    items.push(
      ...found
        .filter((p) => !s.governorate || p.placeOfBirth.governorate === s.governorate)
        .sort((a, b) => (a._id < b._id ? -1 : 1)),
    );
  }
  const page = items.slice(0, s.limit);
  const last = page.at(-1);
  return { items: page, last: items.length > s.limit && last ? last._id : null };
}
