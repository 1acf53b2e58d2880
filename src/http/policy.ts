import type { Actor, Role, Scope } from '../journal/types';
import { Problem } from './problem';

export const ROLES: readonly Role[] = [
  'admin',
  'officer',
  'registrar',
  'national-registrar',
  'auditor',
  'service-clerk',
  'citizen',
];

/**
 * The staff of a community service centre (a post office, a youth centre) serve the citizen at
 * the counter: they look the citizen up by NIN, issue and print certificates of registered
 * records, and hand out activation codes; they never declare, register or correct.
 */
const COUNTER = 'service-clerk';

/** Open to anyone; any signed-in person; these roles; a sectoral client holding this scope (and, beside it, these roles). */
type Rule = 'anyone' | 'person' | readonly Role[] | { readonly scope: Scope; readonly roles?: readonly Role[] };

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
  'offices.list': ['admin', 'officer', 'registrar', 'national-registrar', 'auditor', COUNTER],
  'offices.create': ['admin'],
  'persons.enrol': ['registrar', 'national-registrar'],
  'persons.read': ['officer', 'registrar', 'national-registrar', 'auditor', COUNTER],
  'persons.search': ['officer', 'registrar', 'national-registrar'],
  'persons.activation-code': ['officer', 'registrar', 'national-registrar', COUNTER],
  'persons.confirm-latin': ['officer', 'registrar', 'national-registrar'],
  /** A citizen only their own (the handler answers another NIN as unknown). */
  'persons.family': ['officer', 'registrar', 'national-registrar', 'citizen'],
  'citizens.activate': 'anyone',
  'me.read': ['citizen'],
  'consents.own': ['citizen'],
  /** Staff record (or withdraw) the consent of the citizen at the counter. */
  'consents.at-office': ['officer', 'registrar', 'national-registrar', COUNTER],
  'records.read': ['officer', 'registrar', 'national-registrar', 'auditor'],
  'records.list': ['officer', 'registrar', 'national-registrar', 'auditor'],
  'workqueues.read': ['officer', 'registrar', 'national-registrar'],
  'records.register': ['registrar', 'national-registrar'],
  'records.reject': ['registrar', 'national-registrar'],
  'records.correct': ['officer', 'registrar', 'national-registrar'],
  'records.void': ['registrar', 'national-registrar'],
  'documents.attach': ['officer', 'registrar', 'national-registrar'],
  'documents.read': ['officer', 'registrar', 'national-registrar', 'auditor', 'citizen'],
  'records.review-duplicates': ['registrar', 'national-registrar'],
  'audit.read': ['auditor', 'admin'],
  'statistics.read': 'anyone',
  /** A client only for a person who consented (consents/), and with the purpose it gives. */
  'certificates.issue': {
    roles: ['officer', 'registrar', 'national-registrar', COUNTER, 'citizen'],
    scope: 'certificates:issue',
  },
  /** A client only the certificates issued to it (their `audience`). */
  'certificates.read': {
    roles: ['officer', 'registrar', 'national-registrar', COUNTER, 'citizen'],
    scope: 'certificates:issue',
  },
  'certificates.revoke': ['registrar', 'national-registrar'],
  'certificates.verify': 'anyone',
  'identity.verify': { scope: 'identity:verify' },
  'feed.read': { scope: 'feed:read' },
  'notifications.write': { scope: 'notifications:write' },
  'subscriptions.manage': ['admin'],
} as const satisfies Record<string, Rule>;

/**
 * A record kind's declaration permission (`births.declare`): its rule is in the kind's contract,
 * and the composition root enters it here at start (`addKindRules`) before any route is mounted.
 */
export type DeclarePermission = `${string}.declare`;
export type Permission = keyof typeof policy | DeclarePermission;

const kindRules = new Map<DeclarePermission, Rule>();

/** Enters the kinds' declaration rules into the table (once per kind; a second, different rule is a wiring mistake). */
export function addKindRules(rows: readonly { permission: DeclarePermission; roles: readonly Role[] }[]): void {
  for (const { permission, roles } of rows) {
    const known = kindRules.get(permission);
    if (known && JSON.stringify(known) !== JSON.stringify(roles)) throw new Error(`${permission} has two rules`);
    kindRules.set(permission, roles);
  }
}

