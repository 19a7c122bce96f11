import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'client',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // dist/ is built once for the tests that read it (declaration scan, packed consumer).
    globalSetup: ['./tools/build-for-tests.ts'],
  },
});
