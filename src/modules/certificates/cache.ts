import type { CertificateDoc, CertificateStore } from './model';

/**
 * Certificates as verification reads them, kept in this process for a few seconds: verification
 * is the public hot path, and a token verified again within the window needs no database read.
 * A change this process applies (a revocation, a voided or corrected record) drops the entry at
 * once; another process's change is seen within `ttlMs` (CERTIFICATE_STATUS_CACHE_SECONDS).
 */
export class CertificateCache {
  private readonly entries = new Map<string, { doc: CertificateDoc | null; at: number }>();

  constructor(
    private readonly store: CertificateStore,
    private readonly ttlMs: number,
    private readonly max = 20_000,
  ) {}

  async get(id: string): Promise<CertificateDoc | null> {
    const hit = this.entries.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.doc;
    const doc = await this.store.get(id);
    if (this.ttlMs > 0) {
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value ?? '');
      this.entries.set(id, { doc, at: Date.now() });
    }
    return doc;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
