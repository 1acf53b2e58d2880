import { ExpiringCache } from '../../lib/expiring-cache';
import type { CertificateDoc, CertificateStore } from './store';

/**
 * Certificates as verification reads them, kept in this process for a few seconds: verification
 * is the public hot path, and a token verified again within the window needs no database read.
 * A change this process applies (a revocation, a voided or corrected record) drops the entry at
 * once; another process's change is seen within `ttlMs` (CERTIFICATE_STATUS_CACHE_SECONDS).
 */
export class CertificateCache {
  private readonly entries: ExpiringCache<CertificateDoc | null>;

  constructor(
    private readonly store: CertificateStore,
    private readonly ttlMs: number,
    max = 20_000,
  ) {
    this.entries = new ExpiringCache(max);
  }

  get(id: string): Promise<CertificateDoc | null> {
    return this.entries.getOrLoad(id, this.ttlMs, () => this.store.get(id));
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
