import { checkedCorrection, projectRegistration, type CivilStatusDeps } from '../civil-status/registration';
import { registrationCommand } from '../records/commands';
import type { KindContract } from '../records/contract';
import { insertRecord } from '../records/projectors';
import { annulmentEvent, checkAnnulmentFacts, declareAnnulment, decideAnnulmentRegistration } from './commands';
import { ANNULMENT_EVENTS, type AnnulmentEvents } from './events';
import { ANNULMENT_CERTIFICATE } from './labels';
import { certifyAnnulment, presentAnnulmentFacts, type AnnulmentCertified } from './presenter';
import {
  annulmentSchemas,
  declareAnnulmentBody,
  type AnnulmentChanges,
  type AnnulmentFacts,
  type DeclareAnnulment,
} from './schemas';

/**
 * Annulments: the kind contract. Not counted in the vital statistics (they count events of
 * life, and an annulment undoes a registered marriage rather than adding one). Registered, an
 * annulment is linked to both parties: it shows in their records, and their statuses derive
 * again as if the marriage had never been.
 */
export const annulments: KindContract<
  'annulment',
  AnnulmentFacts,
  AnnulmentChanges,
  DeclareAnnulment,
  AnnulmentEvents,
  AnnulmentCertified,
  CivilStatusDeps<AnnulmentEvents>
> = {
  kind: 'annulment',
  letter: 'N',
  schemas: annulmentSchemas,
  events: ANNULMENT_EVENTS,
  feed: ['annulment.registered'],
  declaration: {
    path: '/v1/annulments',
    operationId: 'declareAnnulment',
    permission: 'annulments.declare',
    roles: ['officer', 'registrar', 'national-registrar'],
    tag: 'Annulments',
    summary: "Declare a court's judgment that a registered marriage is void from its start",
    body: declareAnnulmentBody,
  },
  certificate: ANNULMENT_CERTIFICATE,
  // No timeliness: an annulment is a court's judgment (its `courtReference` is required), recorded
  // as the court sends it; no deadline of days applies.
  work: { summary: (f) => ({ subjects: f.parties.map((nin) => ({ nin })), eventDate: f.dateOfJudgment }) },
  handler: (deps) => ({
    declare: (ctx, body) => declareAnnulment(deps, ctx, body),
    register: registrationCommand(deps.journal, (record, number) => decideAnnulmentRegistration(deps, record, number)),
    checkCorrection: checkedCorrection((id, facts) => checkAnnulmentFacts(deps, id, facts)),
    presentFacts: presentAnnulmentFacts,
    certify: (r) => certifyAnnulment(deps, r),
    civilEvent: (r) => annulmentEvent(r._id, r.data),
    registerProjectors() {
      deps.journal.on('annulment.declared', (entry) => insertRecord(deps.records, entry, 'annulment'));
      deps.journal.on('annulment.registered', (entry) =>
        projectRegistration(deps, entry, {
          recordId: entry.data.recordId,
          registrationNumber: entry.data.registrationNumber,
          linkNins: entry.data.parties,
        }),
      );
    },
  }),
};
