import type { MarriageEvents } from './events';
import type { CommandContext, EntryDraft } from '../../journal/types';
import { checkMarriage } from '../civil-status/checks';
import { maritalStatusBefore, type MarriageEvent } from '../civil-status/derive';
import { lawIn } from '../civil-status/law';
import { unprocessable } from '../../http/problem';
import { officeGovernorate } from '../offices/commands';
import type { OfficeStore } from '../offices/commands';
import type { CivilKindDeps, CivilStatusDeps } from '../civil-status/registration';
import { loadCircle } from '../civil-status/circle';
import { newRecordId } from '../records/ids';
import type { CivilRecord, RecordStore } from '../records/store';
import type { MarriageFacts } from './schemas';
import { marriageDuplicates } from './duplicates';

/** A marriage's facts as a civil-status event. */
export const marriageEvent = (id: string, f: MarriageFacts): MarriageEvent => ({
  kind: 'marriage',
  id,
  date: f.dateOfMarriage,
  parties: [f.partyA.nin, f.partyB.nin],
  ...(f.courtReference ? { courtReference: f.courtReference } : {}),
  ...(f.consentOfExistingSpouse ? { consentOfExistingSpouse: f.consentOfExistingSpouse } : {}),
});

/** What judging a marriage uses: the office it belongs to decides which rules apply. */
export type MarriageCheckDeps = CivilKindDeps & { offices: OfficeStore };

/**
 * Checks a marriage under the rules of the office that declares and registers it (the Kurdistan
 * Region's where the office is there, civil-status/law.ts). The consent of the spouse already
 * married, where those rules ask for it, is a document attached to this marriage's own record, so
 * it is asked for when the marriage is registered, not when it is declared (there is no record to
 * attach it to before): the officer attaches it and names it in the declared record.
 */
export async function checkMarriageFacts(
  deps: MarriageCheckDeps,
  id: string,
  facts: MarriageFacts,
  office: string,
  stage: 'declaration' | 'registration',
) {
  const event = marriageEvent(id, facts);
  const world = await loadCircle(deps, event.parties);
  const law = lawIn(deps.law, await officeGovernorate(deps.offices, office));
  checkMarriage(world, event, stage === 'declaration' ? { ...law, furtherMarriageNeedsSpouseConsent: false } : law);
  if (event.consentOfExistingSpouse) await requireConsentDocument(deps.records, id, event.consentOfExistingSpouse);
  return { event, world };
}

/** The consent names a `spouse-consent` document attached to this marriage's record. */
async function requireConsentDocument(
  records: Pick<RecordStore, 'get'>,
  recordId: string,
  consent: { documentId: string },
): Promise<void> {
  const record = await records.get(recordId);
  if (record?.documents?.some((d) => d.id === consent.documentId && d.type === 'spouse-consent')) return;
  throw unprocessable(
    record
      ? `${consent.documentId} is not a spouse-consent document of this marriage: attach the consent with POST /v1/records/${recordId}/documents?type=spouse-consent and name the id it gets`
      : "The consent is a document of the marriage's record: declare the marriage without it, attach the consent to the record (?type=spouse-consent), then name it in the record (a correction of the declared record)",
    'consent-document-not-found',
  );
}

export async function declareMarriage(
  deps: CivilStatusDeps<MarriageEvents> & MarriageCheckDeps,
  ctx: CommandContext & { office: string },
  input: MarriageFacts,
) {
  return deps.journal.execute(ctx, async () => {
    const recordId = newRecordId();
    const { event } = await checkMarriageFacts(deps, recordId, input, ctx.office, 'declaration');
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
  deps: MarriageCheckDeps,
  record: CivilRecord<MarriageFacts>,
  registrationNumber: string,
): Promise<EntryDraft<MarriageEvents, 'marriage.registered'>> {
  const { event, world } = await checkMarriageFacts(deps, record._id, record.data, record.office, 'registration');
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
