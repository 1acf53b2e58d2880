import { z } from '../../http/zod';
import { nin } from '../common/schemas';

export const consentId = z
  .string()
  .regex(/^cn_[A-Za-z0-9_-]{16}$/, 'is not a consent id')
  .openapi({ example: 'cn_3q2Zk8mW1xYbN4fT' });

export const giveConsentBody = z
  .object({
    clientId: z
      .string()
      .min(1)
      .max(64)
      .openapi({ description: 'The sectoral client (one holding certificates:issue)' }),
    purpose: z
      .string()
      .trim()
      .min(3)
      .max(200)
      .openapi({ description: 'What the client may obtain certificates for; its request must name the same purpose' }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .openapi({ description: 'Until when (a date or a time; at most a year ahead)', example: '2027-06-30' }),
  })
  .strict()
  .openapi('GiveConsent', {
    example: { clientId: 'cl_3q2Zk8mW1xYbN4fT', purpose: 'school enrolment', expiresAt: '2027-06-30' },
  });

export const ownConsentParams = z.object({ id: consentId }).strict();
export const personConsentParams = z.object({ nin, id: consentId }).strict();

export const consentView = z
  .object({
    id: consentId,
    clientId: z.string(),
    clientName: z
      .string()
      .optional()
      .openapi({ description: 'The name the admin gave the client (Ministry of Education)' }),
    purpose: z.string(),
    expiresAt: z.string(),
    givenAt: z.string(),
    givenBy: z.object({ role: z.string() }),
    status: z.enum(['in-force', 'withdrawn', 'expired']),
    withdrawnAt: z.string().optional(),
  })
  .openapi('Consent');

export const consentList = z
  .object({
    items: z.array(consentView),
    clients: z.array(z.object({ clientId: z.string(), name: z.string() })).openapi({
      description: 'The enabled clients that may obtain certificates with a consent: the choices to give one to',
    }),
  })
  .openapi('Consents');
