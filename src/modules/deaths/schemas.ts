import { z } from '../../http/zod';
import type { KindSchemas } from '../records/contract';
import {
  courtReference,
  governorate,
  informantOf,
  informantView,
  isoDate,
  nin,
  personRef,
  place,
  sex,
} from '../common/schemas';
import { chapterOf, ICD10_PATTERN } from '../statistics/icd10';

export const causeOfDeath = z
  .object({
    /** The underlying cause, an ICD-10 code (I21.9); its form and chapter are checked, not the WHO list. */
    icd10: z
      .string()
      .trim()
      .toUpperCase()
      .regex(ICD10_PATTERN, 'must be an ICD-10 code such as I21.9')
      .refine((c) => chapterOf(c) !== undefined, 'is in no ICD-10 chapter')
      .openapi({ example: 'I21.9' }),
    text: z.string().trim().min(2).max(300).optional(),
  })
  .strict();

/** The manner of death, as on the WHO international form of the medical certificate of cause of death. */
export const MANNERS_OF_DEATH = [
  'disease',
  'accident',
  'intentional-self-harm',
  'assault',
  'legal-intervention',
  'war',
  'pending-investigation',
  'undetermined',
] as const;

export const certifier = z
  .object({
    type: z.enum(['physician', 'facility', 'coroner']),
    name: z.string().trim().min(2).max(120),
    licenceNumber: z.string().trim().min(1).max(40).optional(),
  })
  .strict();

const informant = informantOf(['spouse', 'child', 'parent', 'sibling', 'relative', 'health-facility', 'other']);

/** Where the deceased usually lived (the UN's "place of usual residence"): the governorate. */
export const usualResidence = z
  .object({ governorate })
  .strict()
  .openapi({ example: { governorate: 'IQ-BA' } });

const deathFields = {
  dateOfDeath: isoDate,
  /** Hour and minute, local time (a hospital's notification gives it). */
  timeOfDeath: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .optional(),
  placeOfDeath: place,
  usualResidence: usualResidence.optional(),
  causeOfDeath,
  mannerOfDeath: z.enum(MANNERS_OF_DEATH).optional(),
  certifier: certifier.optional(),
  informant: informant.optional(),
  /** The court's order for a death declared more than a year after it (a delayed registration). */
  courtReference: courtReference.optional(),
};

export const declareDeathBody = z
  .object({ deceased: personRef, ...deathFields })
  .strict()
  .openapi('DeclareDeath', {
    example: {
      deceased: { nin: '123456789012' },
      dateOfDeath: '2026-05-02',
      placeOfDeath: { governorate: 'IQ-BA', facility: 'Basra Teaching Hospital' },
      usualResidence: { governorate: 'IQ-BA' },
      causeOfDeath: { icd10: 'I21.9', text: 'Acute myocardial infarction' },
      mannerOfDeath: 'disease',
      certifier: { type: 'physician', name: 'Dr. Huda Salim', licenceNumber: 'IMS-55120' },
      informant: { relationship: 'child', nin: '234567890123' },
    },
  });

/** What a correction of a death may change; never who died (void it and declare again). */
export const deathChanges = z.object(deathFields).partial().strict();

export type DeathFacts = z.infer<typeof declareDeathBody>;
export type DeathChanges = z.infer<typeof deathChanges>;

/**
 * A death as records show it: the facts, and what its registration derived of the deceased (sex
 * and age at death, from their entry), and whether a physician certified it (from the certifier).
 */
export const deathFactsView = {
  deceased: z
    .object({
      nin,
      sex: sex.optional(),
      ageAtDeath: z.number().int().min(0).optional().openapi({
        description: "Age at death in completed years, derived from the deceased's entry when the death was registered",
      }),
    })
    .strict(),
  ...deathFields,
  informant: informantView.optional(),
  certifiedByPhysician: z.boolean().optional().openapi({
    description: "Whether a physician certified the death (the certifier's type); none without a certifier",
  }),
};

export const deathSchemas: KindSchemas<DeathChanges> = {
  facts: declareDeathBody,
  changes: deathChanges,
  view: deathFactsView,
};
