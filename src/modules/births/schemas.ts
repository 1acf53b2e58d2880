import { z } from '../../http/zod';
import type { KindSchemas } from '../records/contract';
import {
  arabicNamePart,
  attendant,
  courtReference,
  informantOf,
  informantView,
  isoDate,
  latinNamePart,
  nin,
  personName,
  place,
  PLACE_TYPES,
  sex,
} from '../common/schemas';

const childLatin = z
  .object({
    givenName: latinNamePart,
    fatherName: latinNamePart.optional(),
    grandfatherName: latinNamePart.optional(),
    familyName: latinNamePart.optional(),
  })
  .strict();

export const childFields = {
  givenName: arabicNamePart,
  sex,
  dateOfBirth: isoDate,
  placeOfBirth: place,
  /** The type of place where the child was born (the UN's "type of place of occurrence"). */
  placeOfBirthType: z.enum(PLACE_TYPES).optional(),
  fatherName: arabicNamePart.optional(),
  grandfatherName: arabicNamePart.optional(),
  familyName: arabicNamePart.optional(),
  latin: childLatin.optional(),
  /** Hour and minute of the birth, local time (a hospital's notification gives it). */
  timeOfBirth: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .optional(),
  weightGrams: z.number().int().min(200).max(8000).optional(),
  /** 1 for a single birth, 2 for twins, … */
  plurality: z.number().int().min(1).max(8).optional(),
};

/** A parent: by NIN when registered, else by name and date of birth. */
export const parentRef = z
  .union([z.object({ nin }).strict(), z.object({ name: personName, dateOfBirth: isoDate }).strict()])
  .openapi('ParentReference');

export const informant = informantOf(['mother', 'father', 'relative', 'health-facility', 'other']);

export const declareBirthBody = z
  .object({
    child: z.object(childFields).strict(),
    mother: parentRef,
    father: parentRef.optional(),
    informant: informant.optional(),
    /** Who attended the birth (the UN's "attendant at birth"). */
    attendant: attendant.optional(),
    /** The court's order for a birth declared more than a year after it (a delayed registration). */
    courtReference: courtReference.optional(),
  })
  .strict()
  .openapi('DeclareBirth', {
    example: {
      child: {
        givenName: 'زينب',
        sex: 'female',
        dateOfBirth: '2026-03-14',
        placeOfBirth: { governorate: 'IQ-BG', facility: 'Yarmouk Teaching Hospital' },
        placeOfBirthType: 'hospital',
      },
      mother: { nin: '123456789012' },
      father: { nin: '234567890123' },
      informant: { relationship: 'father' },
      attendant: 'physician',
    },
  });

/** What a correction of a birth may change: the child's facts, and the court order of a delayed registration. */
export const birthChanges = z
  .object({
    child: z.object(childFields).partial().strict().optional(),
    attendant: attendant.optional(),
    courtReference: courtReference.optional(),
  })
  .strict();

export type DeclareBirth = z.infer<typeof declareBirthBody>;
export type ChildFacts = z.infer<typeof declareBirthBody>['child'];
export type ParentRef = z.infer<typeof parentRef>;
export type Informant = z.infer<typeof informant>;
export type BirthChanges = z.infer<typeof birthChanges>;

/**
 * The facts a birth record holds: the declaration, with the child's name completed. A hospital's
 * notification has no given name yet: an officer completes it with a correction before registration.
 */
export interface BirthFacts {
  child: Omit<ChildFacts, 'givenName'> & { givenName?: string };
  mother: ParentRef;
  father?: ParentRef;
  informant?: Informant;
  attendant?: z.infer<typeof attendant>;
  courtReference?: string;
}

/** How a birth's facts appear in a record: the child gets its NIN once registered. */
export const birthFactsView = {
  child: z.object({ ...childFields, givenName: arabicNamePart.optional(), nin: nin.optional() }),
  mother: parentRef,
  father: parentRef.optional(),
  informant: informantView.optional(),
  attendant: attendant.optional(),
  courtReference: courtReference.optional(),
  motherAge: z.number().int().optional().openapi({
    description:
      "The mother's age at the birth in completed years, derived when the birth was registered (from her entry's date of birth, or the one declared)",
  }),
  birthOrder: z.number().int().min(1).optional().openapi({
    description:
      "The birth's order among the mother's live births in the register, this one included (1: her first), derived when it was registered; none when she is not named by NIN",
  }),
};

export const birthSchemas: KindSchemas<BirthChanges> = {
  facts: declareBirthBody,
  changes: birthChanges,
  view: birthFactsView,
};
