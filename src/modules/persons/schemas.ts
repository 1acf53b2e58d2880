import { z } from '../../http/zod';
import { isoDate, maritalStatus, nin, pageQuery, personName, place, reason, sex } from '../common/schemas';

/** A reference in the legacy register (book/page/entry and the like). */
export const legacyReference = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9/_-]+$/, 'may hold letters, digits, / _ -');

export const enrolPersonBody = z
  .object({
    name: personName,
    sex,
    dateOfBirth: isoDate,
    placeOfBirth: place,
    legacyReference: legacyReference.optional(),
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
    ...pageQuery(/^\d{12}$/),
  })
  .strict()
  .refine((q) => q.q || q.dateOfBirth, { message: 'give q or dateOfBirth', path: ['q'] });

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
    recordIds: z.array(z.string()),
    version: z.number().int(),
  })
  .openapi('Person');

export const personPage = z
  .object({ items: z.array(personView), nextCursor: z.string().nullable() })
  .openapi('PersonPage');

export type EnrolPerson = z.infer<typeof enrolPersonBody>;
