import { and, desc, eq, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { type ApiKey, apiKeys, type NewApiKey } from '../schema/api-keys.js';

/** An API key as it may be shown to its owner: never the hash, never the key. */
export type ApiKeySummary = Omit<ApiKey, 'keyHash'>;

const summaryColumns = {
  id: apiKeys.id,
  start: apiKeys.start,
  name: apiKeys.name,
  ownerId: apiKeys.ownerId,
  scopes: apiKeys.scopes,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  createdAt: apiKeys.createdAt,
} as const;

/** Stores a new key (its sha256 hash only). Rejects with a 23503 cause for an unknown owner. */
export async function insertApiKey(db: AriaDatabase, values: NewApiKey): Promise<ApiKeySummary> {
  const [row] = await db.insert(apiKeys).values(values).returning(summaryColumns);
  if (!row) throw new Error('insert into api_keys returned no row');
  return row;
}

/** The key whose sha256 hex is `keyHash`, revoked and expired ones included. */
export async function findApiKeyByHash(
  db: AriaDatabase,
  keyHash: string,
): Promise<ApiKey | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1);
  return row;
}

/** Every key of an owner, newest first, revoked and expired ones included. */
export async function listApiKeys(db: AriaDatabase, ownerId: string): Promise<ApiKeySummary[]> {
  return db
    .select(summaryColumns)
    .from(apiKeys)
    .where(eq(apiKeys.ownerId, ownerId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/**
 * Revokes the key `id` if `ownerId` owns it; a key revoked earlier keeps its first
 * `revokedAt` (idempotent). Resolves to undefined when no such key belongs to the owner.
 */
export async function revokeApiKey(
  db: AriaDatabase,
  input: { readonly id: string; readonly ownerId: string; readonly at: Date },
): Promise<ApiKeySummary | undefined> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${input.at.toISOString()}::timestamptz)` })
    .where(and(eq(apiKeys.id, input.id), eq(apiKeys.ownerId, input.ownerId)))
    .returning(summaryColumns);
  return row;
}

/** Records that the key was used at `at` (callers throttle this; see auth/api-keys.ts). */
export async function touchApiKeyLastUsed(db: AriaDatabase, id: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}
