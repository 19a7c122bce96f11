import { defineConfig } from 'vitest/config';

// One run over every package; the JSON report is what .ci/run reads for its summary line.
// Most test files wait on servers, PostgreSQL and child processes, so two or three run at
// once even on two cores; the bench project asks for a worker of its own (its config).
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'infra', 'bench'],
    maxWorkers: 3,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
