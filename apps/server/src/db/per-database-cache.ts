import type { Db } from './schema.ts';

/**
 * A map of at most `capacity` entries for each database handle, the least recently used out first:
 * what the list's remembered orders and counts keep (features/api-keys/*.cache.ts). Held weakly,
 * so that a closed handle's entries go with it.
 */
export class RecentlyUsed<V> {
  readonly #entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key); // most recently used last
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, value);
  }
}

/** One RecentlyUsed map per database handle, made on first use. */
export function perDatabase<V>(capacity: number): (db: Db) => RecentlyUsed<V> {
  const caches = new WeakMap<Db, RecentlyUsed<V>>();
  return (db) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new RecentlyUsed<V>(capacity);
      caches.set(db, cache);
    }
    return cache;
  };
}
