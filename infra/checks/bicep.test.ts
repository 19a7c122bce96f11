import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { envVariableNames } from '@aria/config';
import { describe, expect, it } from 'vitest';
import { assignedParams, bracketProblems, declaredParams } from './bicep-source.js';
import { listFiles, readRepoFile, repoDir, secretLookingValues } from './files.js';

/*
 * What this can check without the Bicep compiler (it is a .NET binary downloaded from
 * outside the registries this machine reaches, and no npm or Debian package carries it):
 * structure, references between files, parameter files against the templates, environment
 * variable names against the config schema, and that no secret is written anywhere.
 * GitHub CI compiles and lints the same files with `az bicep build` / `az bicep lint`.
 */

const bicepFiles = await listFiles('infra/bicep', '.bicep');
const paramFiles = await listFiles('infra/bicep', '.bicepparam');
const read = (path: string) => readRepoFile(path);

describe('Bicep templates (static checks; compiled in GitHub CI)', () => {
  it('are the expected files', () => {
    expect(bicepFiles).toEqual([
      'infra/bicep/foundation.bicep',
      'infra/bicep/main.bicep',
      'infra/bicep/modules/alerts.bicep',
      'infra/bicep/modules/container-apps.bicep',
      'infra/bicep/modules/keyvault.bicep',
      'infra/bicep/modules/monitoring.bicep',
      'infra/bicep/modules/postgres.bicep',
      'infra/bicep/modules/redis.bicep',
    ]);
    expect(paramFiles).toEqual([
      'infra/bicep/env/production.bicepparam',
      'infra/bicep/env/staging.bicepparam',
    ]);
  });

  it.each([...bicepFiles, ...paramFiles])(
    '%s has balanced brackets and closed strings',
    async (path) => {
      const source = await read(path);
      expect(bracketProblems(source)).toEqual([]);
      // BCP138: a for-expression may not be an argument of a function call.
      expect(source).not.toMatch(/[(,]\s*\[\s*for\b/);
    },
  );

  it('the bracket reader finds what it should (the check can fail)', () => {
    expect(bracketProblems('var a = { b: [1, 2 }')).not.toEqual([]);
    expect(bracketProblems("var a = 'x${y'")).not.toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep interpolation, not JavaScript
    expect(bracketProblems("var a = '${b}-${c[0]}' // }")).toEqual([]);
  });

  it.each(bicepFiles)('%s references modules that exist and dated API versions', async (path) => {
    const source = await read(path);
    for (const [, module = ''] of source.matchAll(/^module\s+\w+\s+'([^']+)'/gm)) {
      expect(existsSync(join(repoDir, dirname(path), module)), `${path} → ${module}`).toBe(true);
    }
    for (const [, type = '', version = ''] of source.matchAll(
      /resource\s+\w+\s+'([^'@]+)@([^']+)'/g,
    )) {
      expect(version, type).toMatch(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
    }
  });

  it.each(paramFiles)(
    '%s sets every required parameter of main.bicep and nothing unknown',
    async (path) => {
      const params = declaredParams(await read('infra/bicep/main.bicep'));
      const source = await read(path);
      expect(source).toMatch(/^using '\.\.\/main\.bicep'$/m);
      const assigned = assignedParams(source);
      for (const name of assigned.keys())
        expect([...params.keys()], `${path}: ${name}`).toContain(name);
      for (const [name, { hasDefault }] of params) {
        if (!hasDefault) expect([...assigned.keys()], `${path} must set ${name}`).toContain(name);
      }
      for (const [name, { secure }] of params) {
        const value = assigned.get(name);
        if (secure && value !== undefined) {
          expect(value, `${path}: secure ${name}`).toMatch(
            /^readEnvironmentVariable\('[A-Z_]+'\)$/,
          );
        }
      }
    },
  );

  it('the secret scan finds planted values (the check can fail)', () => {
    expect(
      secretLookingValues("value: 'postgres://aria:hunter2hunter2@db:5432/aria'"),
    ).toHaveLength(1);
    expect(secretLookingValues("value: 'sk-proj-abcdefghijklmnopqrstuvwxyz'")).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep interpolation, not JavaScript
    expect(secretLookingValues("value: 'postgres://aria:${password}@db'")).toEqual([]);
  });

  it.each([...bicepFiles, ...paramFiles])('%s contains no secret value', async (path) => {
    expect(secretLookingValues(await read(path))).toEqual([]);
  });

  it('gives the apps only environment variables the config schema reads', async () => {
    const source = await read('infra/bicep/modules/container-apps.bicep');
    const sidecar = new Set(['SRH_MODE', 'SRH_TOKEN', 'SRH_CONNECTION_STRING']);
    const names = [...source.matchAll(/\{\s*(?:name|env):\s*'([A-Z][A-Z0-9_]+)'/g)].map(
      (m) => m[1] ?? '',
    );
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      if (!sidecar.has(name)) expect(envVariableNames, name).toContain(name);
    }
    const params = await Promise.all(paramFiles.map(read));
    for (const [, env = ''] of params.join('\n').matchAll(/env:\s*'([A-Z0-9_]+)'/g)) {
      expect(envVariableNames, env).toContain(env);
    }
  });

  it('probes the three health endpoints, migrates with the bundled command, keeps the worker off', async () => {
    const apps = await read('infra/bicep/modules/container-apps.bicep');
    for (const probe of ['Startup', 'Liveness', 'Readiness'])
      expect(apps).toContain(`type: '${probe}'`);
    for (const path of ['/health/startup', '/health/live', '/health/ready']) {
      expect(apps).toContain(`path: '${path}'`);
    }
    expect(apps).toContain("command: ['node', 'dist/migrate.js']");
    expect(apps).toContain("{ name: 'MIGRATE_ON_START', value: 'false' }");
    expect(apps).toMatch(/http:\s*\{\s*metadata:\s*\{\s*concurrentRequests/);
    expect(apps).toContain(
      "resource worker 'Microsoft.App/containerApps@2024-03-01' = if (deployWorker)",
    );
    for (const path of paramFiles) expect(await read(path)).toContain('param deployWorker = false');
  });

  it('reads every secret from Key Vault through the user-assigned identity', async () => {
    const apps = await read('infra/bicep/modules/container-apps.bicep');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep interpolation, not JavaScript
    expect(apps).toContain("keyVaultUrl: '${keyVaultUri}secrets/${item.secret}'");
    expect(apps).toContain('identity: identityId');
    expect(apps).not.toMatch(/\bvalue:\s*(jwt|secret|password|token)/i);
    const foundation = await read('infra/bicep/foundation.bicep');
    expect(foundation).toContain("'Microsoft.ManagedIdentity/userAssignedIdentities@");
    const vault = await read('infra/bicep/modules/keyvault.bicep');
    expect(vault).toContain('enableRbacAuthorization: true');
  });

  it('alerts on the service name the apps report', async () => {
    const apps = await read('infra/bicep/modules/container-apps.bicep');
    const serviceName = /name: 'OTEL_SERVICE_NAME', value: '([^']+)'/.exec(apps)?.[1];
    expect(serviceName).toBe('aria-api');
    const alerts = await read('infra/bicep/modules/alerts.bicep');
    const roles = [...alerts.matchAll(/AppRoleName == "([^"]+)"/g)].map((m) => m[1]);
    expect(roles.length).toBeGreaterThan(3);
    for (const role of roles) expect(role).toBe(serviceName);
  });
});
