import { conflict } from '../../http/problem';
import { namedPerson } from '../persons/presenter';
import type { PersonStore } from '../persons/projectors';
import type { CertifiedPerson, RecordKinds } from '../records/contract';
import type { RecordStore } from '../records/store';
import { civilEventOf } from './circle';

/**
 * What a record that names a marriage (a divorce, an annulment) reads of it: its parties, when it
 * is a registered marriage, and what a certificate says of it.
 */

/** The parties of the marriage a record names: it must be a registered marriage (not declared, rejected, voided). */
export async function partiesOfMarriage(
  deps: { records: RecordStore; kinds: RecordKinds },
  marriageId: string,
): Promise<[string, string]> {
  const record = await deps.records.get(marriageId);
  const event = record ? civilEventOf(deps.kinds, record) : undefined;
  if (event?.kind !== 'marriage') {
    const why = record ? `a ${record.kind} record, ${record.status}` : 'no record';
    throw conflict(`Record ${marriageId} is not a registered marriage (${why})`, 'marriage-not-registered');
  }
  return [event.parties[0], event.parties[1]];
}

/** A certificate's words for the marriage a record names: both parties by name, and the marriage's number. */
export async function certifiedMarriage(
  deps: { persons: Pick<PersonStore, 'get'>; records: Pick<RecordStore, 'get'> },
  parties: readonly [string, string],
  marriageId: string,
): Promise<{ parties: CertifiedPerson[]; marriageRegistrationNumber?: string }> {
  const marriage = await deps.records.get(marriageId);
  return {
    parties: [await namedPerson(deps.persons, parties[0]), await namedPerson(deps.persons, parties[1])],
    ...(marriage?.registrationNumber ? { marriageRegistrationNumber: marriage.registrationNumber } : {}),
  };
}
