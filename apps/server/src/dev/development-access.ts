import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '@aria/config';
import { SignJWT } from 'jose';

const secretFileName = 'dev-jwt-secret';

/**
 * The HS256 secret for development when JWT_SECRET is unset: random per machine, kept in
 * the data directory so printed tokens survive restarts. Never used outside development.
 */
export async function developmentJwtSecret(dataDir: string): Promise<string> {
  const path = join(dataDir, secretFileName);
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}

export async function signDevelopmentToken(
  secret: string,
  auth: Config['auth'],
  claims: { sub: string; role: 'athlete' | 'coach' | 'admin' },
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

export function developmentBanner(baseUrl: string, token: string, athleteId: string): string {
  return [
    '',
    `Aria is serving on ${baseUrl} (embedded mode: PGlite, in-process store, built-in coach)`,
    `Development token for ${athleteId} (valid 30 days):`,
    `  ${token}`,
    'Try:',
    `  curl -s -H "Authorization: Bearer ${token}" ${baseUrl}/trpc/health`,
    '',
  ].join('\n');
}
