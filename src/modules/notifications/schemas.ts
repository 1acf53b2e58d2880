import { z } from '../../http/zod';
import { parentRef } from '../births/schemas';
import { GOVERNORATES } from '../common/governorates';
import { attendant, isoDate, personRef, sex } from '../common/schemas';
import { causeOfDeath, certifier, MANNERS_OF_DEATH, usualResidence } from '../deaths/schemas';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const notificationId = z
  .string()
  .regex(/^[A-Za-z0-9._:/-]{1,64}$/, "must be the hospital's own id: 1-64 of letters, digits and . _ : / -");

export const facility = z
  .object({
    name: z.string().trim().min(2).max(120),
    governorate: z.enum(GOVERNORATES.map((g) => g.code) as [string, ...string[]]),
    district: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

export const birthNotificationBody = z
  .object({
    notificationId,
    /** The facility where the child was born; `type`, the birth's type of place (a hospital or another health facility). */
    facility: z.object({ ...facility.shape, type: z.enum(['hospital', 'other-health-facility']).optional() }).strict(),
    birth: z
      .object({
        date: isoDate,
        time: hhmm.optional(),
        sex,
        weightGrams: z.number().int().min(200).max(8000).optional(),
        plurality: z.number().int().min(1).max(8).optional(),
        /** Who attended the birth. */
        attendant: attendant.optional(),
      })
      .strict(),
    mother: parentRef,
  })
  .strict()
  .openapi('BirthNotification', {
    example: {
      notificationId: 'YTH-2026-000123',
      facility: { name: 'Yarmouk Teaching Hospital', governorate: 'IQ-BG', type: 'hospital' },
      birth: {
        date: '2026-03-14',
        time: '08:20',
        sex: 'female',
        weightGrams: 3150,
        plurality: 1,
        attendant: 'physician',
      },
      mother: { nin: '123456789012' },
    },
  });

export const deathNotificationBody = z
  .object({
    notificationId,
    facility,
    deceased: personRef,
    dateOfDeath: isoDate,
    timeOfDeath: hhmm.optional(),
    /** Where the deceased usually lived, when the hospital knows it. */
    usualResidence: usualResidence.optional(),
    causeOfDeath,
    mannerOfDeath: z.enum(MANNERS_OF_DEATH).optional(),
    certifier,
  })
  .strict()
  .openapi('DeathNotification', {
    example: {
      notificationId: 'BTH-2026-004410',
      facility: { name: 'Basra Teaching Hospital', governorate: 'IQ-BA' },
      deceased: { nin: '123456789012' },
      dateOfDeath: '2026-05-02',
      timeOfDeath: '23:40',
      usualResidence: { governorate: 'IQ-BA' },
      causeOfDeath: { icd10: 'I21.9', text: 'Acute myocardial infarction' },
      certifier: { type: 'physician', name: 'Dr. Huda Salim', licenceNumber: 'IMS-55120' },
    },
  });

/** A FHIR R4 Bundle: read for the resources it carries (see README "Hospital notifications"). */
export const fhirBundle = z
  .object({
    resourceType: z.literal('Bundle'),
    entry: z
      .array(z.object({ resource: z.record(z.string(), z.unknown()) }).passthrough())
      .min(1)
      .max(50),
  })
  .passthrough()
  .openapi('FhirBundle', { description: 'FHIR R4 Bundle (application/fhir+json)' });

export const notificationAnswer = z
  .object({ recordId: z.string(), status: z.enum(['declared', 'registered', 'rejected', 'voided']) })
  .openapi('NotificationAccepted');

export type BirthNotification = z.infer<typeof birthNotificationBody>;
export type DeathNotification = z.infer<typeof deathNotificationBody>;
export type FhirBundle = z.infer<typeof fhirBundle>;
