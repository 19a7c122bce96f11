// The bench's settings, from the environment (see ../README.md).

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

function wholeNumberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const value = numberFromEnv(name, fallback, min, max);
  if (!Number.isInteger(value))
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** `BENCH_SMOKE=1`: one second per target, to prove the bench still runs (CI); no numbers to keep. */
const smoke = process.env.BENCH_SMOKE === '1';
const warmupSeconds = smoke ? 0 : numberFromEnv('BENCH_WARMUP', 2, 0, 10);
const durationSeconds = smoke ? 1 : numberFromEnv('BENCH_DURATION', 8, 1, 30);
/** Paired rows: short runs of the row and its anchor, alternated (see `measurePaired`). */
const pairRounds = smoke ? 1 : numberFromEnv('BENCH_PAIR_ROUNDS', 2, 1, 10);
const pairWarmupSeconds = smoke ? 0 : 0.5;
const pairSeconds = smoke ? 1 : numberFromEnv('BENCH_PAIR_SECONDS', 2, 1, 30);
const measuredRuns = 5;
const pairedRows = 11;

export const settings = {
  smoke,
  connections: numberFromEnv('BENCH_CONNECTIONS', 10, 1, 200),
  warmupSeconds,
  durationSeconds,
  pairRounds,
  pairWarmupSeconds,
  pairSeconds,
  constantRate: smoke ? 100 : numberFromEnv('BENCH_RATE', 500, 10, 10_000),
  /** `pnpm bench:profile` (see the README). */
  profile: {
    /** A constant rate instead of as fast as the server answers (0). */
    rate: numberFromEnv('PROFILE_RATE', 0, 0, 10_000),
    /** Rows printed per table. */
    top: wholeNumberFromEnv('PROFILE_TOP', 30, 1, 1_000),
    /** A regular expression: also print the call stacks that reach matching functions. */
    callers: process.env.PROFILE_CALLERS ? new RegExp(process.env.PROFILE_CALLERS) : undefined,
    /** Frames shown per call stack. */
    depth: wholeNumberFromEnv('PROFILE_DEPTH', 8, 1, 100),
  },
  pin: process.env.BENCH_PIN !== '0' && !smoke,
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  databaseUrl:
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  record: process.argv.includes('--record'),
  command: `pnpm bench${process.argv.includes('--record') ? ' --record' : ''}`,
  /** `pnpm bench:instructions` (see its header). */
  instructions: {
    /** Requests before counting: enough for V8 to have compiled the path's hot code. */
    warmup: wholeNumberFromEnv('INSTR_WARMUP', 5_000, 100, 100_000),
    /** Requests per count; each row is counted `rounds` times. */
    requests: wholeNumberFromEnv('INSTR_REQUESTS', 2_000, 100, 100_000),
    /**
     * Counts per row. Work that is not the request's (a major GC, a late compilation) lands
     * in one count now and then and only ever adds, so the smallest count is the request's cost.
     */
    rounds: wholeNumberFromEnv('INSTR_ROUNDS', 3, 1, 20),
    /** `INSTR_ROWS=live,tiers`: the row ids to count; all when empty. */
    rows: (process.env.INSTR_ROWS ?? '').split(',').filter(Boolean),
  },
  /** `pnpm bench:compare` (see the README). */
  compare: {
    /** Where the command was typed (pnpm runs the script in bench/): the other checkout's base. */
    invokedFrom: process.env.INIT_CWD ?? process.cwd(),
    /** Rounds of one run each of the two builds, in alternating order. */
    rounds: wholeNumberFromEnv('COMPARE_ROUNDS', 10, 1, 100),
    /** Measured seconds per run, after half a second of warm-up. */
    seconds: numberFromEnv('COMPARE_SECONDS', 2, 1, 30),
    /** Node options for this checkout's server only: one build against itself, flags A/B. */
    thisNodeArgs: (process.env.COMPARE_NODE_ARGS ?? '').split(' ').filter(Boolean),
  },
  /** A hard bound on the whole run: build, start-ups, pools, then each measured run. */
  budgetSeconds:
    120 +
    measuredRuns * (warmupSeconds + durationSeconds + 6) +
    pairedRows * (warmupSeconds + 3 + pairRounds * 4 * (pairWarmupSeconds + pairSeconds + 3)),
};
