import { z } from '../../http/zod';
import { ARABIC_NAME_PATTERN, isoDate, LATIN_NAME_PATTERN, nin, sex } from '../common/schemas';
import { asciiDigits } from '../persons/normalise';

/** Arabic-Indic digits are accepted in a NIN and a date, as people type them. */
const digits = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' ? asciiDigits(v) : v), schema);

/** A name part in Arabic script or in Latin letters: each is compared with the registry's name in that script. */
const namePart = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((v) => ARABIC_NAME_PATTERN.test(v) || LATIN_NAME_PATTERN.test(v), 'must be a name in Arabic script or Latin letters');

export const verificationItem = z
  .object({
    nin: digits(nin),
    givenName: namePart.optional(),
    fatherName: namePart.optional(),
    grandfatherName: namePart.optional(),
    familyName: namePart.optional(),
    dateOfBirth: digits(isoDate).optional(),
    sex: sex.optional(),
  })
  .strict();

export const verificationBody = verificationItem.openapi('IdentityVerification', {
  example: { nin: '123456789012', givenName: 'علي', familyName: 'Al-Musawi', dateOfBirth: '1990-09-17' },
});

export const verificationAnswer = z
  .object({
    match: z.boolean(),
    fields: z.record(z.string(), z.boolean()),
    alive: z.boolean(),
  })
  .openapi('IdentityVerificationResult');

export const MAX_BATCH = 1000;

export const batchBody = z
  .object({ items: z.array(verificationItem).min(1).max(MAX_BATCH) })
  .strict()
  .openapi('IdentityVerificationBatch', { example: { items: [{ nin: '123456789012', givenName: 'علي', dateOfBirth: '2014-09-17' }] } });

export const batchAnswer = z.object({ results: z.array(verificationAnswer) }).openapi('IdentityVerificationBatchResult');

export type Claimed = z.infer<typeof verificationItem>;
