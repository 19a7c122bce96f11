/**
 * `pnpm run token --role athlete|coach|admin|service [--sub ID]` (plain `pnpm token` is
 * npm's own command in pnpm 10): prints a credential the
 * development server accepts, alone on stdout (`export ARIA_TOKEN=$(pnpm -s token …)`), and
 * how to send it on stderr. Refused outside development.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@aria/config';
import { demoAthleteId, demoCoachId } from '@aria/db';
import {
  type CredentialRole,
  credentialRoles,
  DevelopmentOnlyError,
  developmentCredential,
} from './development-access.js';

const defaultSubjects: Record<CredentialRole, string> = {
  athlete: demoAthleteId,
  coach: demoCoachId,
  admin: 'demo-admin',
  service: '',
};

const usage = `usage: pnpm run token --role ${credentialRoles.join('|')} [--sub ID]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function isRole(value: string | undefined): value is CredentialRole {
  return credentialRoles.some((role) => role === value);
}

async function main() {
  let values: { role?: string | undefined; sub?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { role: { type: 'string', default: 'athlete' }, sub: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const { role, sub } = values;
  if (!isRole(role)) fail(`unknown role "${role}"\n${usage}`);
  if (role === 'service' && sub !== undefined) {
    fail('the service role has no subject: it names `athleteId` in each call instead');
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`pnpm token: ${error.message}`);
    throw error;
  }
  try {
    const credential = await developmentCredential(config, role, sub ?? defaultSubjects[role]);
    process.stdout.write(`${credential.secret}\n`);
    const how =
      role === 'service'
        ? 'send it as "X-API-Key: <key>" and name "athleteId" in each call'
        : `send it as "Authorization: Bearer <token>" (sub ${sub ?? defaultSubjects[role]}, role ${role}, valid 30 days)`;
    process.stderr.write(`${how}\n`);
  } catch (error) {
    if (error instanceof DevelopmentOnlyError) fail(`pnpm token refused: ${error.message}`);
    throw error;
  }
}

await main();
