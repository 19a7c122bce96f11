import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'infra', testTimeout: 30_000 },
});
