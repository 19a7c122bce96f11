// Athletes for the metered JWT targets. Each is created by one real call with its own token, then
// put on the star tier by the service key, so a run measures successful metered reads, not 429s:
// a star athlete may make 50 calls a minute (one of them spent here).
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { host } from './processes.js';

/** Calls one pool athlete may carry in a run, below the star tier's 50 a minute. */
export const callsPerAthlete = 40;

export interface Secrets {
  readonly jwtSecret: string;
  readonly internalApiKey: string;
}

/** Fresh credentials for one run: the servers it starts and its own calls share them. */
export function newSecrets(): Secrets {
  return {
    jwtSecret: randomBytes(32).toString('hex'),
    internalApiKey: randomBytes(24).toString('hex'),
  };
}

/**
 * A tRPC GET query of one athlete, superjson-encoded: Aria's `athletes.get` as the service key
 * reads it, or `procedure` (the anchors' stock tRPC read).
 */
export function serviceReadPath(athleteId: string, procedure = 'athletes.get'): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: { athleteId } }))}`;
}

export function signAthleteToken(secrets: Secrets, sub: string): Promise<string> {
  return new SignJWT({ role: 'athlete' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secrets.jwtSecret));
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok)
    throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
}

/** Creates `count` star-tier athletes named `<prefix><n>` on the server at `port`; answers their tokens. */
export function provisionPool(
  port: number,
  secrets: Secrets,
  prefix: string,
  count: number,
): Promise<string[]> {
  return provisionAthletes(
    port,
    secrets,
    Array.from({ length: count }, (_, n) => `${prefix}${n}`),
  );
}

/** Creates each athlete by a call with its own token and puts it on star; answers the tokens. */
export async function provisionAthletes(
  port: number,
  secrets: Secrets,
  ids: readonly string[],
): Promise<string[]> {
  const tokens = await Promise.all(ids.map((id) => signAthleteToken(secrets, id)));
  const base = `http://${host}:${port}`;
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const n = next++;
      await expectOk(
        await fetch(`${base}/trpc/athletes.get`, {
          headers: { authorization: `Bearer ${tokens[n]}` },
        }),
        'provisioning an athlete',
      );
      await expectOk(
        await fetch(`${base}/v1/billing/tier`, {
          method: 'PUT',
          headers: { 'x-api-key': secrets.internalApiKey, 'content-type': 'application/json' },
          body: JSON.stringify({ athleteId: ids[n], tier: 'star' }),
        }),
        'setting a pool athlete on star',
      );
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return tokens;
}
