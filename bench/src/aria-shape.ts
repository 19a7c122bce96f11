// One Aria bundle started in one of the profiling shapes, with what a target needs: the service
// read's athlete, and for the metered read a pool of star athletes large enough for `requests`.
import { join } from 'node:path';
import { createTestDatabase } from '../../packages/db/src/testing/test-database.js';
import { startUpstashBridge } from '../../packages/integrations/src/testing/upstash-bridge.js';
import { callsPerAthlete, provisionAthletes, provisionPool, type Secrets } from './pool.js';
import { ariaEnv, type BenchProcess, startAria } from './processes.js';
import { settings } from './settings.js';
import type { Shape, Target } from './targets.js';

export interface ShapedAria {
  readonly aria: BenchProcess;
  /** The metered target's tokens, each good for `callsPerAthlete` of the `requests`. */
  readonly bearerTokens: string[] | undefined;
  /** Stops Aria, then drops its database and closes its bridge. */
  stop(): Promise<void>;
}

export interface ShapedAriaOptions {
  readonly name: string;
  readonly mainJs: string;
  /** Aria's data folder, start-up log and working directory go here. */
  readonly workDir: string;
  readonly shape: Shape;
  readonly target: Target;
  readonly secrets: Secrets;
  readonly serviceAthleteId: string;
  /** How many requests the metered pool must carry. */
  readonly requests: number;
  readonly nodeArgs?: readonly string[];
}

export async function startShapedAria(options: ShapedAriaOptions): Promise<ShapedAria> {
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of [...stops].reverse()) await step();
  };
  try {
    const env: Record<string, string> = {
      ...ariaEnv(options.secrets, settings.logLevel),
      ARIA_DATA_DIR: join(options.workDir, 'data'),
    };
    if (options.shape !== 'embedded') {
      const database = await createTestDatabase(settings.databaseUrl);
      stops.push(() => database.drop());
      env.DATABASE_URL = database.url;
    }
    if (options.shape === 'prod') {
      const bridge = await startUpstashBridge({ redisUrl: settings.redisUrl });
      stops.push(() => bridge.close());
      env.UPSTASH_REDIS_REST_URL = bridge.url;
      env.UPSTASH_REDIS_REST_TOKEN = bridge.token;
    }
    const aria = await startAria(
      options.name,
      options.mainJs,
      options.workDir,
      env,
      options.nodeArgs ?? [],
    );
    stops.push(() => aria.stop());
    await provisionAthletes(aria.port, options.secrets, [options.serviceAthleteId]);
    const bearerTokens =
      'metered' in options.target
        ? await provisionPool(
            aria.port,
            options.secrets,
            `${options.serviceAthleteId}-`,
            Math.ceil(options.requests / callsPerAthlete),
          )
        : undefined;
    return { aria, bearerTokens, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
