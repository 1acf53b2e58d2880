import type { Role } from '../journal/types';

export const ROLES: readonly Role[] = ['admin', 'officer', 'registrar', 'auditor', 'citizen'];

/**
 * Who may do what: the single table of authorization. Every route names one permission here,
 * and the route-by-role test walks every route against this table.
 */
export const policy = {
  'service.public': 'anyone',
  'auth.login': 'anyone',
  'users.create': ['admin'],
  'offices.list': ['admin', 'officer', 'registrar', 'auditor'],
  'offices.create': ['admin'],
  'persons.enrol': ['registrar'],
  'persons.read': ['officer', 'registrar', 'auditor'],
  'persons.search': ['officer', 'registrar'],
  'births.declare': ['officer', 'registrar'],
  'records.read': ['officer', 'registrar', 'auditor'],
  'records.register': ['registrar'],
  'records.reject': ['registrar'],
  'records.correct': ['registrar'],
  'records.void': ['registrar'],
  'audit.read': ['auditor', 'admin'],
} as const satisfies Record<string, readonly Role[] | 'anyone'>;

export type Permission = keyof typeof policy;

export function allows(permission: Permission, role: Role | undefined): boolean {
  const allowed = policy[permission];
  if (allowed === 'anyone') return true;
  return role !== undefined && (allowed as readonly Role[]).includes(role);
}
