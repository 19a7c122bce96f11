// `pnpm bench`: Aria's request paths as ratios of anchors measured in the same run — a bare Hono
// route, stock tRPC and Hono + postgres.js — with Aria in production shape (its built bundle, real
// PostgreSQL, Redis through the Upstash REST bridge) and, for reference, embedded (PGlite and the
// in-process store). See ../README.md. `--record` appends the run to bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../apps/server/build.js';
import { createTestDatabase } from '../../packages/db/src/testing/test-database.js';
import { startUpstashBridge } from '../../packages/integrations/src/testing/upstash-bridge.js';
import type { LoadResult } from './load-protocol.js';
import {
  type LoadGenerator,
  type Pinning,
  pinProcesses,
  startLoadGenerator,
} from './load-runner.js';
import {
  callsPerAthlete,
  newSecrets,
  provisionAthletes,
  provisionPool,
  serviceReadPath,
} from './pool.js';
import {
  ariaEnv,
  type BenchProcess,
  exitWhenDone,
  host,
  startAnchors,
  startAria,
} from './processes.js';
import {
  okShare,
  type Row,
  ratioToBare,
  ratioToPgAnchor,
  type Target,
  table,
  targetsText,
} from './report.js';
import { settings } from './settings.js';

const secrets = newSecrets();
/** Per run: Redis outlives the run's database, and a known-athlete mark must not point at nothing. */
const runId = randomBytes(4).toString('hex');
const serviceAthleteId = `bench-${runId}-service`;

interface Measure {
  readonly name: string;
  readonly process: BenchProcess;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly bearerTokens?: readonly string[];
  readonly readsDatabase?: boolean;
  readonly baseline?: boolean;
  readonly constantRate?: number;
}

