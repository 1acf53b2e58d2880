import type { MarriageEvents } from './events';
import type { CommandContext, EntryDraft } from '../../journal/types';
import { checkMarriage } from '../civil-status/checks';
import { maritalStatusBefore, type MarriageEvent } from '../civil-status/derive';
import type { CivilKindDeps, CivilStatusDeps } from '../civil-status/registration';
import { loadCircle } from '../civil-status/circle';
import { newRecordId } from '../records/ids';
import type { CivilRecord } from '../records/store';
import type { MarriageFacts } from './schemas';
import { marriageDuplicates } from './duplicates';

/** A marriage's facts as a civil-status event. */
export const marriageEvent = (id: string, f: MarriageFacts): MarriageEvent => ({
  kind: 'marriage',
  id,
  date: f.dateOfMarriage,
  parties: [f.partyA.nin, f.partyB.nin],
  ...(f.courtReference ? { courtReference: f.courtReference } : {}),
});

export async function checkMarriageFacts(deps: CivilKindDeps, id: string, facts: MarriageFacts) {
  const event = marriageEvent(id, facts);
  const world = await loadCircle(deps, event.parties);
  checkMarriage(world, event, deps.law);
  return { event, world };
}

export async function declareMarriage(
  deps: CivilStatusDeps<MarriageEvents>,
  ctx: CommandContext & { office: string },
  input: MarriageFacts,
) {
  return deps.journal.execute(ctx, async () => {
    const recordId = newRecordId();
    const { event } = await checkMarriageFacts(deps, recordId, input);
    return {
      type: 'marriage.declared',
      entityIds: [recordId, ...event.parties],
      data: {
        recordId,
        office: ctx.office,
        facts: input,
        personNins: [...event.parties],
        ...(await marriageDuplicates(deps, recordId, input)),
      },
    };
  });
}

/** Checks the marriage again against the registry as it is now, and notes each party's previous marital status. */
export async function decideMarriageRegistration(
  deps: CivilKindDeps,
  record: CivilRecord<MarriageFacts>,
  registrationNumber: string,
): Promise<EntryDraft<MarriageEvents, 'marriage.registered'>> {
  const { event, world } = await checkMarriageFacts(deps, record._id, record.data);
  const [a, b] = event.parties;
  return {
    type: 'marriage.registered',
    entityIds: [record._id, a, b],
    data: {
      recordId: record._id,
      registrationNumber,
      parties: [a, b],
      previousMaritalStatus: {
        partyA: maritalStatusBefore(a, world.events, event.date),
        partyB: maritalStatusBefore(b, world.events, event.date),
      },
    },
  };
}
