import { hash, randomBytes } from 'node:crypto';
import { type ApiKeySummary, findApiKeyByHash, insertApiKey, touchApiKeyLastUsed } from '@aria/db';
import type { ApiDeps } from '../context.js';
import { degradeTo } from '../resilience/degradation.js';
import { encodeBase58 } from './base58.js';
import { type ApiKeyScope, apiKeyScopes, type UserIdentity } from './identity.js';
import { unauthorized } from './unauthorized.js';

/** Every key Aria issues starts with this; anything else in X-API-Key is not an Aria key. */
export const ariaApiKeyPrefix = 'aria_sk_';
/** How many leading characters are stored in clear and shown in listings (`aria_sk_ab12`). */
export const apiKeyStartLength = 12;
/** `lastUsedAt` is written at most once per key per this many seconds. */
export const lastUsedWriteIntervalSeconds = 300;
export const defaultApiKeyScopes: readonly ApiKeyScope[] = ['read', 'write'];

/** 32 random bytes in base58 are 32–44 characters; anything else is refused unread. */
const ariaApiKeyPattern = /^aria_sk_[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export interface GeneratedApiKey {
  /** The secret, shown to its owner once. */
  readonly key: string;
  /** sha256 hex of `key`: the only form stored. */
  readonly keyHash: string;
  readonly start: string;
}

export function generateApiKey(): GeneratedApiKey {
  const key = ariaApiKeyPrefix + encodeBase58(randomBytes(32));
  return { key, keyHash: hashApiKey(key), start: key.slice(0, apiKeyStartLength) };
}

export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

export function isAriaApiKey(value: string): boolean {
  return value.startsWith(ariaApiKeyPrefix);
}

export interface IssueApiKeyInput {
  readonly ownerId: string;
  readonly name: string;
  readonly scopes?: readonly ApiKeyScope[] | undefined;
  readonly expiresAt?: Date | undefined;
}

/** A newly issued key: its summary, plus the secret `key` (this is the only time it exists). */
export type IssuedApiKey = ApiKeySummary & { readonly key: string };

/** Creates a key for `ownerId` (an existing athlete; else a 23503 foreign-key error). */
export async function issueApiKey(
  deps: Pick<ApiDeps, 'db' | 'now'>,
  input: IssueApiKeyInput,
): Promise<IssuedApiKey> {
  const generated = generateApiKey();
  const scopes = apiKeyScopes.filter((scope) =>
    (input.scopes ?? defaultApiKeyScopes).includes(scope),
  );
  const summary = await insertApiKey(deps.db, {
    keyHash: generated.keyHash,
    start: generated.start,
    name: input.name,
    ownerId: input.ownerId,
    scopes,
    expiresAt: input.expiresAt ?? null,
    createdAt: deps.now(),
  });
  return { ...summary, key: generated.key };
}

/**
 * The identity of an Aria API key (its owner, as an athlete, with the key's scopes), or a
 * 401: `api_key_invalid` (malformed or unknown), `api_key_revoked`, `api_key_expired`.
 */
export async function verifyApiKey(
  deps: Pick<ApiDeps, 'db' | 'kv' | 'now' | 'degradation'>,
  key: string,
): Promise<UserIdentity> {
  if (!ariaApiKeyPattern.test(key)) throw unauthorized('api_key_invalid');
  const row = await findApiKeyByHash(deps.db, hashApiKey(key));
  if (!row) throw unauthorized('api_key_invalid');
  if (row.revokedAt) throw unauthorized('api_key_revoked');
  const now = deps.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    throw unauthorized('api_key_expired');
  }
  await recordApiKeyUse(deps, row.id, now);
  return {
    kind: 'user',
    userId: row.ownerId,
    role: 'athlete',
    via: 'api_key',
    scopes: apiKeyScopes.filter((scope) => row.scopes.includes(scope)),
    apiKeyId: row.id,
  };
}

export const lastUsedMarkerKey = (apiKeyId: string) => `auth:api-key:last-used:${apiKeyId}`;

/**
 * Keeps `lastUsedAt` roughly current without a database write per request: a marker with a
 * TTL of `lastUsedWriteIntervalSeconds` is created by an atomic `increment`, and only the
 * call that creates it (the counter reads 1) writes the column. So the column is at most
 * that many seconds behind, and concurrent requests cannot both write. Without Redis the
 * column is left as it is (a write per request would load the database instead).
 */
async function recordApiKeyUse(
  deps: Pick<ApiDeps, 'db' | 'kv' | 'degradation'>,
  apiKeyId: string,
  now: Date,
): Promise<void> {
  const marker = () =>
    deps.kv.increment(lastUsedMarkerKey(apiKeyId), { ttlSeconds: lastUsedWriteIntervalSeconds });
  const uses = await degradeTo(deps.degradation, 'api_key_last_used', marker, 0);
  if (uses === 1) await touchApiKeyLastUsed(deps.db, apiKeyId, now);
}
