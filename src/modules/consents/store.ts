import type { IndexDeclaration, ProjectionStore } from '../../db/store';

/** A citizen's consent that one client obtain their certificates for one purpose, projected from the journal. */
export interface Consent {
  _id: string;
  nin: string;
  clientId: string;
  purpose: string;
  expiresAt: string;
  givenAt: string;
  /** Who recorded it: the citizen in the portal, or staff at an office. */
  givenBy: { id: string; role: string };
  withdrawnAt?: string;
  seq: number;
}

export type ConsentStore = ProjectionStore<Consent>;

export const CONSENT_INDEXES: IndexDeclaration[] = [
  { key: { nin: 1 }, serves: "GET /v1/me/consents, and a client's issue: one person's consents" },
];
