import { ConfigError, loadConfig } from '@aria/config';
import { createDb, migrate } from '../client.js';

/** `pnpm db:migrate`: applies pending migrations to the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await createDb(config);
  try {
    await migrate(handle);
    const target =
      handle.driver === 'postgres'
        ? 'Postgres (DATABASE_URL)'
        : `PGlite (${config.dataDir}/pglite)`;
    console.log(`Migrations applied to ${target}.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
