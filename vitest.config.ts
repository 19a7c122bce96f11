import { defineConfig } from 'vitest/config';

// One run over every package; the JSON report is what .ci/run reads for its summary line.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'infra', 'bench'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
