import { z } from '../../http/zod';
import type { KindSchemas } from '../records/contract';
import { courtReference, isoDate, nin, place, recordId } from '../common/schemas';

/**
 * The ways a marriage ends by divorce under the Personal Status Law: repudiation by the husband
 * (talaq, art. 34-39), separation at the wife's request for compensation (khula, art. 46),
 * separation by a court's judgment (tafriq, art. 40-45), and by mutual consent.
 */
export const DIVORCE_TYPES = ['talaq', 'khula', 'judicial-separation', 'mutual-consent'] as const;
export type DivorceType = (typeof DIVORCE_TYPES)[number];

const divorceFields = {
  dateOfDivorce: isoDate,
  courtReference,
  divorceType: z.enum(DIVORCE_TYPES).optional(),
  /** Where the court sits; the declaring office's governorate when not given. */
  placeOfDivorce: place.optional(),
};

export const declareDivorceBody = z
  .object({ marriageId: recordId, ...divorceFields })
  .strict()
  .openapi('DeclareDivorce', {
    example: {
      marriageId: 'r_3q2Zk8mW1xYbN4fT7vLh9A',
      dateOfDivorce: '2026-09-01',
      courtReference: 'BGD-PS-2026/4410',
      divorceType: 'judicial-separation',
    },
  });

/** What a correction of a divorce may change; never the marriage (void it and declare again). */
export const divorceChanges = z.object(divorceFields).partial().strict();

export type DeclareDivorce = z.infer<typeof declareDivorceBody>;
export type DivorceChanges = z.infer<typeof divorceChanges>;
/** A divorce's facts: the declaration with the place completed, and the parties of the marriage. */
export type DivorceFacts = DeclareDivorce & { placeOfDivorce: z.infer<typeof place>; parties: [string, string] };

export const divorceFactsView = {
  marriageId: recordId,
  ...divorceFields,
  parties: z.array(nin).length(2),
};

export const divorceSchemas: KindSchemas<DivorceChanges> = {
  facts: declareDivorceBody,
  changes: divorceChanges,
  view: divorceFactsView,
};
