import { z } from '../../http/zod';
import { attendant, courtReference, isoDate, nin, personName, place, sex } from '../common/schemas';
import { chapterOf, ICD10_PATTERN } from '../statistics/icd10';
import type { KindSchemas } from '../records/contract';

/**
 * The mother: by NIN when registered, else by name and date of birth. The same shape as births'
 * ParentReference, built here from common pieces because a kind imports no other kind.
 */
export const motherRef = z.union([
  z.object({ nin }).strict(),
  z.object({ name: personName, dateOfBirth: isoDate }).strict(),
]);

/** The cause of the foetal death as the attending physician certifies it, an ICD-10 code (P95, P20.9, …). */
export const foetalCauseOfDeath = z
  .object({
    icd10: z
      .string()
      .trim()
      .toUpperCase()
      .regex(ICD10_PATTERN, 'must be an ICD-10 code such as P95')
      .refine((c) => chapterOf(c) !== undefined, 'is in no ICD-10 chapter')
      .openapi({ example: 'P95' }),
    text: z.string().trim().min(2).max(300).optional(),
  })
  .strict();

const foetalDeathFields = {
  dateOfDelivery: isoDate,
  placeOfDelivery: place,
  sex: sex.optional(),
  weightGrams: z.number().int().min(200).max(8000).optional(),
  /**
   * Completed weeks of gestation. Under 22 is refused by the rules (422 `gestation-too-short`),
   * not here, so the schema only says what a duration of pregnancy can be at all.
   */
  gestationWeeks: z.number().int().min(1).max(45),
  causeOfDeath: foetalCauseOfDeath.optional(),
  attendant: attendant.optional(),
  /** The court's order for a stillbirth declared more than a year after it (a delayed registration). */
  courtReference: courtReference.optional(),
};

export const declareFoetalDeathBody = z
  .object({ mother: motherRef, ...foetalDeathFields })
  .strict()
  .openapi('DeclareFoetalDeath', {
    example: {
      mother: { nin: '123456789012' },
      dateOfDelivery: '2026-04-18',
      placeOfDelivery: { governorate: 'IQ-NA', facility: 'Al-Zahraa Teaching Hospital for Maternity and Children' },
      sex: 'male',
      weightGrams: 1450,
      gestationWeeks: 31,
      causeOfDeath: { icd10: 'P20.9', text: 'Intrauterine hypoxia, unspecified' },
      attendant: 'physician',
    },
  });

/**
 * What a correction of a foetal death may change; never the mother. She is whom the record is
 * about: her NIN puts it in her record list and makes her the subject of its certificate, so a
 * changed mother would move the record, and certificates already issued, to another woman.
 * A wrong mother is voided and declared again, as a death's deceased is.
 */
export const foetalDeathChanges = z.object(foetalDeathFields).partial().strict();

export type FoetalDeathFacts = z.infer<typeof declareFoetalDeathBody>;
export type FoetalDeathChanges = z.infer<typeof foetalDeathChanges>;
export type MotherRef = z.infer<typeof motherRef>;

/** The fields a foetal death adds to a record as presented: its facts, as declared and corrected. */
export const foetalDeathFactsView: Record<string, z.ZodType> = { mother: motherRef, ...foetalDeathFields };

export const foetalDeathSchemas: KindSchemas<FoetalDeathChanges> = {
  facts: declareFoetalDeathBody,
  changes: foetalDeathChanges,
  view: foetalDeathFactsView,
};
