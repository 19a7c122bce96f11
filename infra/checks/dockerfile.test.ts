import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from './dockerignore.js';
import { readRepoFile, repoDir, workspaceManifests } from './files.js';

// A static check: there is no Docker engine here, so `docker build` runs in GitHub CI only.
const source = await readRepoFile('Dockerfile');
const dockerfile = DockerfileParser.parse(source);
const instructions = dockerfile.getInstructions();
const ignoreRules = parseDockerignore(await readRepoFile('.dockerignore'));

/** Instructions grouped by build stage (each starts at its FROM). */
function stages(): Instruction[][] {
  const grouped: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') grouped.push([]);
    grouped.at(-1)?.push(instruction);
  }
  return grouped;
}

const args = (instruction: Instruction) => instruction.getArgumentsContent() ?? '';
const finalStage = stages().at(-1) ?? [];
const keyword = (name: string) => (instruction: Instruction) => instruction.getKeyword() === name;

describe('Dockerfile', () => {
  it('has no errors or warnings from dockerfile-utils', () => {
    const problems = validate(source).map(
      (diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`,
    );
    expect(problems).toEqual([]);
  });

  it('builds in one stage and runs Node 22 slim in another', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const nodeVersion = dockerfile
      .getInitialARGs()
      .find((arg) => arg.getProperty()?.getName() === 'NODE_VERSION');
    expect(nodeVersion?.getProperty()?.getValue()).toBe('22');
    for (const from of froms) {
      expect(from.getImageName()).toBe('node');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile ARG reference, not JavaScript
      expect(from.getImageTag()).toBe('${NODE_VERSION}-bookworm-slim');
    }
  });

  it('runs as the unprivileged node user, with exec-form CMD node dist/main.js', () => {
    const users = finalStage.filter(keyword('USER')).map(args);
    expect(users.at(-1)).toBe('node');
    const cmd = finalStage.filter(keyword('CMD')).map(args).at(-1) ?? '';
    expect(JSON.parse(cmd)).toEqual(['node', '--enable-source-maps', 'dist/main.js']);
  });

  it('checks liveness with node fetch on /health/live, and never installs curl or wget', () => {
    const healthchecks = dockerfile.getHEALTHCHECKs();
    expect(healthchecks).toHaveLength(1);
    const check = args(healthchecks[0] as Instruction);
    expect(check).toContain('"node"');
    expect(check).toContain('/health/live');
    expect(check).toContain('fetch(');
    const commands = instructions.map(args).join('\n');
    expect(commands).not.toMatch(/\b(curl|wget)\b/);
  });

  it('installs ffmpeg from Debian in the runtime stage, for the key frames of sprint videos', () => {
    const runs = finalStage.filter(keyword('RUN')).map(args).join('\n');
    expect(runs).toMatch(/apt-get install -y --no-install-recommends ffmpeg/);
    expect(runs).toContain('rm -rf /var/lib/apt/lists/*');
  });

  it('copies only the bundle into the runtime stage, which migrate.js and main.js come from', () => {
    const copies = finalStage.filter(keyword('COPY'));
    expect(copies.map((copy) => copy.getTextContent())).toEqual([
      'COPY --from=build /repo/apps/server/dist ./dist',
    ]);
    const build = stages()[0]?.map(args) ?? [];
    expect(build).toContain('pnpm --filter @aria/server build --minify');
  });

  it('sends the sources the build needs and nothing secret in the build context', async () => {
    const needed = [
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      'apps/server/build.ts',
      'apps/server/src/main.ts',
      'packages/db/src/cli/migrate.ts',
      'packages/db/migrations/meta/_journal.json',
      // Every importer of the lockfile, for `pnpm install --frozen-lockfile`.
      ...(await workspaceManifests()),
    ];
    for (const path of needed) {
      expect(existsSync(join(repoDir, path)), `${path} exists`).toBe(true);
      expect(isIgnored(ignoreRules, path), `${path} is in the build context`).toBe(false);
    }
    for (const path of [
      '.env',
      'infra/.env',
      '.git/config',
      'node_modules/x',
      'apps/server/node_modules/x',
      'apps/server/dist/main.js',
      '.aria/pglite/PG_VERSION',
      'infra/bicep/main.bicep',
    ]) {
      expect(isIgnored(ignoreRules, path), `${path} stays out of the build context`).toBe(true);
    }
  });
});