async function probe(m: Measure): Promise<void> {
  const response = await fetch(`http://${host}:${m.process.port}${m.path}`, {
    headers: m.headers ?? {},
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) {
    throw new Error(`${m.name}: probe answered ${response.status}: ${await response.text()}`);
  }
}

interface Timing {
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
}

const fullRun: Timing = {
  warmupSeconds: settings.warmupSeconds,
  durationSeconds: settings.durationSeconds,
};
const pairedRun: Timing = {
  warmupSeconds: settings.pairWarmupSeconds,
  durationSeconds: settings.pairSeconds,
};

async function measure(
  load: LoadGenerator,
  m: Measure,
  timing: Timing = fullRun,
  quiet = false,
): Promise<Row> {
  if (!m.bearerTokens) await probe(m);
  let cpuAtStart = m.process.cpuSeconds();
  let startedAt = performance.now();
  const result = await load.run(
    {
      url: `http://${host}:${m.process.port}${m.path}`,
      headers: m.headers ?? {},
      ...(m.bearerTokens ? { bearerTokens: m.bearerTokens } : {}),
      ...(m.constantRate ? { overallRate: m.constantRate } : {}),
      connections: settings.connections,
      ...timing,
      timeoutSeconds: 5,
    },
    () => {
      cpuAtStart = m.process.cpuSeconds();
      startedAt = performance.now();
    },
  );
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const serverCpu = wallSeconds > 0 ? (m.process.cpuSeconds() - cpuAtStart) / wallSeconds : 0;
  const requestsPerSecond =
    result.durationSeconds > 0 ? result.responses / result.durationSeconds : 0;
  const row: Row = {
    name: m.name,
    server: m.process.name,
    result,
    requestsPerSecond,
    serverCpu,
    ...(m.readsDatabase ? { readsDatabase: true } : {}),
    ...(m.baseline ? { baseline: true } : {}),
    ...(m.constantRate ? { constantRate: m.constantRate } : {}),
  };
  if (quiet) return row;
  console.log(
    `  ${m.process.name.padEnd(10)} ${m.name}: ${requestsPerSecond.toFixed(0)} req/s, ` +
      `p99 ${result.latencyP99Ms} ms` +
      (result.maxRequestsPerToken
        ? `, at most ${result.maxRequestsPerToken} calls per athlete`
        : ''),
  );
  return row;
}

/**
 * A row measured beside its anchor: `settings.pairRounds` rounds of short runs in the order
 * anchor, row, row, anchor. A machine that speeds up or slows down during the bench moves
 * both alike, so their ratio holds where a bare run at each end of the whole bench cannot
 * see a change in between. Rates are total responses over total measured time; p50 is the
 * median of the runs' p50, p99 the highest of their p99.
 */
async function measurePaired(
  load: LoadGenerator,
  m: Measure,
  anchor: Measure,
  warmedUp = false,
): Promise<Row> {
  const rows: Row[] = [];
  const anchors: Row[] = [];
  if (settings.warmupSeconds > 0 && !warmedUp) {
    // The row's code is compiled and its pools are full before the first measured run.
    await measure(load, m, { warmupSeconds: 0, durationSeconds: settings.warmupSeconds }, true);
  }
  for (let round = 0; round < settings.pairRounds; round += 1) {
    anchors.push(await measure(load, anchor, pairedRun, true));
    rows.push(await measure(load, m, pairedRun, true));
    rows.push(await measure(load, m, pairedRun, true));
    anchors.push(await measure(load, anchor, pairedRun, true));
  }
  const anchorRps = combined(anchors).requestsPerSecond;
  const row: Row = {
    ...combined(rows),
    pairedWith: { anchor: anchor.readsDatabase ? 'pg' : 'bare', requestsPerSecond: anchorRps },
  };
  console.log(
    `  ${m.process.name.padEnd(10)} ${m.name}: ${row.requestsPerSecond.toFixed(0)} req/s ` +
      `beside ${anchorRps.toFixed(0)} (${anchor.name}): ${(row.requestsPerSecond / anchorRps).toFixed(3)}, ` +
      `p99 ${row.result.latencyP99Ms} ms`,
  );
  return row;
}

/** Several runs of one target as one row (see `measurePaired`). */
function combined(runs: readonly Row[]): Row {
  const [first] = runs;
  if (!first) throw new Error('no runs to combine');
  const sum = (pick: (result: LoadResult) => number) =>
    runs.reduce((total, run) => total + pick(run.result), 0);
  const statusCodes: Record<string, number> = {};
  for (const run of runs) {
    for (const [code, count] of Object.entries(run.result.statusCodes)) {
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }
  }
  const p50s = runs.map((run) => run.result.latencyP50Ms).sort((a, b) => a - b);
  const durationSeconds = sum((r) => r.durationSeconds);
  const maxPerToken = Math.max(0, ...runs.map((run) => run.result.maxRequestsPerToken ?? 0));
  const result: LoadResult = {
    durationSeconds,
    responses: sum((r) => r.responses),
    ok2xx: sum((r) => r.ok2xx),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes,
    latencyP50Ms: p50s[Math.floor(p50s.length / 2)] ?? 0,
    latencyP99Ms: Math.max(...runs.map((run) => run.result.latencyP99Ms)),
    loadGeneratorCpu: sum((r) => r.loadGeneratorCpu) / runs.length,
    ...(maxPerToken > 0 ? { maxRequestsPerToken: maxPerToken } : {}),
  };
  return {
    ...first,
    result,
    requestsPerSecond: durationSeconds > 0 ? result.responses / durationSeconds : 0,
    serverCpu: runs.reduce((total, run) => total + run.serverCpu, 0) / runs.length,
  };
}

/** Enough star athletes that none carries more than `callsPerAthlete` calls in a run at `rps`. */
function poolSize(rps: number): number {
  const seconds = settings.warmupSeconds + settings.durationSeconds;
  return Math.max(20, Math.ceil((rps * seconds) / callsPerAthlete));
}

/** Measured seconds of a paired row's own runs. */
const pairedRowSeconds =
  settings.pairRounds * 2 * (settings.pairWarmupSeconds + settings.pairSeconds);
/** Above what any metered row reaches here: sizes the pool its warm-up runs on. */
const meteredRateBound = 8_000;

/**
 * Athletes for a paired metered row that ran at `rps` once warm: each carries a third of
 * `callsPerAthlete` over the row (a row that runs three times as fast still stays under the
 * limit), one call every 3 × pairedRowSeconds / callsPerAthlete s (0.75 s): within the tier
 * row cache's 2 s, as a client's burst of calls is. The row that reads the tier on every call
 * is measured beside it (TIER_CACHE_TTL_MS=0).
 */
function meteredPoolSize(rps: number): number {
  return Math.max(20, Math.ceil((3 * rps * pairedRowSeconds) / callsPerAthlete));
}

function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `Node ${process.version}, ${cpus().length} × ${model}`;
}

