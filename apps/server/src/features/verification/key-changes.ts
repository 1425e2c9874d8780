/**
 * The one way in for "these keys changed" (ARCHITECTURE.md §14, PRODUCT.md §7 and §10).
 *
 * Every service that changes a key announces the ids it changed, after its transaction committed:
 * `keyChanges.publish([id])` (or `'all'` when it cannot say which, e.g. a job pass). Verification's
 * key cache subscribes and forgets those keys, so the very next verification reads them again.
 *
 * `source` tells a subscriber where the change was made: `'local'` (this instance) or `'remote'`
 * (another instance, e.g. fed from PostgreSQL LISTEN/NOTIFY). A subscriber that forwards changes to
 * other instances forwards only the local ones; one that loses its channel to the other instances
 * publishes `'all'` as `'remote'` (drop everything, re-read) until the channel is back.
 */
export type KeyChange = readonly string[] | 'all';
export type KeyChangeSource = 'local' | 'remote';
export type KeyChangeListener = (change: KeyChange, source: KeyChangeSource) => void;

export interface KeyChanges {
  /** Announces committed changes to these keys (by id). Subscribers run synchronously, in order. */
  publish(change: KeyChange, source?: KeyChangeSource): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: KeyChangeListener): () => void;
}

export function createKeyChanges(): KeyChanges {
  const listeners = new Set<KeyChangeListener>();
  return {
    publish(change, source = 'local') {
      if (change !== 'all' && change.length === 0) return;
      for (const listener of listeners) listener(change, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
