import type { AriaDatabase } from '../client.js';

/**
 * Recently read tier rows (subscription and time zone) of one database handle, so a metered
 * call does not read PostgreSQL for an athlete it read moments ago.
 *
 * Staleness: every writer in this package forgets the athlete's entry once its transaction
 * has committed, so on the instance that wrote, the next call sees the change. Another
 * instance (or a write made outside this package) is seen within `ttlMs`. Only rows of
 * athletes that exist are kept: a new athlete is never hidden behind a cached "no such
 * athlete". What is kept is the row, not the period computed from it, so month and day
 * boundaries roll over on time.
 */
export interface TierRowCacheOptions {
  readonly ttlMs: number;
  /** Past this many athletes the oldest entry goes first. */
  readonly maxEntries?: number;
}

interface Entry<Row> {
  readonly row: Promise<Row | undefined>;
  readonly expiresAt: number;
}

class TierRowCache {
  // Insertion order is age order: entries are only ever added at the end.
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  read<Row>(athleteId: string, load: () => Promise<Row | undefined>): Promise<Row | undefined> {
    const now = performance.now();
    const found = this.entries.get(athleteId);
    if (found !== undefined && found.expiresAt > now) return found.row as Promise<Row | undefined>;
    if (found !== undefined) this.entries.delete(athleteId);
    // The promise is kept, not the row: concurrent calls share one read, and a write that
    // commits while it is in flight forgets it (see `forget`), so it cannot be kept stale.
    const row = load();
    const entry: Entry<unknown> = { row, expiresAt: now + this.ttlMs };
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(athleteId, entry);
    const drop = () => {
      if (this.entries.get(athleteId) === entry) this.entries.delete(athleteId);
    };
    row.then((value) => value === undefined && drop(), drop);
    return row;
  }

  forget(athleteId: string): void {
    this.entries.delete(athleteId);
  }
}

const caches = new WeakMap<AriaDatabase, TierRowCache>();

/** Keeps tier rows read through `db` for `ttlMs` (0 keeps none). Call once, when wiring. */
export function cacheTierRows(db: AriaDatabase, options: TierRowCacheOptions): void {
  if (options.ttlMs <= 0) {
    caches.delete(db);
    return;
  }
  caches.set(db, new TierRowCache(options.ttlMs, options.maxEntries ?? 50_000));
}

/** The athlete's tier row, from the cache of `db` when it has one and the entry is fresh. */
export function readTierRow<Row>(
  db: AriaDatabase,
  athleteId: string,
  load: () => Promise<Row | undefined>,
): Promise<Row | undefined> {
  const cache = caches.get(db);
  return cache === undefined ? load() : cache.read(athleteId, load);
}

/**
 * Forgets what the cache of `db` holds for the athlete. Writers call it after their
 * transaction commits. Given a transaction handle it does nothing: the function that opened
 * the transaction forgets once it has committed.
 */
export function forgetTierRow(db: AriaDatabase, athleteId: string): void {
  caches.get(db)?.forget(athleteId);
}

/** Runs a write, then forgets the athlete's row whether or not it succeeded. */
export async function thenForgetTierRow<T>(
  db: AriaDatabase,
  athleteId: string,
  write: Promise<T>,
): Promise<T> {
  try {
    return await write;
  } finally {
    forgetTierRow(db, athleteId);
  }
}
