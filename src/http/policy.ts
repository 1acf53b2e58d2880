import type { Actor, Role, Scope } from '../journal/types';

export const ROLES: readonly Role[] = ['admin', 'officer', 'registrar', 'auditor', 'citizen'];

/** Open to anyone; any signed-in person; these roles; or a sectoral client holding this scope. */
type Rule = 'anyone' | 'person' | readonly Role[] | { readonly scope: Scope };

/**
 * Who may do what: the single table of authorization. Every route names one permission here,
 * and the route-by-role test walks every route the app serves against this table.
 */
export const policy = {
  'service.public': 'anyone',
  'auth.login': 'anyone',
  'auth.refresh': 'anyone',
  'auth.token': 'anyone',
  'auth.logout': 'person',
  'users.create': ['admin'],
  'users.list': ['admin'],
  'users.change': ['admin'],
  'clients.manage': ['admin'],
  'imports.create': ['admin'],
  'offices.list': ['admin', 'officer', 'registrar', 'auditor'],
  'offices.create': ['admin'],
  'persons.enrol': ['registrar'],
  'persons.read': ['officer', 'registrar', 'auditor'],
  'persons.search': ['officer', 'registrar'],
  'persons.activation-code': ['officer', 'registrar'],
  'citizens.activate': 'anyone',
  'me.read': ['citizen'],
  'births.declare': ['officer', 'registrar'],
  'marriages.declare': ['officer', 'registrar'],
  'divorces.declare': ['officer', 'registrar'],
  'deaths.declare': ['officer', 'registrar'],
  'records.read': ['officer', 'registrar', 'auditor'],
  'records.register': ['registrar'],
  'records.reject': ['registrar'],
  'records.correct': ['registrar'],
  'records.void': ['registrar'],
  'audit.read': ['auditor', 'admin'],
  'statistics.read': 'anyone',
  'certificates.issue': ['officer', 'registrar', 'citizen'],
  'certificates.read': ['officer', 'registrar', 'citizen'],
  'certificates.revoke': ['registrar'],
  'certificates.verify': 'anyone',
  'identity.verify': { scope: 'identity:verify' },
  'feed.read': { scope: 'feed:read' },
  'notifications.write': { scope: 'notifications:write' },
  'subscriptions.manage': ['admin'],
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof policy;

/** Permissions open to anyone: their handlers may have no actor. */
export type OpenPermission = { [K in Permission]: (typeof policy)[K] extends 'anyone' ? K : never }[Permission];

/** Whether this actor (undefined: no token) may use a route with this permission. */
export function allows(permission: Permission, actor: Pick<Actor, 'role' | 'scopes'> | undefined): boolean {
  const rule: Rule = policy[permission];
  if (rule === 'anyone') return true;
  if (!actor) return false;
  if (rule === 'person') return actor.role !== 'client';
  if (Array.isArray(rule)) return (rule as readonly string[]).includes(actor.role);
  return actor.role === 'client' && (actor.scopes ?? []).includes((rule as { scope: Scope }).scope);
}

/** Whether the rule needs a token at all. */
export function needsToken(permission: Permission): boolean {
  return policy[permission] !== 'anyone';
}

/** The rule in words, for the OpenAPI description of a route. */
export function describeRule(permission: Permission): string {
  const rule: Rule = policy[permission];
  if (rule === 'anyone') return 'Open to anyone.';
  if (rule === 'person') return 'Any signed-in person.';
  if (Array.isArray(rule)) return `Roles: ${rule.join(', ')}.`;
  return `Sectoral clients with scope ${(rule as { scope: Scope }).scope}.`;
}
