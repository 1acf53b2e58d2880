import { z } from '../../http/zod';

/** The staff roles an admin may give (a citizen's account comes from activation, never from here). */
export const roleEnum = z.enum(['admin', 'officer', 'registrar', 'national-registrar', 'auditor', 'service-clerk']);

export const createUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[a-z0-9._-]+$/, 'may hold lower-case letters, digits, . _ -'),
    password: z.string().min(12, 'must be at least 12 characters').max(256),
    role: roleEnum,
    office: z.string().regex(/^[A-Z]{3}$/, 'must be an office code such as BGD'),
  })
  .strict()
  .openapi('CreateUser', {
    example: { username: 'registrar.karkh', password: 'Tigris at dawn 2026', role: 'registrar', office: 'BGD' },
  });

export const userView = z
  .object({
    id: z.string(),
    username: z.string(),
    role: z.string(),
    office: z.string(),
    disabled: z.boolean(),
  })
  .openapi('User');

export interface UserChange {
  role?: z.infer<typeof roleEnum>;
  office?: string;
  disabled?: boolean;
}

export const userPage = z.object({ items: z.array(userView), nextCursor: z.string().nullable() });
