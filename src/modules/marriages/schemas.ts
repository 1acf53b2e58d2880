import { z } from '../../http/zod';
import type { KindSchemas } from '../records/contract';
import { documentId } from '../records/schemas';
import { courtReference, isoDate, maritalStatus, nin, personName, personRef, place, recordId } from '../common/schemas';

/** A witness of the contract: by NIN when registered, else by name. */
const witness = z.union([z.object({ nin }).strict(), z.object({ name: personName }).strict()]);

const marriageFields = {
  dateOfMarriage: isoDate,
  placeOfMarriage: place,
  /** A court's permission: for a party aged 15 to 17, or a further marriage where the law allows one. */
  courtReference: courtReference.optional(),
  /**
   * The consent of the wife already married, where the law of the office asks for it (the
   * Kurdistan Region): a `spouse-consent` document attached to this marriage's record, named
   * by amending the declared record before it is registered.
   */
  consentOfExistingSpouse: z.object({ documentId }).strict().optional(),
  witnesses: z.array(witness).max(4).optional(),
};

export const declareMarriageBody = z
  .object({ partyA: personRef, partyB: personRef, ...marriageFields })
  .strict()
  .openapi('DeclareMarriage', {
    example: {
      partyA: { nin: '234567890123' },
      partyB: { nin: '123456789012' },
      dateOfMarriage: '2026-02-20',
      placeOfMarriage: { governorate: 'IQ-BG', facility: 'Karkh Personal Status Court' },
      witnesses: [{ nin: '345678901234' }, { nin: '456789012345' }],
    },
  });

/** What a correction of a marriage may change; the parties never (void it and declare again). */
export const marriageChanges = z.object(marriageFields).partial().strict();

export type MarriageFacts = z.infer<typeof declareMarriageBody>;
export type MarriageChanges = z.infer<typeof marriageChanges>;

export const marriageFactsView = {
  partyA: personRef,
  partyB: personRef,
  ...marriageFields,
  /** Each party's marital status just before the marriage, derived when it was registered. */
  previousMaritalStatus: z.object({ partyA: maritalStatus, partyB: maritalStatus }),
  /** Whether a registered marriage is in force, and if not, what dissolved or annulled it. */
  inForce: z.boolean(),
  dissolution: z.object({ by: z.enum(['divorce', 'death']), recordId, date: isoDate, nin: nin.optional() }),
  /** The registered annulment (`date`: its judgment's): the marriage was void from its start. */
  annulment: z.object({ recordId, date: isoDate }),
};

export const marriageSchemas: KindSchemas<MarriageChanges> = {
  facts: declareMarriageBody,
  changes: marriageChanges,
  view: marriageFactsView,
};
