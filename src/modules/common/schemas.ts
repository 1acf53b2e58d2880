import type { Page } from '../../db/page';
import { z } from '../../http/zod';
import { isValidNin } from './nin';
import { GOVERNORATES } from './governorates';

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date')
  .openapi({ example: '2026-03-14', format: 'date' });

export const nin = z
  .string()
  .refine(isValidNin, 'must be a 12-digit NIN with a valid check digit')
  .openapi({ example: '123456789012', description: 'National identification number, 12 digits, Verhoeff check digit' });

export const recordId = z
  .string()
  .regex(/^r_[A-Za-z0-9_-]{22}$/, 'is not a record id')
  .openapi({ example: 'r_3q2Zk8mW1xYbN4fT7vLh9A' });

/**
 * A name part in Arabic script, Arabic and Kurdish alike: its letters, combining marks (harakat),
 * spaces, hyphens, apostrophes and the zero-width non-joiner of Kurdish spelling; at least one
 * letter. No digits, punctuation or symbols; control and format characters are refused earlier.
 */
export const ARABIC_NAME_PATTERN = /^(?=.*\p{L})(?:(?=\p{L})\p{sc=Arabic}|\p{M}|[ '\u2019\u200C-])+$/u;
/** A name part in Latin script: letters (accented too), combining marks, spaces, hyphens, apostrophes, periods. */
export const LATIN_NAME_PATTERN = /^(?=.*\p{L})(?:(?=\p{L})\p{sc=Latin}|\p{M}|[ '\u2019.-])+$/u;

/** A Unicode pattern as a refinement, documented as the JSON Schema pattern (which takes no flags). */
const matching = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(60)
    .refine((v) => pattern.test(v), message)
    .openapi({ pattern: pattern.source });

const arabicPart = matching(
  ARABIC_NAME_PATTERN,
  'must be written in Arabic script (letters, marks, spaces, hyphens, apostrophes)',
);
const latinPart = matching(
  LATIN_NAME_PATTERN,
  'must be written in Latin script (letters, marks, spaces, hyphens, apostrophes, periods)',
);

export const latinName = z
  .object({
    givenName: latinPart,
    fatherName: latinPart,
    grandfatherName: latinPart,
    familyName: latinPart.optional(),
  })
  .strict();

export const personName = z
  .object({
    givenName: arabicPart,
    fatherName: arabicPart,
    grandfatherName: arabicPart,
    familyName: arabicPart.optional(),
    latin: latinName.optional(),
  })
  .strict()
  .openapi('PersonName', {
    example: {
      givenName: 'علي',
      fatherName: 'حسين',
      grandfatherName: 'كاظم',
      familyName: 'الموسوي',
      latin: { givenName: 'Ali', fatherName: 'Hussein', grandfatherName: 'Kadhim', familyName: 'Al-Musawi' },
    },
  });

/** A governorate by its ISO 3166-2:IQ code. */
export const governorate = z.enum(GOVERNORATES.map((g) => g.code) as [string, ...string[]]);

export const place = z
  .object({
    governorate,
    district: z.string().trim().min(1).max(80).optional(),
    facility: z.string().trim().min(1).max(120).optional(),
  })
  .strict()
  .openapi('Place', { example: { governorate: 'IQ-BG', district: 'Karkh', facility: 'Yarmouk Teaching Hospital' } });

export const sex = z.enum(['female', 'male']);

/**
 * Who attended a delivery: the persons Iraq's Births and Deaths Registration Law No. 148 of 1971
 * (art. 3) charges with the certificate, and the UN's "attendant at birth" (Principles and
 * Recommendations for a Vital Statistics System, Rev. 3).
 */
export const ATTENDANTS = ['physician', 'midwife', 'nurse', 'other'] as const;
export const attendant = z.enum(ATTENDANTS);

/** The type of place where a birth occurred, as the UN's "type of place of occurrence" has it. */
export const PLACE_TYPES = ['hospital', 'other-health-facility', 'home', 'other'] as const;
export const reason = z.string().trim().min(3).max(500);
export const arabicNamePart = arabicPart;
export const latinNamePart = latinPart;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** possible-duplicate of an enrolment: the NINs of the people it seems to be. */
    candidates: z.array(z.string()).optional(),
  })
  .openapi('Problem');

/**
 * Cursor pagination parameters: `cursor` is opaque to callers (the last `_id` of the previous
 * page, base64url); it parses to that `_id` as `after`, and one that does not decode to an id of
 * this list (`idPattern`) is a 400, not an empty page.
 */
export function pageQuery(idPattern: RegExp) {
  return {
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a cursor from a previous page')
      .refine((c) => idPattern.test(decodeCursor(c)), 'is not a cursor from a previous page of this list')
      .optional(),
  };
}

export const encodeCursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
export const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/** The `after` of a page request from a validated `cursor`. */
export const afterCursor = (q: { limit: number; cursor?: string }) => ({
  limit: q.limit,
  ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
});

/** A page as lists answer it: `{items, nextCursor}`. */
export function pageView<T, V>(page: Page<T>, present: (item: T) => V): { items: V[]; nextCursor: string | null } {
  return { items: page.items.map(present), nextCursor: page.last === null ? null : encodeCursor(page.last) };
}

/** A registered person named by NIN (a party, the deceased). */
export const personRef = z.object({ nin }).strict();

/** A court's reference (case or permission number), as the court writes it. */
export const courtReference = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((v) => /^[\p{L}\p{N} /_.-]+$/u.test(v), 'may hold letters, digits, spaces and / _ . -')
  .openapi({ example: 'KRK-PS-2026/1187' });

/** Who informed the registry of a birth or death; each kind narrows the relationships it accepts. */
export const informantOf = <R extends readonly [string, ...string[]]>(relationships: R) =>
  z
    .object({
      relationship: z.enum(relationships),
      nin: nin.optional(),
      name: z.string().trim().min(2).max(120).optional(),
    })
    .strict();

/** An informant as records show it, whatever the kind. */
export const informantView = informantOf([
  'mother',
  'father',
  'spouse',
  'child',
  'parent',
  'sibling',
  'relative',
  'health-facility',
  'other',
]);

/** A P-256 public signing key as a JWK (certificate keys in the JWKS, journal keys beside signed heads). */
export const publicJwkView = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string(),
    y: z.string(),
    kid: z.string(),
    use: z.literal('sig'),
    alg: z.literal('ES256'),
  })
  .openapi('PublicJwk');

/** A person's marital status, as derived from the registered events (civil-status/derive). */
export const maritalStatus = z.enum(['single', 'married', 'divorced', 'widowed']);
export type MaritalStatus = z.infer<typeof maritalStatus>;
