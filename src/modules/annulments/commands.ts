import type { Filter } from 'mongodb';
import type { CommandContext, EntryDraft } from '../../journal/types';
import type { AnnulmentEvent } from '../civil-status/derive';
import type { CivilKindDeps, CivilStatusDeps } from '../civil-status/registration';
import { loadCircle } from '../civil-status/circle';
import { partiesOfMarriage } from '../civil-status/marriage-ref';
import { newRecordId } from '../records/ids';
import type { CivilRecord } from '../records/store';
import type { AnnulmentEvents } from './events';
import { checkAnnulmentOf, checkNoOtherAnnulment } from './rules';
import type { AnnulmentFacts, DeclareAnnulment } from './schemas';
import { sameMarriageDuplicates } from '../duplicates/marriage-ref';

/** An annulment's facts as a civil-status event: dated by the judgment, void from the marriage's start. */
export const annulmentEvent = (id: string, f: AnnulmentFacts): AnnulmentEvent => ({
  kind: 'annulment',
  id,
  date: f.dateOfJudgment,
  marriageId: f.marriageId,
});

/**
 * Every rule of an annulment against the registry as it is: the marriage registered and not
 * annulled by another annulment, registered or declared before this one; the judgment on or
 * after the marriage and not in the future. The same check for a declaration, its registration
 * and a correction. The annulments of a marriage are among the records naming its first party
 * (declared ones too: `personNins` is set at declaration), a small set read by the `personNins` index.
 */
export async function checkAnnulmentFacts(deps: CivilKindDeps, recordId: string, facts: AnnulmentFacts) {
  const world = await loadCircle(deps, facts.parties);
  const marriage = checkAnnulmentOf(world, annulmentEvent(recordId, facts));
  const ofMarriage = {
    personNins: facts.parties[0],
    kind: 'annulment',
    'data.marriageId': facts.marriageId,
  } as Filter<CivilRecord>;
  const onFile = await deps.records.list(ofMarriage);
  checkNoOtherAnnulment(recordId, onFile);
  return { marriage, world };
}

/** Declares an annulment of a registered marriage: one `annulment.declared` entry, naming both parties. */
export async function declareAnnulment(
  deps: CivilStatusDeps<AnnulmentEvents>,
  ctx: CommandContext & { office: string },
  input: DeclareAnnulment,
) {
  return deps.journal.execute(ctx, async () => {
    const recordId = newRecordId();
    const parties = await partiesOfMarriage(deps, input.marriageId);
    const facts: AnnulmentFacts = { ...input, parties };
    await checkAnnulmentFacts(deps, recordId, facts);
    return {
      type: 'annulment.declared',
      entityIds: [recordId, input.marriageId, ...parties],
      data: {
        recordId,
        office: ctx.office,
        facts,
        personNins: [...parties],
        // Another annulment of the marriage on file is refused above; the rule files this one for those after it.
        ...(await sameMarriageDuplicates(deps, recordId, {
          kind: 'annulment',
          letter: 'N',
          facts,
          dateField: 'dateOfJudgment',
        })),
      },
    };
  });
}

/** The registration entry of a declared annulment, checked again against the registry as it is now. */
export async function decideAnnulmentRegistration(
  deps: CivilKindDeps,
  record: CivilRecord<AnnulmentFacts>,
  registrationNumber: string,
): Promise<EntryDraft<AnnulmentEvents, 'annulment.registered'>> {
  await checkAnnulmentFacts(deps, record._id, record.data);
  const { marriageId, parties } = record.data;
  return {
    type: 'annulment.registered',
    entityIds: [record._id, marriageId, ...parties],
    data: { recordId: record._id, registrationNumber, marriageId, parties },
  };
}
