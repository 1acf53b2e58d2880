import { defineRoute } from '../../http/route';
import { z } from '../../http/zod';
import { errorResponses } from '../common/responses';
import { arabicNamePart, isoDate, nin, sex } from '../common/schemas';
import type { Person } from '../persons/model';
import { normaliseName } from '../persons/normalise';

const verificationBody = z
  .object({
    nin,
    givenName: arabicNamePart.optional(),
    fatherName: arabicNamePart.optional(),
    grandfatherName: arabicNamePart.optional(),
    familyName: arabicNamePart.optional(),
    dateOfBirth: isoDate.optional(),
    sex: sex.optional(),
  })
  .strict()
  .openapi('IdentityVerification', { example: { nin: '123456789012', givenName: 'علي', dateOfBirth: '1990-09-17' } });

const verificationAnswer = z
  .object({
    match: z.boolean(),
    fields: z.record(z.string(), z.boolean()),
    alive: z.boolean(),
  })
  .openapi('IdentityVerificationResult');

type Claimed = z.infer<typeof verificationBody>;
const NAME_FIELDS = ['givenName', 'fatherName', 'grandfatherName', 'familyName'] as const;

/** Which claimed fields agree with the registry (names compared Arabic-normalised); nothing else leaves. */
export function compareIdentity(person: Person | null, claimed: Claimed) {
  const fields: Record<string, boolean> = {};
  for (const f of NAME_FIELDS) {
    const value = claimed[f];
    if (value !== undefined) fields[f] = Boolean(person?.name[f]) && normaliseName(person!.name[f]!) === normaliseName(value);
  }
  if (claimed.dateOfBirth !== undefined) fields.dateOfBirth = person?.dateOfBirth === claimed.dateOfBirth;
  if (claimed.sex !== undefined) fields.sex = person?.sex === claimed.sex;
  return { match: person !== null && Object.values(fields).every(Boolean), fields, alive: person?.status === 'alive' };
}

export const identityRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/identity/verification',
    operationId: 'verifyIdentity',
    permission: 'identity.verify',
    rateLimit: (c) => c.RATE_LIMIT_IDENTITY_PER_MINUTE,
    tag: 'Sectoral systems',
    summary: 'Check that a person exists and the details given match; answers only match, per-field agreement and alive',
    body: verificationBody,
    accessLog: true,
    responses: { 200: { description: 'The comparison', schema: verificationAnswer }, ...errorResponses(400, 401, 403, 429) },
    async handle({ body }, { services }) {
      const person = await services.persons.get(body.nin);
      return { status: 200, body: compareIdentity(person, body), named: person ? [person._id] : [] };
    },
  }),
];
