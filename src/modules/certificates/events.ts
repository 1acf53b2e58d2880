import type { EventRoles } from '../../journal/types';
import type { PublicJwk } from '../../lib/jwk';
import type { CertificateIssued } from './store';

/** The events of certificates: their signing keys, issues and revocations. */
export interface CertificateEvents {
  /** A certificate key signs from now on; the keys active before are retired (they verify until `verifiesUntil`). */
  'certificate-key.activated': { kid: string; jwk: PublicJwk; retired: { kid: string; verifiesUntil: string }[] };
  /** A key no longer verifies anything: what it signed is invalid. */
  'certificate-key.withdrawn': { kid: string };
  'certificate.issued': CertificateIssued;
  'certificate.revoked': { certificateId: string; statusIndex: number };
}

export const CERTIFICATE_EVENTS: EventRoles<CertificateEvents> = {
  'certificate-key.activated': 'projected',
  'certificate-key.withdrawn': 'projected',
  'certificate.issued': 'projected',
  'certificate.revoked': 'projected',
};
