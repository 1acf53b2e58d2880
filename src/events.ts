import type { Role, Scope } from './journal/types';
import type { BirthFacts } from './modules/births/schemas';
import type { PublicJwk } from './lib/jwk';
import type { CertificateIssued } from './modules/certificates/store';
import type { MaritalStatus } from './modules/civil-status/derive';
import type { DeathFacts } from './modules/deaths/schemas';
import type { DivorceFacts } from './modules/divorces/schemas';
import type { MarriageFacts } from './modules/marriages/schemas';
import type { NewPerson } from './modules/persons/projectors';
import type { EnrolPerson } from './modules/persons/schemas';
import type { RecordDeclared } from './modules/records/events';
import type { FieldChange } from './modules/records/rules';
import type { UserChange } from './modules/users/schemas';

export type { RecordDeclared } from './modules/records/events';
export type { Notification } from './modules/records/store';

/**
 * Every event the journal holds, from its type to its payload. A command's draft and the
 * projector of its type are both typed from this map, so the compiler checks that they agree.
 */
export interface EventCatalogue {
  'person.enrolled': EnrolPerson & { nin: string };
  /** One batch of an import of the legacy register: each person with a new NIN. */
  'person.enrolled-batch': { source: string; persons: NewPerson[] };
  'birth.declared': RecordDeclared<BirthFacts>;
  'birth.registered': { recordId: string; registrationNumber: string; child: NewPerson };
  'marriage.declared': RecordDeclared<MarriageFacts>;
  /** `previousMaritalStatus`: each party's, derived from the registry just before the marriage. */
  'marriage.registered': {
    recordId: string;
    registrationNumber: string;
    parties: [string, string];
    previousMaritalStatus: { partyA: MaritalStatus; partyB: MaritalStatus };
  };
  'divorce.declared': RecordDeclared<DivorceFacts>;
  'divorce.registered': { recordId: string; registrationNumber: string; marriageId: string; parties: [string, string] };
  'death.declared': RecordDeclared<DeathFacts>;
  /** `nin`: the deceased. */
  'death.registered': { recordId: string; registrationNumber: string; nin: string };
  'record.rejected': { recordId: string };
  'record.voided': { recordId: string };
  /** `facts` are all the record's facts after the correction, in the shape of the record's kind. */
  'record.corrected': { recordId: string; changes: FieldChange[]; facts: object };
  /** A certificate key signs from now on; the keys active before are retired (they verify until `verifiesUntil`). */
  'certificate-key.activated': { kid: string; jwk: PublicJwk; retired: { kid: string; verifiesUntil: string }[] };
  /** A key no longer verifies anything: what it signed is invalid. */
  'certificate-key.withdrawn': { kid: string };
  'certificate.issued': CertificateIssued;
  'certificate.revoked': { certificateId: string; statusIndex: number };
  'office.created': { code: string; name: string; governorate: string };
  /** The secret is kept apart (`webhook_secrets`); the entry names who, where and what. */
  'subscription.created': { subscriptionId: string; clientId: string; url: string; events: string[] };
  'subscription.replayed': { subscriptionId: string; fromSeq: number };
  'subscription.ended': { subscriptionId: string; clientId: string };
  /** `secretId` names the password's hash in `secrets`; the hash never enters the journal. */
  'user.created': { userId: string; username: string; role: Role; office: string; secretId: string; nin?: string };
  'user.changed': { userId: string; changes: FieldChange[]; set: UserChange };
  'client.created': { clientId: string; name: string; scopes: Scope[]; secretId: string };
  'client.changed': { clientId: string; set: { disabled?: boolean; scopes?: Scope[] } };
  'client.secret-rotated': { clientId: string; secretId: string };
  'citizen.activation-code-issued': { nin: string; expiresAt: string; secretId: string };
}

export type EventType = keyof EventCatalogue;

/**
 * Whether an event changes a read model (and so must have a projector) or is kept for the audit
 * trail alone. A new event type must be classified here: the compiler refuses a missing one.
 */
export const EVENT_ROLE: { readonly [K in EventType]: 'projected' | 'audit-only' } = {
  'person.enrolled': 'projected',
  'person.enrolled-batch': 'projected',
  'birth.declared': 'projected',
  'birth.registered': 'projected',
  'marriage.declared': 'projected',
  'marriage.registered': 'projected',
  'divorce.declared': 'projected',
  'divorce.registered': 'projected',
  'death.declared': 'projected',
  'death.registered': 'projected',
  'record.rejected': 'projected',
  'record.voided': 'projected',
  'record.corrected': 'projected',
  'certificate-key.activated': 'projected',
  'certificate-key.withdrawn': 'projected',
  'certificate.issued': 'projected',
  'certificate.revoked': 'projected',
  'office.created': 'projected',
  'subscription.created': 'projected',
  'subscription.replayed': 'audit-only',
  'subscription.ended': 'projected',
  // Accounts, clients and activation codes too: append, then project; the hashes of their
  // secrets live in `secrets`, written first, and the entries name them by id.
  'user.created': 'projected',
  'user.changed': 'projected',
  'client.created': 'projected',
  'client.changed': 'projected',
  'client.secret-rotated': 'projected',
  'citizen.activation-code-issued': 'projected',
};

/** True for an event type this version of the service knows (a newer version may have written others). */
export function isKnownEvent(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_ROLE, type);
}
