/**
 * A bounded map whose entries expire: what this process remembers for a few seconds (verified
 * tokens, account standing, certificate status) instead of asking again. One eviction rule for
 * all: when full, the entry stored longest ago goes first (a Map keeps insertion order).
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly max = 10_000) {}

  /** The value, while it has not expired. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt > Date.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps a value until `expiresAt` (ms since the epoch); nothing is kept for a time already past. */
  set(key: string, value: V, expiresAt: number): void {
    if (expiresAt <= Date.now()) return;
    this.entries.delete(key); // re-inserted at the end: the newest
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value ?? '');
    this.entries.set(key, { value, expiresAt });
  }

  /** The value, or `load`'s answer kept for `ttlMs` (ttlMs 0: always loaded, never kept). */
  async getOrLoad(key: string, ttlMs: number, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const value = await load();
    this.set(key, value, Date.now() + ttlMs);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
