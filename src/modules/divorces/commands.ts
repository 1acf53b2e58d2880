import type { DivorceEvents } from './events';
import { unprocessable } from '../../http/problem';
import type { CommandContext, EntryDraft } from '../../journal/types';
import { checkDivorce } from '../civil-status/checks';
import type { CivilEvent } from '../civil-status/derive';
import type { CivilKindDeps, CivilStatusDeps } from '../civil-status/registration';
import { loadCircle } from '../civil-status/circle';
import { partiesOfMarriage } from '../civil-status/marriage-ref';
import { officeGovernorate, type OfficeStore } from '../offices/commands';
import { newRecordId } from '../records/ids';
import type { CivilRecord } from '../records/store';
import type { DeclareDivorce, DivorceFacts } from './schemas';
import { sameMarriageDuplicates } from '../duplicates/marriage-ref';

export const divorceEvent = (id: string, f: DivorceFacts): CivilEvent => ({
  kind: 'divorce',
  id,
  date: f.dateOfDivorce,
  marriageId: f.marriageId,
});

export async function checkDivorceFacts(deps: CivilKindDeps, id: string, facts: DivorceFacts) {
  const world = await loadCircle(deps, facts.parties);
  checkDivorce(world, { kind: 'divorce', id, date: facts.dateOfDivorce, marriageId: facts.marriageId }, deps.law);
}

/** The declaring office's governorate, where the court is taken to sit when the declaration does not say. */
async function officePlace(offices: OfficeStore, office: string) {
  const governorate = await officeGovernorate(offices, office);
  if (!governorate)
    throw unprocessable(`Office ${office} has no governorate on file; give placeOfDivorce`, 'place-required');
  return { governorate };
}

export async function declareDivorce(
  deps: CivilStatusDeps<DivorceEvents> & { offices: OfficeStore },
  ctx: CommandContext & { office: string },
  input: DeclareDivorce,
) {
  return deps.journal.execute(ctx, async () => {
    const recordId = newRecordId();
    const parties = await partiesOfMarriage(deps, input.marriageId);
    const placeOfDivorce = input.placeOfDivorce ?? (await officePlace(deps.offices, ctx.office));
    const facts: DivorceFacts = { ...input, placeOfDivorce, parties };
    await checkDivorceFacts(deps, recordId, facts);
    return {
      type: 'divorce.declared',
      entityIds: [recordId, input.marriageId, ...parties],
      data: {
        recordId,
        office: ctx.office,
        facts,
        personNins: [...parties],
        ...(await sameMarriageDuplicates(deps, recordId, {
          kind: 'divorce',
          letter: 'D',
          facts,
          dateField: 'dateOfDivorce',
        })),
      },
    };
  });
}

export async function decideDivorceRegistration(
  deps: CivilKindDeps,
  record: CivilRecord<DivorceFacts>,
  registrationNumber: string,
): Promise<EntryDraft<DivorceEvents, 'divorce.registered'>> {
  await checkDivorceFacts(deps, record._id, record.data);
  const { marriageId, parties } = record.data;
  return {
    type: 'divorce.registered',
    entityIds: [record._id, marriageId, ...parties],
    data: { recordId: record._id, registrationNumber, marriageId, parties },
  };
}
