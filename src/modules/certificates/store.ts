import type { IndexDeclaration, ProjectionStore } from '../../db/store';
import type { RecordKind } from '../records/store';
import type { PublicJwk } from '../../lib/jwk';
import type { CertificateLanguage } from './languages';

export type { CertificateLanguage } from './languages';

/** A certificate signing key's public half and standing, projected from its journal entries. */
export interface SigningKeyDoc {
  /** The kid: the key's RFC 7638 thumbprint. */
  _id: string;
  jwk: PublicJwk;
  status: 'active' | 'retired' | 'withdrawn';
  activatedAt: string;
  retiredAt?: string;
  /** A retired key verifies what it signed until then (when every certificate it signed has expired). */
  verifiesUntil?: string;
  withdrawnAt?: string;
  withdrawReason?: string;
  seq: number;
}

export type SigningKeyStore = ProjectionStore<SigningKeyDoc>;

/** Who issued which certificate of which record at which version, for whom, under which key. */
export interface CertificateIssued {
  certificateId: string;
  /** The record certified; none for a civil-status extract, which is of a person (`subjectNin`). */
  recordId?: string;
  recordVersion?: number;
  /** A record's kind, or `civil-status-extract`. */
  kind: RecordKind;
  /** An extract's office (its number's and its revocation's): the issuer's, else the one that keeps the person's entry. */
  office?: string;
  /** Issued to a sectoral client: its id (the token's `aud`) and the purpose it gave. */
  audience?: string;
  purpose?: string;
  /** The NIN the certificate is about (`sub`). */
  subjectNin: string;
  registrationNumber: string;
  language: CertificateLanguage;
  kid: string;
  statusIndex: number;
  /** Hash of the certified facts: when the record's facts hash differently, the certificate is superseded. */
  factsHash: string;
  token: string;
  /** The same credential as its QR code carries it: COSE, zlib, Base45 (cose.ts); absent in entries from before. */
  qr?: string;
  expiresAt: string;
  /** Which certified copy of the record this is: 1 for the first issue, then 2, 3… (absent in entries from before copies were numbered). */
  copyNumber?: number;
  /**
   * Certified facts the PDF prints but the token leaves out (a death's cause, health data, while
   * DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE is false): kept here so that every print of the
   * certificate says the same, whatever the record or the settings say later.
   */
  paperFacts?: Record<string, unknown>;
}

/** An issued certificate, projected from `certificate.issued` and what followed. */
export interface CertificateDoc extends Omit<CertificateIssued, 'certificateId' | 'recordVersion' | 'copyNumber'> {
  _id: string;
  copyNumber: number;
  issuedAt: string;
  issuedBy: { id: string; role: string };
  revoked?: { at: string; reason: string; by: 'registrar' | 'record-voided' };
  supersededAt?: string;
  seq: number;
}

export type CertificateStore = ProjectionStore<CertificateDoc>;

export const CERTIFICATE_INDEXES: IndexDeclaration[] = [
  {
    key: { recordId: 1 },
    serves: 'the certificates of a record, revoked or superseded when it is voided or corrected',
  },
  {
    key: { subjectNin: 1 },
    serves: "a person's civil-status extracts, superseded when their entry changes",
  },
];

/** One set bit of a status list: a revoked certificate (`_id`: list and index). */
export interface RevocationDoc {
  _id: string;
  list: string;
  index: number;
  certificateId: string;
  seq: number;
}

export type RevocationStore = ProjectionStore<RevocationDoc>;

export const REVOCATION_INDEXES: IndexDeclaration[] = [
  { key: { list: 1 }, serves: 'GET /v1/status-lists/{list}: the revoked entries of one list' },
];
