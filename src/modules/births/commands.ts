import type { BirthEvents } from './events';
import { unprocessable } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext, EntryDraft } from '../../journal/types';
import type { Person, PersonName } from '../persons/store';
import type { PersonStore, PersonStores } from '../persons/projectors';
import type { RecordKinds } from '../records/contract';
import { unusedNin } from '../persons/commands';
import type { DuplicateKeyStore } from '../duplicates/store';
import { birthDuplicates } from './duplicates';
import { newRecordId } from '../records/ids';
import type { CivilRecord, RecordStore } from '../records/store';

/** What the births handler uses. */
export type BirthDeps = PersonStores & {
  records: RecordStore;
  kinds: RecordKinds;
  journal: Journal<BirthEvents>;
  duplicateKeys: DuplicateKeyStore;
};
import { childPersonName, completeChildName } from './names';
import { checkChildBirthDate, checkFather, checkMother, checkParentsDiffer } from './rules';
import type { BirthChanges, BirthFacts, ChildFacts, DeclareBirth, ParentRef } from './schemas';

interface ResolvedParent {
  person?: Person;
  name: PersonName;
  dateOfBirth: string;
}

async function resolveParent(persons: PersonStore, ref: ParentRef, role: 'mother' | 'father'): Promise<ResolvedParent> {
  if ('nin' in ref) {
    const person = await persons.get(ref.nin);
    if (!person) throw unprocessable(`No person with NIN ${ref.nin} (the ${role})`, `${role}-not-found`);
    return { person, name: person.name, dateOfBirth: person.dateOfBirth };
  }
  return { name: ref.name, dateOfBirth: ref.dateOfBirth };
}

/** The child of a record whose given name is known: a notified birth must be completed first. */
function named(child: BirthFacts['child']): ChildFacts {
  const { givenName } = child;
  if (!givenName)
    throw unprocessable(
      "The child has no given name yet: an officer completes the hospital's notification with a correction first",
      'child-name-missing',
    );
  return { ...child, givenName };
}

/** The mother against the child's birth date, for a hospital's notification (names come later, from the officer). */
export async function checkNotifiedBirth(
  persons: PersonStore,
  child: BirthFacts['child'],
  motherRef: ParentRef,
): Promise<void> {
  checkChildBirthDate(child.dateOfBirth);
  const mother = await resolveParent(persons, motherRef, 'mother');
  checkMother({ ...mother.person, dateOfBirth: mother.dateOfBirth }, child.dateOfBirth);
}

/** Checks the parents against the child's birth date; returns the child with a completed name. */
async function checkBirth(
  persons: PersonStore,
  child: ChildFacts,
  motherRef: ParentRef,
  fatherRef: ParentRef | undefined,
) {
  checkChildBirthDate(child.dateOfBirth);
  const mother = await resolveParent(persons, motherRef, 'mother');
  checkMother({ ...mother.person, dateOfBirth: mother.dateOfBirth }, child.dateOfBirth);
  const father = fatherRef ? await resolveParent(persons, fatherRef, 'father') : undefined;
  if (father) checkFather({ ...father.person, dateOfBirth: father.dateOfBirth }, child.dateOfBirth);
  checkParentsDiffer(mother.person, father?.person);
  return { mother, father, child: completeChildName(child, father?.name, Boolean(father?.person)) };
}

/** Declares a birth: checked, with the child's name completed from a registered father. */
export async function declareBirth(
  deps: Pick<BirthDeps, 'journal' | 'persons' | 'records' | 'duplicateKeys'>,
  ctx: CommandContext & { office: string },
  input: DeclareBirth,
) {
  return deps.journal.execute(ctx, async () => {
    const { mother, father, child } = await checkBirth(deps.persons, input.child, input.mother, input.father);
    const recordId = newRecordId();
    const parentNins = [mother.person?._id, father?.person?._id].filter((n): n is string => Boolean(n));
    const facts: BirthFacts = {
      child,
      mother: input.mother,
      ...(input.father ? { father: input.father } : {}),
      ...(input.informant ? { informant: input.informant } : {}),
      ...(input.courtReference ? { courtReference: input.courtReference } : {}),
    };
    return {
      type: 'birth.declared',
      entityIds: [recordId, ...parentNins],
      data: {
        recordId,
        office: ctx.office,
        facts,
        personNins: parentNins,
        ...(await birthDuplicates(deps, recordId, facts)),
      },
    };
  });
}

/** Decides the registration of a declared birth: checks again and gives the child a NIN. */
export async function decideBirthRegistration(
  persons: PersonStore,
  record: CivilRecord<BirthFacts>,
  registrationNumber: string,
): Promise<EntryDraft<BirthEvents, 'birth.registered'>> {
  const facts = record.data;
  const { mother, father, child } = await checkBirth(persons, named(facts.child), facts.mother, facts.father);
  const childNin = await unusedNin(persons);
  return {
    type: 'birth.registered',
    entityIds: [record._id, childNin, ...record.personNins],
    data: {
      recordId: record._id,
      registrationNumber,
      child: {
        nin: childNin,
        name: childPersonName(child),
        sex: child.sex,
        dateOfBirth: child.dateOfBirth,
        placeOfBirth: child.placeOfBirth,
        ...(mother.person ? { motherNin: mother.person._id } : {}),
        ...(father?.person ? { fatherNin: father.person._id } : {}),
        ...childRegisterEntry(mother, father),
      },
    },
  };
}

/**
 * What the National Card prints of the child's parents, decided with the registration (so the
 * journal holds it): the mother's name and her father's, from her entry or the declaration; the
 * family register page of the father, whom the child joins as Iraqi practice has it. A child
 * without a registered father is entered on the mother's page: the register must hold the child
 * somewhere, and the mother's page is the family the child is registered with (her entry names
 * the child's mother, the one parent the registry knows). Neither parent on a page: none.
 */
function childRegisterEntry(mother: ResolvedParent, father: ResolvedParent | undefined) {
  const page = father?.person ? father.person.familyRegister : mother.person?.familyRegister;
  return {
    motherName: { givenName: mother.name.givenName, fatherName: mother.name.fatherName },
    ...(page ? { familyRegister: page } : {}),
  };
}

/** The birth facts after a correction, checked by the same rules as a declaration. */
export async function checkBirthCorrection(
  persons: PersonStore,
  record: CivilRecord<BirthFacts>,
  changes: BirthChanges,
): Promise<BirthFacts> {
  const facts = record.data;
  const fatherRegistered = facts.father !== undefined && 'nin' in facts.father;
  if (fatherRegistered && (changes.child?.fatherName !== undefined || changes.child?.grandfatherName !== undefined)) {
    throw unprocessable(
      "The child's father and grandfather names come from the registered father; correct his record instead",
      'father-name-derived',
    );
  }
  const checked = await checkBirth(persons, named({ ...facts.child, ...changes.child }), facts.mother, facts.father);
  return {
    ...facts,
    child: checked.child,
    ...(changes.courtReference ? { courtReference: changes.courtReference } : {}),
  };
}
