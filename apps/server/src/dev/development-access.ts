import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UserRole } from '@aria/api';
import type { Config } from '@aria/config';
import { SignJWT } from 'jose';

/**
 * A random secret kept in the data directory so it survives restarts: the HS256 secret
 * when JWT_SECRET is unset, the service key when INTERNAL_API_KEY is unset. Development only.
 */
async function developmentSecret(dataDir: string, fileName: string): Promise<string> {
  const path = join(dataDir, fileName);
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}

export const developmentJwtSecret = (dataDir: string) =>
  developmentSecret(dataDir, 'dev-jwt-secret');

export const developmentInternalApiKey = (dataDir: string) =>
  developmentSecret(dataDir, 'dev-internal-api-key');

/**
 * The config the server runs with: in development an unset INTERNAL_API_KEY is filled with
 * the generated one, so the service role can be tried like the others.
 */
export async function withDevelopmentCredentials(config: Config): Promise<Config> {
  if (config.nodeEnv !== 'development' || config.auth.internalApiKey) return config;
  const internalApiKey = await developmentInternalApiKey(config.dataDir);
  return Object.freeze({ ...config, auth: Object.freeze({ ...config.auth, internalApiKey }) });
}

export async function signDevelopmentToken(
  secret: string,
  auth: Config['auth'],
  claims: { sub: string; role: UserRole },
): Promise<string> {
  let jwt = new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime('30d');
  if (auth.issuer) jwt = jwt.setIssuer(auth.issuer);
  if (auth.audience) jwt = jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

export const credentialRoles = ['athlete', 'coach', 'admin', 'service'] as const;
export type CredentialRole = (typeof credentialRoles)[number];

export interface DevelopmentCredential {
  /** The header that carries it. */
  readonly header: 'Authorization' | 'X-API-Key';
  /** The header's value (`Bearer <JWT>` or the key). */
  readonly value: string;
  /** The bare token or key. */
  readonly secret: string;
}

export class DevelopmentOnlyError extends Error {}

/**
 * A working credential for `role` on this machine's development server: a JWT signed with
 * JWT_SECRET (or the generated development secret) for a user role, the internal key for
 * `service`. Refused outside development, where tokens come from TrackLit.
 */
export async function developmentCredential(
  config: Config,
  role: CredentialRole,
  sub: string,
): Promise<DevelopmentCredential> {
  if (config.nodeEnv !== 'development') {
    throw new DevelopmentOnlyError(
      `development credentials only: NODE_ENV is ${config.nodeEnv}; real tokens come from TrackLit`,
    );
  }
  if (role === 'service') {
    const { auth } = await withDevelopmentCredentials(config);
    const key = auth.internalApiKey ?? '';
    return { header: 'X-API-Key', value: key, secret: key };
  }
  const secret = config.auth.jwtSecret ?? (await developmentJwtSecret(config.dataDir));
  const token = await signDevelopmentToken(secret, config.auth, { sub, role });
  return { header: 'Authorization', value: `Bearer ${token}`, secret: token };
}

/** Each part as it runs, named for the banner. */
export function describeMode(config: Config): Record<string, string> {
  const onOff = (on: boolean) => (on ? 'on' : 'off');
  return {
    database: config.database.url ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)',
    store: config.redis ? 'Redis over Upstash REST' : 'in-process store',
    coach: config.openai.apiKey ? `OpenAI (${config.openai.model})` : 'built-in coach',
    Stripe: onOff(config.stripe.secretKey !== undefined),
    Terra: onOff(config.terra.apiKey !== undefined),
  };
}

export interface BannerOptions {
  readonly baseUrl: string;
  readonly config: Config;
  readonly athleteId: string;
  readonly token: string;
  /** The athlete's latest plan, for the `plans.today` example. */
  readonly planId: string | undefined;
}

export function developmentBanner(options: BannerOptions): string {
  const { baseUrl, athleteId, token, planId } = options;
  const mode = Object.entries(describeMode(options.config)).map(
    ([part, what]) => `  ${part.padEnd(9)}${what}`,
  );
  const auth = '-H "Authorization: Bearer $ARIA_TOKEN"';
  const input = planId
    ? `?input=${encodeURIComponent(JSON.stringify({ json: { id: planId } }))}`
    : '';
  return [
    '',
    `Aria is serving on ${baseUrl}`,
    ...mode,
    '',
    `Development token for ${athleteId} (star tier, valid 30 days):`,
    `  export ARIA_TOKEN=${token}`,
    'Other roles: pnpm run token --role coach|admin|service|athlete [--sub ID]',
    'Try:',
    `  curl -s ${auth} ${baseUrl}/v1/training/load`,
    `  curl -s ${auth} ${baseUrl}/v1/wearables/readiness`,
    ...(planId ? [`  curl -s ${auth} '${baseUrl}/trpc/plans.today${input}'`] : []),
    `  open ${baseUrl}/docs`,
    '',
  ].join('\n');
}