/** The rule of a permission; a kind's permission that no contract entered is a wiring mistake, refused loudly. */
function ruleOf(permission: Permission): Rule {
  if (Object.prototype.hasOwnProperty.call(policy, permission)) return policy[permission as keyof typeof policy];
  const rule = kindRules.get(permission as DeclarePermission);
  if (!rule) throw new Error(`no rule for permission ${permission}`);
  return rule;
}

/** Every permission with its rule: the table, the kinds' rows included. */
export function policyTable(): ReadonlyMap<Permission, Rule> {
  const rows: [Permission, Rule][] = [...(Object.entries(policy) as [Permission, Rule][]), ...kindRules];
  return new Map(rows);
}

/**
 * Actions on an existing record that only the staff of the record's office may take (API.md:
 * register, reject, correct, void, review duplicates, revoke); reads and declarations are
 * national. A route with one of these permissions names the office it acts on (`officeOf`), and
 * the mount checks it with `requireOffice` before the handler runs.
 */
export const OFFICE_BOUND: ReadonlySet<Permission> = new Set<Permission>([
  'records.register',
  'records.reject',
  'records.correct',
  'records.void',
  'documents.attach',
  'records.review-duplicates',
  'certificates.revoke',
]);

/** Roles that act on the records of every office. */
export const NATIONAL_ROLES: readonly Role[] = ['national-registrar'];

/** Whether this actor may act on what belongs to this office: its own staff, or a national role. */
export function actsFor(actor: Pick<Actor, 'role' | 'office'>, office: string): boolean {
  return (
    (NATIONAL_ROLES as readonly string[]).includes(actor.role) ||
    (actor.office !== undefined && actor.office === office)
  );
}

/** Refuses staff of another office (403 other-office), naming the office the record belongs to. */
export function requireOffice(actor: Pick<Actor, 'role' | 'office'>, office: string): void {
  if (actsFor(actor, office)) return;
  const yours = actor.office ? `you are staff of ${actor.office}` : 'your account belongs to no office';
  throw new Problem(
    403,
    'Forbidden',
    `The record belongs to office ${office}; ${yours}. Only its own staff or a national registrar may act on it`,
    {
      code: 'other-office',
    },
  );
}

/** Permissions open to anyone: their handlers may have no actor. */
export type OpenPermission = {
  [K in keyof typeof policy]: (typeof policy)[K] extends 'anyone' ? K : never;
}[keyof typeof policy];

/** Whether this actor (undefined: no token) may use a route with this permission. */
export function allows(permission: Permission, actor: Pick<Actor, 'role' | 'scopes'> | undefined): boolean {
  const rule = ruleOf(permission);
  if (rule === 'anyone') return true;
  if (!actor) return false;
  if (rule === 'person') return actor.role !== 'client';
  if (Array.isArray(rule)) return (rule as readonly string[]).includes(actor.role);
  const { scope, roles = [] } = rule as { scope: Scope; roles?: readonly Role[] };
  if (actor.role === 'client') return (actor.scopes ?? []).includes(scope);
  return (roles as readonly string[]).includes(actor.role);
}

/** Whether the rule needs a token at all. */
export function needsToken(permission: Permission): boolean {
  return ruleOf(permission) !== 'anyone';
}

/** The rule in words, for the OpenAPI description of a route. */
export function describeRule(permission: Permission): string {
  const rule = ruleOf(permission);
  if (rule === 'anyone') return 'Open to anyone.';
  if (rule === 'person') return 'Any signed-in person.';
  if (Array.isArray(rule))
    return `Roles: ${rule.join(', ')}.${OFFICE_BOUND.has(permission) ? " Staff of the record's office only, or a national-registrar." : ''}`;
  const { scope, roles } = rule as { scope: Scope; roles?: readonly Role[] };
  return `${roles ? `Roles: ${roles.join(', ')}; and s` : 'S'}ectoral clients with scope ${scope}.`;
}
