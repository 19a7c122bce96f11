import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bench',
    include: ['src/**/*.test.ts'],
    // The smoke run pins servers and load to cores: it runs after every other file, alone.
    maxWorkers: 1,
    sequence: { groupOrder: 1 },
  },
});
