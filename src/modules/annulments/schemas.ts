import { z } from '../../http/zod';
import type { KindSchemas } from '../records/contract';
import { courtReference, isoDate, nin, recordId } from '../common/schemas';

/**
 * Why a court held a marriage void (باطل) or voidable (فاسد) under the Personal Status Law
 * No. 188 of 1959. The law names the conditions, not a list of grounds (art. 6: a contract that
 * lacks a condition of its formation or validity is not formed; art. 1(2) refers the rest to the
 * Sharia), so these values follow its articles and need review by the registry's legal office:
 * - `defect-of-contract`: a condition of art. 6 missing (one session of offer and acceptance,
 *   each hearing the other, acceptance matching the offer, two competent witnesses, no condition
 *   or unreal event attached);
 * - `incapacity`: a party without the capacity of art. 7 (sanity);
 * - `coercion`: a marriage by force, void when not consummated (art. 9(1));
 * - `prohibited-degree`: a permanent prohibition of kinship, affinity or fosterage (arts. 13-16);
 * - `temporary-impediment`: a temporary prohibition of art. 13 (as amended by Law No. 11 of 1963):
 *   a woman married to another or in her waiting period (idda), a third divorce, more than four wives;
 * - `religion`: a Muslim woman married to a non-Muslim (art. 17).
 */
export const ANNULMENT_GROUNDS = [
  'defect-of-contract',
  'incapacity',
  'coercion',
  'prohibited-degree',
  'temporary-impediment',
  'religion',
  'other',
] as const;
export type AnnulmentGround = (typeof ANNULMENT_GROUNDS)[number];

const annulmentFields = {
  /** The day of the court's judgment (the marriage is void from its start whatever this date). */
  dateOfJudgment: isoDate,
  courtReference,
  ground: z.enum(ANNULMENT_GROUNDS).optional(),
};

export const declareAnnulmentBody = z
  .object({ marriageId: recordId, ...annulmentFields })
  .strict()
  .openapi('DeclareAnnulment', {
    example: {
      marriageId: 'r_3q2Zk8mW1xYbN4fT7vLh9A',
      dateOfJudgment: '2026-09-01',
      courtReference: 'BGD-PS-2026/5120',
      ground: 'prohibited-degree',
    },
  });

/** What a correction of an annulment may change; never the marriage (void it and declare again). */
export const annulmentChanges = z.object(annulmentFields).partial().strict();

export type DeclareAnnulment = z.infer<typeof declareAnnulmentBody>;
export type AnnulmentChanges = z.infer<typeof annulmentChanges>;
/** An annulment's facts: the declaration, and the parties of the marriage it annuls. */
export type AnnulmentFacts = DeclareAnnulment & { parties: [string, string] };

export const annulmentFactsView = {
  marriageId: recordId,
  ...annulmentFields,
  parties: z.array(nin).length(2),
};

export const annulmentSchemas: KindSchemas<AnnulmentChanges> = {
  facts: declareAnnulmentBody,
  changes: annulmentChanges,
  view: annulmentFactsView,
};
