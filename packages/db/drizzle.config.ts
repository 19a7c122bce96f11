import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; no database connection is configured here on purpose.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  casing: 'snake_case',
});
