/**
 * The server's one cache: bounded, least-recently-used, by entry count and by size. It keeps serialised route
 * responses (sized by their length) and scenario runs and flow answers (sized 1 each). Route searches are pure functions of the request
 * while the server runs (the network is loaded once and never changes), so a repeated query — the same pair and
 * day asked by many users of the web page — is answered from memory. Bounded by entry count and by size (string
 * length, or bytes for a Buffer) so a stream of distinct queries cannot grow it without limit.
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxEntries = 2000,
    readonly maxBytes = 64 * 1024 * 1024,
    /** Size of a value against maxBytes: its length by default (strings and byte arrays). */
    private readonly sizeOf: (v: V) => number = (v) => (v as { length?: number }).length ?? 1,
  ) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (this.maxEntries === 0 || size > this.maxBytes) return;
    const old = this.map.get(key);
    if (old !== undefined) {
      this.bytes -= this.sizeOf(old);
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += size;
    while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.map.keys().next().value as string;
      const v = this.map.get(oldest);
      if (v !== undefined) this.bytes -= this.sizeOf(v);
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }
}
