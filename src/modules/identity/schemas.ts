import { z } from '../../http/zod';
import { ARABIC_NAME_PATTERN, isoDate, LATIN_NAME_PATTERN, nin, sex } from '../common/schemas';
import { asciiDigits } from '../persons/normalise';

/** Arabic-Indic digits are accepted in a NIN and a date, as people type them. */
const digits = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' ? asciiDigits(v) : v), schema);

/** A name part in Arabic script or in Latin letters: each is compared with the registry's name in that script. */
const namePart = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine(
    (v) => ARABIC_NAME_PATTERN.test(v) || LATIN_NAME_PATTERN.test(v),
    'must be a name in Arabic script or Latin letters',
  );

/**
 * What a claim must name besides the NIN. Sex alone does not count: it is a coin toss, and a
 * claim that proves no knowledge of the person would answer `alive` to anyone who tries.
 */
export const KNOWLEDGE_FIELDS = ['givenName', 'fatherName', 'grandfatherName', 'familyName', 'dateOfBirth'] as const;

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
  .strict()
  .openapi({
    description: `A claim about the person a NIN names: at least one of ${KNOWLEDGE_FIELDS.join(', ')} (sex alone does not count)`,
  })
  .superRefine((item, ctx) => {
    if (!KNOWLEDGE_FIELDS.some((f) => item[f] !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: `claim at least one of ${KNOWLEDGE_FIELDS.join(', ')} (besides sex) to check against the NIN`,
      });
    }
  });

export const verificationBody = verificationItem.openapi('IdentityVerification', {
  example: { nin: '123456789012', givenName: 'علي', familyName: 'Al-Musawi', dateOfBirth: '1990-09-17' },
});

export const verificationAnswer = z
  .object({
    match: z.boolean(),
    fields: z.record(z.string(), z.boolean()),
    // Present always (the contract's shape), but answered only for a full match: on a mismatch
    // it would tell a guesser whether the person lives.
    alive: z
      .boolean()
      .nullable()
      .openapi({ description: 'Whether the person is alive; null unless every claimed field matches' }),
  })
  .openapi('IdentityVerificationResult');

/** Items in one batch: within one minute's budget of RATE_LIMIT_IDENTITY_PER_MINUTE (600 by default). */
export const MAX_BATCH = 500;

export const batchBody = z
  .object({ items: z.array(verificationItem).min(1).max(MAX_BATCH) })
  .strict()
  .superRefine(({ items }, ctx) => {
    // One question per person and batch: a batch of guesses about one NIN is what a limit per item must see.
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const earlier = first.get(item.nin);
      if (earlier === undefined) first.set(item.nin, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'nin'],
          message: `the NIN of item ${earlier} again: a batch may ask about a NIN once`,
        });
    });
  })
  .openapi('IdentityVerificationBatch', {
    example: { items: [{ nin: '123456789012', givenName: 'علي', dateOfBirth: '2014-09-17' }] },
  });

export const batchAnswer = z
  .object({ results: z.array(verificationAnswer) })
  .openapi('IdentityVerificationBatchResult');

export type Claimed = z.infer<typeof verificationItem>;
