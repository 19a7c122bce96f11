import { fileURLToPath } from 'node:url';

/** `packages/db/migrations`, resolved from this file so it works from any working directory. */
export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
