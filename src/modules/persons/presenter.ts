import type { Person } from './store';

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
    recordIds: p.recordIds,
    version: p.version,
  };
}

/** A person as a certificate names them: NIN and name (Arabic, with the Latin form when known). */
export async function namedPerson(persons: { get(nin: string): Promise<Person | null> }, nin: string) {
  const p = await persons.get(nin);
  return p ? { nin, name: p.name } : { nin };
}
