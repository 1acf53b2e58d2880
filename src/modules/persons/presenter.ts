import type { Person, PersonName } from './store';
import { proposeLatinName } from './romanize';

/** A Latin form for a name without one, romanized by rule (romanize.ts); none when a part romanizes to nothing. */
export function latinProposalOf(name: PersonName) {
  if (name.latin) return undefined;
  const proposal = proposeLatinName(name);
  return Object.values(proposal).every((part) => part.length > 0) ? proposal : undefined;
}

/** A person as officers, registrars and auditors see it. Lists each field that may leave. */
export function presentPerson(p: Person) {
  return {
    nin: p._id,
    name: p.name,
    sex: p.sex,
    dateOfBirth: p.dateOfBirth,
    placeOfBirth: p.placeOfBirth,
    status: p.status,
    ...(p.dateOfDeath ? { dateOfDeath: p.dateOfDeath } : {}),
    maritalStatus: p.maritalStatus,
    ...(p.motherNin ? { motherNin: p.motherNin } : {}),
    ...(p.fatherNin ? { fatherNin: p.fatherNin } : {}),
    ...(p.legacyReference ? { legacyReference: p.legacyReference } : {}),
    ...(p.familyRegister ? { familyRegister: p.familyRegister } : {}),
    ...(p.motherName ? { motherName: p.motherName } : {}),
    ...optional('latinProposal', latinProposalOf(p.name)),
    recordIds: p.recordIds,
    version: p.version,
  };
}

/** A person as a certificate names them: NIN and name (Arabic, with the Latin form when known). */
export async function namedPerson(persons: { get(nin: string): Promise<Person | null> }, nin: string) {
  const p = await persons.get(nin);
  return p ? { nin, name: p.name } : { nin };
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
