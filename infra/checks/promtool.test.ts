import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testServices } from '@aria/config/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepoFile, repoDir } from './files.js';

/**
 * Prometheus's own validator over the alert rules and the scrape config: `promtool` from
 * Debian's `prometheus` package (apt-get install -y prometheus). Without it these checks are
 * skipped with a printed reason, except in CI (`CI=true`), where a missing promtool fails.
 */
const promtool = process.env.PROMTOOL_PATH || '/usr/bin/promtool';
const present = existsSync(promtool);
const run = present || testServices().required;
if (!run) console.warn(`[promtool] skipping: no ${promtool} (apt-get install -y prometheus)`);

async function check(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(promtool, args, { cwd: repoDir });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe.runIf(run)('promtool', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aria-promtool-'));
  });
  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it('passes the alert rules (infra/prometheus/alerts.yml)', async () => {
    const { code, output } = await check(['check', 'rules', 'infra/prometheus/alerts.yml']);
    expect(output).toContain('SUCCESS');
    expect(code, output).toBe(0);
  });

  it('passes the Prometheus config, its container paths pointed at local files', async () => {
    const config = await readRepoFile('infra/prometheus/prometheus.yml');
    // The compose file mounts the rules and the scrape credential at these paths.
    const mounted = {
      '/etc/prometheus/alerts.yml': join(repoDir, 'infra/prometheus/alerts.yml'),
      '/run/secrets/internal_api_key': join(dir, 'internal_api_key'),
    };
    await writeFile(mounted['/run/secrets/internal_api_key'], 'placeholder-key\n');
    let local = config;
    for (const [path, file] of Object.entries(mounted)) {
      expect(config).toContain(path);
      local = local.replace(path, file);
    }
    await writeFile(join(dir, 'prometheus.yml'), local);
    const { code, output } = await check(['check', 'config', join(dir, 'prometheus.yml')]);
    expect(code, output).toBe(0);
  });

  it('fails a broken rule (the check can fail)', async () => {
    const broken = join(dir, 'broken.yml');
    await writeFile(
      broken,
      'groups:\n  - name: broken\n    rules:\n      - alert: Broken\n        expr: sum(rate(x[5m]) >\n',
    );
    const { code, output } = await check(['check', 'rules', broken]);
    expect(code).not.toBe(0);
    expect(output).toMatch(/FAILED|error/i);
  });
});