function postgresVersion(databaseUrl: string): string {
  try {
    return execFileSync('psql', [databaseUrl, '-Atc', 'show server_version'], {
      encoding: 'utf8',
      timeout: 5_000,
    }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${settings.budgetSeconds} s; giving up`);
    process.exit(2);
  }, settings.budgetSeconds * 1_000);
  watchdog.unref();

  const workDir = mkdtempSync(join(tmpdir(), 'aria-bench-'));
  const stops: Array<() => Promise<unknown>> = [
    async () => rmSync(workDir, { recursive: true, force: true }),
  ];
  const started = performance.now();
  try {
    const distDir = join(workDir, 'dist');
    await buildServer({ outdir: distDir, minify: true });
    const mainJs = join(distDir, 'main.js');
    const database = await createTestDatabase(settings.databaseUrl);
    stops.push(() => database.drop());
    const bridge = await startUpstashBridge({ redisUrl: settings.redisUrl });
    stops.push(() => bridge.close());
    const load = await startLoadGenerator();
    stops.push(async () => load.stop());
    const pinning: Pinning = pinProcesses(settings.pin, load.pid);
    stops.push(async () => pinning.release());

    const common = ariaEnv(secrets, settings.logLevel);
    const onPostgres = { ...common, DATABASE_URL: database.url };
    const production = {
      ...onPostgres,
      UPSTASH_REDIS_REST_URL: bridge.url,
      UPSTASH_REDIS_REST_TOKEN: bridge.token,
    };
    // The migration job first, as the image runs it: start-up then measures a restart's cold start.
    execFileSync(process.execPath, [join(distDir, 'migrate.js')], {
      env: { PATH: process.env.PATH ?? '', ...onPostgres },
      stdio: 'ignore',
      timeout: 60_000,
    });

    const launch = async (name: string, env: Record<string, string>) => {
      const aria = await startAria(name, mainJs, workDir, {
        ...env,
        ARIA_DATA_DIR: join(workDir, name),
      });
      stops.push(() => aria.stop());
      pinning.server(aria.pid);
      return aria;
    };

    const prod = await launch('prod', production);
    const coldStartMs = prod.startMs;
    await provisionAthletes(prod.port, secrets, [serviceAthleteId]);
    const anchors = await startAnchors(workDir, database.url);
    stops.push(() => anchors.stop());
    pinning.server(anchors.pid);

    console.log(
      `Aria bench — ${new Date().toISOString()}, ${machine()}, PostgreSQL ${postgresVersion(database.url)}\n` +
        `autocannon: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ` +
        `${settings.durationSeconds} s per target; Aria log level ${settings.logLevel}; pinning: ` +
        `${pinning.description}${settings.smoke ? '; SMOKE MODE (numbers mean nothing)' : ''}\n`,
    );

    const rows: Row[] = [];
    const run = async (m: Measure) => {
      const row = await measure(load, m);
      rows.push(row);
      return row;
    };
    const pool = async (aria: BenchProcess, rps: number, label: string) =>
      provisionPool(aria.port, secrets, `bench-${runId}-${label}-`, poolSize(rps));
    const asService = { 'x-api-key': secrets.internalApiKey };
    const serviceRead = serviceReadPath(serviceAthleteId);

    const bareAnchor: Measure = {
      name: 'bare Hono route (c.json)',
      process: anchors,
      path: '/bare',
      baseline: true,
    };
    const pgAnchor: Measure = {
      name: 'Hono + postgres.js, one athlete row',
      process: anchors,
      path: `/pg/athlete?id=${serviceAthleteId}`,
      readsDatabase: true,
    };
    const paired = async (m: Measure) => {
      const row = await measurePaired(load, m, m.readsDatabase ? pgAnchor : bareAnchor);
      rows.push(row);
      return row;
    };
    /**
     * `athletes.get` with athletes' tokens, warmed up on a pool of its own; the rate of one more
     * second on that pool, once warm, sizes the row's.
     */
    const meteredPaired = async (
      aria: BenchProcess,
      label: string,
      name = 'athletes.get, JWT, metered',
    ) => {
      const m: Measure = { name, process: aria, path: '/trpc/athletes.get', readsDatabase: true };
      const probeSeconds = 1;
      const warmupPool = await provisionPool(
        aria.port,
        secrets,
        `bench-${runId}-${label}-warm-`,
        Math.ceil((meteredRateBound * (settings.warmupSeconds + probeSeconds)) / callsPerAthlete),
      );
      const onWarmupPool = { ...m, bearerTokens: warmupPool };
      if (settings.warmupSeconds > 0) {
        const warmup = { warmupSeconds: 0, durationSeconds: settings.warmupSeconds };
        await measure(load, onWarmupPool, warmup, true);
      }
      const probe = await measure(
        load,
        onWarmupPool,
        { warmupSeconds: 0, durationSeconds: probeSeconds },
        true,
      );
      const bearerTokens = await provisionPool(
        aria.port,
        secrets,
        `bench-${runId}-${label}-`,
        meteredPoolSize(probe.requestsPerSecond),
      );
      const row = await measurePaired(load, { ...m, bearerTokens }, pgAnchor, true);
      rows.push(row);
      return row;
    };

    await run(bareAnchor);
    const stockTrpc = await run({
      name: 'stock tRPC query (fetchRequestHandler)',
      process: anchors,
      path: '/trpc/tiers',
    });
    const anchorDb = await run(pgAnchor);
    // What tRPC itself costs on a read: the service-key read's target is judged beside this.
    const stockTrpcRead = await paired({
      name: 'stock tRPC + zod + postgres.js, same row',
      process: anchors,
      path: serviceReadPath(serviceAthleteId, 'athlete'),
      readsDatabase: true,
    });

    const live = await paired({ name: 'GET /health/live', process: prod, path: '/health/live' });
    const tiers = await paired({
      name: 'GET /trpc/billing.tiers',
      process: prod,
      path: '/trpc/billing.tiers',
    });
    const rest = await paired({ name: 'GET /v1/tiers', process: prod, path: '/v1/tiers' });
    const service = await paired({
      name: 'athletes.get, service key',
      process: prod,
      path: serviceRead,
      headers: asService,
      readsDatabase: true,
    });
    const meteredRedis = await meteredPaired(prod, 'prod');
    const steady = await run({
      name: 'athletes.get, JWT, metered',
      process: prod,
      path: '/trpc/athletes.get',
      bearerTokens: await pool(prod, settings.constantRate * 1.1, 'steady'),
      readsDatabase: true,
      constantRate: settings.constantRate,
    });
    const rssMb = prod.rssMb();
    await prod.stop();

    const pgMemory = await launch('pg+memory', onPostgres);
    const meteredMemory = await meteredPaired(pgMemory, 'memory');
    await pgMemory.stop();
    const uncached = await launch('pg+memory', { ...onPostgres, TIER_CACHE_TTL_MS: '0' });
    const meteredUncached = await meteredPaired(
      uncached,
      'uncached',
      'athletes.get, metered, tier read per call',
    );
    await uncached.stop();

    const embedded = await launch('embedded', common);
    await provisionAthletes(embedded.port, secrets, [serviceAthleteId]);
    await paired({ name: 'GET /health/live', process: embedded, path: '/health/live' });
    await paired({
      name: 'athletes.get, service key',
      process: embedded,
      path: serviceRead,
      headers: asService,
      readsDatabase: true,
    });
    await meteredPaired(embedded, 'embedded');
    await embedded.stop();
    await run({ ...bareAnchor, name: 'bare Hono route (again)' });

    const bares = rows.filter((r) => r.baseline);
    const bareRps = bares.reduce((sum, r) => sum + r.requestsPerSecond, 0) / bares.length;
    const drift =
      bares.length === 2 && bares[0] && bares[1]
        ? (bares[1].requestsPerSecond / bares[0].requestsPerSecond - 1) * 100
        : 0;
    const ofBare = (r: Row) => ratioToBare(r, bareRps);
    const ofAnchor = (r: Row) => ratioToPgAnchor(r, anchorDb.requestsPerSecond);
    const targets: Target[] = [
      {
        goal: '/health/live ≥ 0.50 × bare',
        value: ofBare(live).toFixed(3),
        met: ofBare(live) >= 0.5,
      },
      {
        goal: 'public tRPC query ≥ 0.35 × bare',
        value: `${ofBare(tiers).toFixed(3)} (${(ofBare(tiers) / ofBare(stockTrpc)).toFixed(2)} × stock tRPC)`,
        met: ofBare(tiers) >= 0.35,
      },
      {
        goal: 'REST within 10 % of tRPC (same procedure)',
        value: `${(ofBare(rest) / ofBare(tiers)).toFixed(2)} × tRPC`,
        met: ofBare(rest) >= 0.9 * ofBare(tiers),
      },
      {
        goal: 'service-key read ≥ 0.50 × pg anchor',
        value:
          `${ofAnchor(service).toFixed(3)} (stock tRPC doing only the read, no auth: ` +
          `${ofAnchor(stockTrpcRead).toFixed(3)})`,
        met: ofAnchor(service) >= 0.5,
      },
      {
        goal: 'metered JWT read ≥ 0.35 × pg anchor (in-process store)',
        value:
          `${ofAnchor(meteredMemory).toFixed(3)} (with Redis through the bridge: ${ofAnchor(meteredRedis).toFixed(3)};` +
          ` reading the tier row on every call: ${ofAnchor(meteredUncached).toFixed(3)})`,
        met: ofAnchor(meteredMemory) >= 0.35,
      },
      {
        goal: `p99 < 25 ms at ${settings.constantRate} req/s, metered, production shape`,
        value: `${steady.result.latencyP99Ms} ms`,
        met: steady.result.latencyP99Ms < 25 && okShare(steady.result) > 0.99,
      },
      { goal: 'RSS ≤ 200 MB after the run', value: `${rssMb.toFixed(0)} MB`, met: rssMb <= 200 },
      {
        goal: 'cold start of node dist/main.js to /health/ready < 1.5 s',
        value: `${coldStartMs.toFixed(0)} ms`,
        met: coldStartMs < 1500,
      },
    ];

    const text = [
      table(rows, bareRps, anchorDb.requestsPerSecond),
      '',
      `Rows with a "beside" rate ran in ${settings.pairRounds} round(s) of ${settings.pairSeconds} s runs, ` +
        'anchor-row-row-anchor, and are divided by that anchor (bare Hono, or postgres.js for a ' +
        'database read). The other rows: × bare = req/s ÷ ' +
        `${bareRps.toFixed(0)} (mean of the two bare runs, which differ by ${drift.toFixed(1)} %); ` +
        `× pg anchor = req/s ÷ ${anchorDb.requestsPerSecond.toFixed(0)}.`,
      'prod = built bundle, NODE_ENV=production, real PostgreSQL, Redis through the Upstash REST bridge; ' +
        'pg+memory = the same with the in-process store; embedded = PGlite and the in-process store.',
      '',
      targetsText(targets),
    ].join('\n');
    console.log(`\n${text}\n\nwhole run: ${((performance.now() - started) / 1000).toFixed(0)} s`);

    let failed = false;
    for (const row of rows) {
      const codes = Object.entries(row.result.statusCodes).filter(
        ([code]) => !code.startsWith('2'),
      );
      if (codes.length > 0) {
        console.log(
          `${row.server} ${row.name}: non-2xx ${codes.map(([c, n]) => `${c}×${n}`).join(', ')}`,
        );
      }
      // A smoke run on a busy machine may time out or outrun its pool (429); never a 5xx.
      const serverErrors = Object.entries(row.result.statusCodes)
        .filter(([code]) => code.startsWith('5'))
        .reduce((sum, [, count]) => sum + count, 0);
      const broken = settings.smoke
        ? serverErrors > 0 || row.result.ok2xx === 0
        : okShare(row.result) < 0.5;
      if (broken) {
        console.error(`FAIL ${row.server} ${row.name}: not 2xx, so its numbers mean nothing`);
        failed = true;
      }
    }
    if (settings.record && !settings.smoke) {
      const results = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
      appendFileSync(
        results,
        `\n## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n` +
          `\`${settings.command}\` — ${machine()}, PostgreSQL ${postgresVersion(database.url)}, ` +
          `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ` +
          `${settings.durationSeconds} s per target, pinning: ${pinning.description}.\n\n` +
          `\`\`\`\n${text}\n\`\`\`\n`,
      );
      console.log(`recorded in ${results}`);
    }
    return failed ? 1 : 0;
  } finally {
    for (const stop of stops.reverse())
      await stop().catch((error: unknown) => console.error(error));
  }
}

exitWhenDone(main());
