import { unprocessable } from '../../http/problem';
import type { CommandContext, EntryDraft } from '../../journal/types';
import type { Services } from '../../services';
import type { Person, PersonName } from '../persons/model';
import { unusedNin } from '../persons/service';
import type { CivilRecord } from '../records/model';
import { newRecordId, nextRegistrationNumber } from '../records/ids';
import { childPersonName, completeChildName } from './names';
import { checkChildBirthDate, checkFather, checkMother, checkParentsDiffer } from './rules';
import type { ChildFacts, DeclareBirth, ParentRef } from './schemas';

interface ResolvedParent {
  person?: Person;
  name: PersonName;
  dateOfBirth: string;
}

async function resolveParent(services: Services, ref: ParentRef, role: 'mother' | 'father'): Promise<ResolvedParent> {
  if ('nin' in ref) {
    const person = await services.models.persons.findById(ref.nin).lean<Person>();
    if (!person) throw unprocessable(`No person with NIN ${ref.nin} (the ${role})`, `${role}-not-found`);
    return { person, name: person.name, dateOfBirth: person.dateOfBirth };
  }
  return { name: ref.name, dateOfBirth: ref.dateOfBirth };
}

/** Checks the parents against the child's birth date; returns the child with a completed name. */
async function checkBirth(services: Services, child: ChildFacts, motherRef: ParentRef, fatherRef: ParentRef | undefined) {
  checkChildBirthDate(child.dateOfBirth);
  const mother = await resolveParent(services, motherRef, 'mother');
  checkMother({ ...mother.person, dateOfBirth: mother.dateOfBirth }, child.dateOfBirth);
  const father = fatherRef ? await resolveParent(services, fatherRef, 'father') : undefined;
  if (father) checkFather({ ...father.person, dateOfBirth: father.dateOfBirth }, child.dateOfBirth);
  checkParentsDiffer(mother.person, father?.person);
  return { mother, father, child: completeChildName(child, father?.name, Boolean(father?.person)) };
}

export async function declareBirth(services: Services, ctx: CommandContext, input: DeclareBirth) {
  return services.journal.execute(ctx, async () => {
    const { mother, father, child } = await checkBirth(services, input.child, input.mother, input.father);
    const recordId = newRecordId();
    const parentNins = [mother.person?._id, father?.person?._id].filter((n): n is string => Boolean(n));
    return {
      type: 'birth.declared',
      entityIds: [recordId, ...parentNins],
      data: {
        recordId,
        office: ctx.actor.office,
        facts: { child, mother: input.mother, ...(input.father ? { father: input.father } : {}), ...(input.informant ? { informant: input.informant } : {}) },
        personNins: parentNins,
      },
    };
  });
}

/** Decides the registration of a declared birth: checks again, gives the child a NIN and a number. */
export async function decideBirthRegistration(services: Services, record: CivilRecord, registeredOn: Date): Promise<EntryDraft> {
  const facts = record.data as { child: ChildFacts; mother: ParentRef; father?: ParentRef };
  const { mother, father, child } = await checkBirth(services, facts.child, facts.mother, facts.father);
  const childNin = await unusedNin(services);
  const registrationNumber = await nextRegistrationNumber(services.db, record.office, 'birth', registeredOn.getUTCFullYear());
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
      },
    },
  };
}

/** The birth facts after a correction, checked by the same rules as a declaration. */
export async function checkBirthCorrection(services: Services, record: CivilRecord, changes: { child: Partial<ChildFacts> }) {
  const facts = record.data as { child: ChildFacts; mother: ParentRef; father?: ParentRef };
  const fatherRegistered = facts.father !== undefined && 'nin' in facts.father;
  if (fatherRegistered && (changes.child.fatherName !== undefined || changes.child.grandfatherName !== undefined)) {
    throw unprocessable('The child\'s father and grandfather names come from the registered father; correct his record instead', 'father-name-derived');
  }
  const child = { ...facts.child, ...changes.child };
  const checked = await checkBirth(services, child, facts.mother, facts.father);
  return { ...facts, child: checked.child };
}
