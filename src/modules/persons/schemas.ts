import { z } from '../../http/zod';
import {
  arabicNamePart,
  isoDate,
  latinName,
  maritalStatus,
  nin,
  pageQuery,
  personName,
  place,
  reason,
  sex,
} from '../common/schemas';

/** A reference in the legacy register (book/page/entry and the like). */
export const legacyReference = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9/_-]+$/, 'may hold letters, digits, / _ -');

/** A civil-status directorate's code, as the family register's key writes it: BGD-KARKH. */
const directorate = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'must be a directorate code in capitals, digits and hyphens, like BGD-KARKH')
  .max(32);
const registerNumber = z.coerce.number().int().min(1).max(999_999);

/** A person's entry in the family register: directorate, register (سجل) and page (صحيفة). */
export const familyRegister = z
  .object({ directorate, register: registerNumber, page: registerNumber })
  .strict()
  .openapi('FamilyRegister', { example: { directorate: 'BGD-KARKH', register: 123, page: 45 } });

/** The mother's given name and her father's name, as the National Card prints them. */
export const motherName = z
  .object({ givenName: arabicNamePart, fatherName: arabicNamePart })
  .strict()
  .openapi('MotherName', { example: { givenName: 'فاطمة', fatherName: 'علي' } });

/** A register page as one string, DIRECTORATE/REGISTER/PAGE: the search's parameter and the index's key. */
export const familyRegisterKey = (r: { directorate: string; register: number; page: number }) =>
  `${r.directorate}/${r.register}/${r.page}`;

/** `BGD-KARKH/123/45`: a page of a family register as the search names it (numbers without leading zeros, as the key holds them). */
const familyRegisterParam = z
  .string()
  .trim()
  .regex(
    /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\/[1-9]\d{0,5}\/[1-9]\d{0,5}$/,
    'must be DIRECTORATE/REGISTER/PAGE, like BGD-KARKH/123/45',
  )
  .openapi({ example: 'BGD-KARKH/123/45' });

export const enrolPersonBody = z
  .object({
    name: personName,
    sex,
    dateOfBirth: isoDate,
    placeOfBirth: place,
    legacyReference: legacyReference.optional(),
    familyRegister: familyRegister.optional(),
    /** For a person whose mother is not enrolled: her name as the National Card prints it. */
    motherName: motherName.optional(),
    /** The people the enrolment was answered 409 possible-duplicate with, checked and found to be others. */
    notDuplicateOf: z.array(nin).min(1).max(100).optional(),
    /** Why they are other people; required with notDuplicateOf. */
    reason: reason.optional(),
  })
  .strict()
  .refine((b) => !b.notDuplicateOf || b.reason, {
    message: 'say why the people in notDuplicateOf are others',
    path: ['reason'],
  })
  .openapi('EnrolPerson');

export const ninParams = z.object({ nin }).strict();

export const searchPersonsQuery = z
  .object({
    q: z.string().trim().min(2).max(120).optional(),
    dateOfBirth: isoDate.optional(),
    governorate: z
      .string()
      .regex(/^IQ-[A-Z]{2}$/, 'must be an ISO 3166-2:IQ code such as IQ-BG')
      .optional(),
    /** The people of one page of a family register: DIRECTORATE/REGISTER/PAGE. */
    familyRegister: familyRegisterParam.optional(),
    // A NIN (NIN order: with a date of birth or a register page), or a place in a name's ranked matches.
    ...pageQuery(/^(\d{12}|@\d{1,3})$/),
  })
  .strict()
  .refine((q) => q.q || q.dateOfBirth || q.familyRegister, {
    message: 'give q, dateOfBirth or familyRegister',
    path: ['q'],
  });

export const personView = z
  .object({
    nin,
    name: personName,
    sex,
    dateOfBirth: isoDate,
    placeOfBirth: place,
    status: z.enum(['alive', 'deceased']),
    dateOfDeath: isoDate.optional(),
    maritalStatus,
    motherNin: nin.optional(),
    fatherNin: nin.optional(),
    legacyReference: z.string().optional(),
    familyRegister: familyRegister.optional(),
    motherName: motherName.optional(),
    /** A proposed Latin form of a name that has none (romanized by rule: docs/persons.md), until an officer confirms it. */
    latinProposal: latinName.optional(),
    recordIds: z.array(z.string()),
    version: z.number().int(),
  })
  .openapi('Person');

export const personPage = z
  .object({
    items: z.array(personView),
    nextCursor: z.string().nullable(),
    total: z
      .object({
        count: z.number().int().openapi({ description: 'How many match, at most 500' }),
        capped: z.boolean().openapi({ description: 'More than `count` match ("more than 500"): say more of the name' }),
      })
      .optional()
      .openapi({ description: 'For a name alone: how many people match' }),
  })
  .openapi('PersonPage');

export type EnrolPerson = z.infer<typeof enrolPersonBody>;

/** A member of a family: who they are and how they stand. */
const familyMemberView = z.object({
  nin,
  name: personName,
  sex,
  dateOfBirth: isoDate,
  status: z.enum(['alive', 'deceased']),
  dateOfDeath: isoDate.optional(),
  maritalStatus,
});

export const familyView = z
  .object({
    person: familyMemberView.extend({ familyRegister: familyRegister.optional(), motherName: motherName.optional() }),
    parents: z.array(familyMemberView.extend({ relationship: z.enum(['mother', 'father']) })),
    spouses: z.array(
      familyMemberView.extend({
        marriage: z.object({
          recordId: z.string(),
          inForce: z.boolean().openapi({ description: 'False once a divorce or a death dissolved it' }),
        }),
      }),
    ),
    children: z.array(familyMemberView),
  })
  .openapi('Family');

/** The Latin form of a person's name as an officer confirms or corrects the proposal. */
export const confirmLatinBody = latinName.openapi('ConfirmLatinName', {
  example: { givenName: 'Muhammad', fatherName: 'Ali', grandfatherName: 'Husayn', familyName: 'Al-Tamimi' },
});
