import { defineConfig } from 'vitest/config';

// One run over every package; the JSON report is what .ci/run reads for its summary line.
// Most test files wait on servers, PostgreSQL and child processes, so three run at once even
// on two cores (vitest's default there is one). The bench's smoke run does not pin CPUs.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'infra', 'bench'],
    maxWorkers: 3,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
