import type { Filter } from 'mongodb';
import { conflict } from '../../http/problem';
import type { AnnulmentEvent } from '../civil-status/derive';
import type { CivilKindDeps } from '../civil-status/registration';
import { civilEventOf, loadCircle } from '../civil-status/circle';
import { newRecordId } from '../records/ids';
import type { CivilRecord } from '../records/store';
import type { AnnulmentEvents } from './events';
import { checkAnnulmentOf, checkNoOtherAnnulment } from './rules';
import type { AnnulmentFacts, DeclareAnnulment } from './schemas';

/** An annulment's facts as a civil-status event: dated by the judgment, void from the marriage's start. */
export const annulmentEvent = (id: string, f: AnnulmentFacts): AnnulmentEvent => ({
  kind: 'annulment',
  id,
  date: f.dateOfJudgment,
  marriageId: f.marriageId,
});

/** A draft of one of the kind's entries (the journal's `EntryDraft` once the catalogue holds them). */
export interface AnnulmentDraft<K extends keyof AnnulmentEvents> {
  type: K;
  entityIds: string[];
  data: AnnulmentEvents[K];
}

/** The parties of the marriage an annulment names: it must be a registered marriage (not declared, rejected, voided). */
export async function partiesOfMarriage(deps: CivilKindDeps, marriageId: string): Promise<[string, string]> {
  const record = await deps.records.get(marriageId);
  const event = record ? civilEventOf(deps.kinds, record) : undefined;
  if (event?.kind !== 'marriage') {
    const why = record ? `a ${record.kind} record, ${record.status}` : 'no record';
    throw conflict(`Record ${marriageId} is not a registered marriage (${why})`, 'marriage-not-registered');
  }
  return [event.parties[0], event.parties[1]];
}

/**
 * Every rule of an annulment against the registry as it is: the marriage registered and not
 * annulled by another annulment, registered or declared before this one; the judgment on or
 * after the marriage and not in the future. The same check for a declaration, its registration
 * and a correction. The annulments of a marriage are found by `data.marriageId`, a small set.
 */
export async function checkAnnulmentFacts(deps: CivilKindDeps, recordId: string, facts: AnnulmentFacts) {
  const world = await loadCircle(deps, facts.parties);
  const marriage = checkAnnulmentOf(world, annulmentEvent(recordId, facts));
  const byMarriage = { 'data.marriageId': facts.marriageId } as Filter<CivilRecord>;
  // `kind` compared as a string until `annulment` is a RecordKind (the kind is not wired in yet).
  const onFile = (await deps.records.list(byMarriage)).filter((r) => String(r.kind) === 'annulment');
  checkNoOtherAnnulment(recordId, onFile);
  return { marriage, world };
}

/** The declaration entry of an annulment (run it inside `journal.execute`). */
export async function decideAnnulmentDeclaration(
  deps: CivilKindDeps,
  office: string,
  input: DeclareAnnulment,
): Promise<AnnulmentDraft<'annulment.declared'>> {
  const recordId = newRecordId();
  const parties = await partiesOfMarriage(deps, input.marriageId);
  const facts: AnnulmentFacts = { ...input, parties };
  await checkAnnulmentFacts(deps, recordId, facts);
  return {
    type: 'annulment.declared',
    entityIds: [recordId, input.marriageId, ...parties],
    data: { recordId, office, facts, personNins: [...parties] },
  };
}

/** The registration entry of a declared annulment, checked again against the registry as it is now. */
export async function decideAnnulmentRegistration(
  deps: CivilKindDeps,
  record: CivilRecord<AnnulmentFacts>,
  registrationNumber: string,
): Promise<AnnulmentDraft<'annulment.registered'>> {
  await checkAnnulmentFacts(deps, record._id, record.data);
  const { marriageId, parties } = record.data;
  return {
    type: 'annulment.registered',
    entityIds: [record._id, marriageId, ...parties],
    data: { recordId: record._id, registrationNumber, marriageId, parties },
  };
}
