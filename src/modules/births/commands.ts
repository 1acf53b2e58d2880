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
import { birthOrderAmong, checkChildBirthDate, checkFather, checkMother, checkParentsDiffer } from './rules';
import { yearsBetween } from '../common/dates';
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
      ...(input.attendant ? { attendant: input.attendant } : {}),
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

/**
 * The birth's order among the mother's children: those the register names her the mother of (one
 * query on the `motherNin` index, then their records by `_id`), less those whose registered birth
 * was voided (a birth registered twice, the second voided, is one child).
 */
async function birthOrderOf(deps: Pick<BirthDeps, 'persons' | 'records'>, motherNin: string, dateOfBirth: string) {
  const children = await deps.persons.list({ motherNin });
  const records = await deps.records.pickExisting(
    children.flatMap((c) => c.recordIds),
    ['kind', 'status', 'subjectNin'],
  );
  const voided = new Set(records.filter((r) => r.kind === 'birth' && r.status === 'voided').map((r) => r.subjectNin));
  return birthOrderAmong(
    children.filter((c) => !voided.has(c._id)),
    dateOfBirth,
  );
}

/**
 * Decides the registration of a declared birth: checks again, gives the child a NIN, and derives
 * what the vital statistics ask of it from the register (the mother's age, the birth order).
 */
export async function decideBirthRegistration(
  deps: Pick<BirthDeps, 'persons' | 'records'>,
  record: CivilRecord<BirthFacts>,
  registrationNumber: string,
): Promise<EntryDraft<BirthEvents, 'birth.registered'>> {
  const { persons } = deps;
  const facts = record.data;
  const { mother, father, child } = await checkBirth(persons, named(facts.child), facts.mother, facts.father);
  const childNin = await unusedNin(persons);
  return {
    type: 'birth.registered',
    entityIds: [record._id, childNin, ...record.personNins],
    data: {
      recordId: record._id,
      registrationNumber,
      derived: {
        motherAge: yearsBetween(mother.dateOfBirth, child.dateOfBirth),
        ...(mother.person ? { birthOrder: await birthOrderOf(deps, mother.person._id, child.dateOfBirth) } : {}),
      },
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
    ...(changes.attendant ? { attendant: changes.attendant } : {}),
    ...(changes.courtReference ? { courtReference: changes.courtReference } : {}),
  };
}
