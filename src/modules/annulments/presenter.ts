import { certifiedMarriage } from '../civil-status/marriage-ref';
import type { PersonStore } from '../persons/projectors';
import type { Certified, CertifiedPerson } from '../records/contract';
import type { CivilRecord, RecordStore } from '../records/store';
import type { AnnulmentFacts, AnnulmentGround } from './schemas';

/** An annulment's facts as staff and the parties see them, every field listed. */
export function presentAnnulmentFacts(r: CivilRecord<AnnulmentFacts>) {
  const d = r.data;
  return {
    marriageId: d.marriageId,
    parties: d.parties,
    dateOfJudgment: d.dateOfJudgment,
    courtReference: d.courtReference,
    ...(d.ground ? { ground: d.ground } : {}),
  };
}

/** What an annulment certificate certifies. */
export type AnnulmentCertified = {
  parties: readonly CertifiedPerson[];
  marriageRegistrationNumber?: string;
  dateOfJudgment: string;
  courtReference: string;
  ground?: AnnulmentGround;
};

/** What a certificate of an annulment certifies: both parties by name, the judgment, and the marriage it annuls. */
export async function certifyAnnulment(
  deps: { persons: Pick<PersonStore, 'get'>; records: Pick<RecordStore, 'get'> },
  r: CivilRecord<AnnulmentFacts>,
): Promise<Certified<AnnulmentCertified>> {
  const d = r.data;
  return {
    subjects: [...d.parties],
    facts: {
      ...(await certifiedMarriage(deps, d.parties, d.marriageId)),
      dateOfJudgment: d.dateOfJudgment,
      courtReference: d.courtReference,
      ...(d.ground ? { ground: d.ground } : {}),
    },
  };
}
