import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const infraDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = join(infraDir, '..');

export function readRepoFile(path: string): Promise<string> {
  return readFile(join(repoDir, path), 'utf8');
}

export async function readYaml(path: string): Promise<unknown> {
  return parse(await readRepoFile(path));
}

/** Repository-relative paths of the files under `dir` whose names end with `suffix`. */
export async function listFiles(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(join(repoDir, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(repoDir, join(entry.parentPath, entry.name)))
    .sort();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, ...path: string[]): Record<string, unknown> {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return isRecord(current) ? current : {};
}

/**
 * Values that look like a credential written into a deployment file: long random-looking
 * tokens, private keys, connection strings with a password. Interpolations (`${VAR}`,
 * `${{ secrets.X }}`, Bicep parameters) are not values and never match.
 */
export function secretLookingValues(text: string): string[] {
  const patterns = [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/g,
    /\b(?:postgres(?:ql)?|rediss?):\/\/[^:\s/]+:(?!\$\{)[^@\s]{6,}@/g,
    /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g,
    /\bsk-[A-Za-z0-9_-]{20,}\b/g,
    /\bInstrumentationKey=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
    /\bAccountKey=[A-Za-z0-9+/=]{20,}/g,
    /\baria_sk_[A-Za-z0-9]{10,}\b/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]));
}

/** `package.json` of every workspace package (the importers of pnpm-lock.yaml). */
export async function workspaceManifests(): Promise<string[]> {
  const workspace = await readYaml('pnpm-workspace.yaml');
  const globs = isRecord(workspace) && Array.isArray(workspace.packages) ? workspace.packages : [];
  const manifests: string[] = [];
  for (const glob of globs.map(String)) {
    if (glob.endsWith('/*')) {
      const parent = glob.slice(0, -2);
      const entries = await readdir(join(repoDir, parent), { withFileTypes: true });
      for (const entry of entries) {
        if (entry.isDirectory()) manifests.push(`${parent}/${entry.name}/package.json`);
      }
    } else manifests.push(`${glob}/package.json`);
  }
  return manifests.sort();
}
