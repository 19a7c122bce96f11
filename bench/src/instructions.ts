// `pnpm bench:instructions [pg+memory|prod]`: what one request costs in CPU
// instructions, counted by valgrind's callgrind in the server process, for the anchors and
// Aria's rows. Unlike req/s, a count does not move when this machine speeds up or slows
// down: for the longer requests the same build gives the same count to within a few percent
// (the shortest ones still move by up to 15 % with garbage collection). It counts user space
// only (the kernel's socket work is left out) and runs the code about fifty times slower, so
// it complements the bench; it does not replace it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../apps/server/build.js';
import { createTestDatabase } from '../../packages/db/src/testing/test-database.js';
import { startUpstashBridge } from '../../packages/integrations/src/testing/upstash-bridge.js';
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
import { settings } from './settings.js';

const secrets = newSecrets();
const runId = randomBytes(4).toString('hex');
const serviceAthleteId = `instr-${runId}-service`;

const shapes = ['pg+memory', 'prod'];

interface Row {
  /** What `INSTR_ROWS` calls it; Aria's rows as `pnpm bench:profile` does. */
  readonly id: string;
  readonly name: string;
  readonly server: 'anchors' | 'aria';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly metered?: boolean;
  /** The anchor its ratio divides by (counted before it). */
  readonly anchor?: Row;
}

const bare: Row = {
  id: 'bare',
  name: 'bare Hono route (c.json)',
  server: 'anchors',
  path: '/bare',
};
const pg: Row = {
  id: 'pg',
  name: 'Hono + postgres.js, one athlete row',
  server: 'anchors',
  path: `/pg/athlete?id=${serviceAthleteId}`,
};
const allRows: readonly Row[] = [
  bare,
  {
    id: 'trpc',
    name: 'stock tRPC query (fetchRequestHandler)',
    server: 'anchors',
    path: '/trpc/tiers',
  },
  pg,
  {
    id: 'trpc-read',
    name: 'stock tRPC + zod + postgres.js, same row',
    server: 'anchors',
    path: serviceReadPath(serviceAthleteId, 'athlete'),
    anchor: pg,
  },
  { id: 'live', name: 'GET /health/live', server: 'aria', path: '/health/live', anchor: bare },
  {
    id: 'tiers',
    name: 'GET /trpc/billing.tiers',
    server: 'aria',
    path: '/trpc/billing.tiers',
    anchor: bare,
  },
  { id: 'rest-tiers', name: 'GET /v1/tiers', server: 'aria', path: '/v1/tiers', anchor: bare },
  {
    id: 'service',
    name: 'athletes.get, service key',
    server: 'aria',
    path: serviceReadPath(serviceAthleteId),
    headers: { 'x-api-key': secrets.internalApiKey },
    anchor: pg,
  },
  {
    id: 'metered',
    name: 'athletes.get, JWT, metered',
    server: 'aria',
    path: '/trpc/athletes.get',
    metered: true,
    anchor: pg,
  },
];

/**
 * `INSTR_ROWS=live,tiers` counts only those rows (and the anchors they divide by), for an
 * A/B of one change in minutes instead of the whole table.
 */
function selectedRows(): readonly Row[] {
  const wanted = settings.instructions.rows;
  if (wanted.length === 0) return allRows;
  const unknown = wanted.filter((id) => !allRows.some((row) => row.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `INSTR_ROWS: no row ${unknown.join(', ')}; rows: ${allRows.map((row) => row.id).join(', ')}`,
    );
  }
  return allRows.filter(
    (row) =>
      wanted.includes(row.id) ||
      allRows.some((other) => wanted.includes(other.id) && other.anchor === row),
  );
}
const rows = selectedRows();

const { warmup, requests, rounds } = settings.instructions;

/** One request at a time over one keep-alive connection; `tokens` rotate as bearer tokens. */
async function drive(
  port: number,
  row: Row,
  n: number,
  tokens: readonly string[] | undefined,
): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < n; i += 1) {
      const token = tokens?.[i % tokens.length];
      const headers = { ...row.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get({ host, port, path: row.path, agent, headers }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          })
          .on('error', reject);
      });
      if (status < 200 || status > 299) throw new Error(`${row.name} answered ${status}`);
    }
  } finally {
    agent.destroy();
  }
}

/** Callgrind under one server: zero its counters, run `work`, dump, read the total. */
function callgrindOf(server: BenchProcess, outDir: string) {
  const control = (flag: string) =>
    execFileSync('callgrind_control', [flag, String(server.pid)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // valgrind names its control pipe after USER and HOST: the server has no USER, and
      // HOST is its listening address.
      env: { PATH: process.env.PATH ?? '', HOST: host },
    });
  const dumps = () =>
    readdirSync(outDir)
      .filter((name) => name.startsWith(`${server.name}.`) && /\.out\.\d+$/.test(name))
      .map((name) => join(outDir, name));
  return async (work: () => Promise<void>): Promise<number> => {
    control('--zero');
    await work();
    const before = new Set(dumps());
    control('--dump');
    for (let waited = 0; waited < 60_000; waited += 100) {
      const fresh = dumps().find((file) => !before.has(file) && statSync(file).size > 0);
      if (fresh) {
        const totals = /^totals:\s+(\d+)/m.exec(readFileSync(fresh, 'utf8'));
        if (totals?.[1]) return Number(totals[1]);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`callgrind wrote no dump for ${server.name}`);
  };
}

function callgrind(outDir: string, name: string): string[] {
  return [
    'valgrind',
    '--tool=callgrind',
    `--callgrind-out-file=${join(outDir, `${name}.%p.out`)}`,
    '--dump-line=no',
  ];
}

async function main(): Promise<void> {
  const shape = process.argv[2] ?? 'pg+memory';
  if (!shapes.includes(shape)) {
    throw new Error(`usage: pnpm bench:instructions [${shapes.join('|')}]`);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'aria-instructions-'));
  const stops: Array<() => Promise<unknown>> = [];
  try {
    const distDir = join(workDir, 'dist');
    await buildServer({ outdir: distDir, minify: true });
    const database = await createTestDatabase(settings.databaseUrl);
    stops.push(() => database.drop());
    const env: Record<string, string> = {
      ...ariaEnv(secrets, settings.logLevel),
      ARIA_DATA_DIR: join(workDir, 'data'),
      // The job engine polls PostgreSQL on a wall-clock timer: under valgrind each count would
      // carry a different number of polls. No measured path uses it.
      JOBS_IN_PROCESS: 'false',
      DATABASE_URL: database.url,
    };
    if (shape === 'prod') {
      const bridge = await startUpstashBridge({ redisUrl: settings.redisUrl });
      stops.push(() => bridge.close());
      env.UPSTASH_REDIS_REST_URL = bridge.url;
      env.UPSTASH_REDIS_REST_TOKEN = bridge.token;
    }
    console.log(`starting Aria (${shape}) and the anchors under callgrind; this takes minutes`);
    const aria = await startAria(
      'aria',
      join(distDir, 'main.js'),
      workDir,
      env,
      [],
      callgrind(workDir, 'aria'),
    );
    stops.push(() => aria.stop());
    await provisionAthletes(aria.port, secrets, [serviceAthleteId]);
    const anchors = await startAnchors(workDir, database.url, callgrind(workDir, 'anchors'));
    stops.push(() => anchors.stop());
    const tokens = !rows.some((row) => row.metered)
      ? []
      : await provisionPool(
          aria.port,
          secrets,
          `instr-${runId}-pool-`,
          Math.ceil((warmup + rounds * requests) / callsPerAthlete),
        );
    const counters = { aria: callgrindOf(aria, workDir), anchors: callgrindOf(anchors, workDir) };

    const perRequest = new Map<string, number>();
    const lines: string[] = [];
    for (const row of rows) {
      const server = row.server === 'aria' ? aria : anchors;
      const rowTokens = row.metered ? tokens : undefined;
      await drive(server.port, row, warmup, rowTokens);
      const counts: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        counts.push(
          (await counters[row.server](() => drive(server.port, row, requests, rowTokens))) /
            requests,
        );
      }
      const least = Math.min(...counts);
      perRequest.set(row.name, least);
      const spread = (Math.max(...counts) / least - 1) * 100;
      const anchor = row.anchor ? perRequest.get(row.anchor.name) : undefined;
      const ratio = anchor ? (anchor / least).toFixed(3) : '';
      const anchorLabel = row.anchor === bare ? ' × bare' : row.anchor === pg ? ' × pg' : '';
      const line =
        `${row.name.padEnd(40)} ${row.server.padEnd(8)} ${Math.round(least).toString().padStart(9)}` +
        ` ${spread.toFixed(1).padStart(6)} %  ${ratio.padStart(7)}${anchorLabel}`;
      console.log(line);
      lines.push(line);
    }
    console.log(
      `\n${'row'.padEnd(40)} ${'server'.padEnd(8)} ${'Ir/req'.padStart(9)} ${'spread'.padStart(8)}  ${'anchor ÷ row'}\n` +
        `${lines.join('\n')}\n\nIr/req: instructions the server process ran per request (user space, all threads), ` +
        `the least of ${rounds} counts of ${requests} requests after ${warmup} to warm up; spread: the most over the least. ` +
        `anchor ÷ row: the anchor's count over the row's, the share of the anchor's speed the row would reach if ` +
        `instructions were all it cost (the kernel's work per request is not counted). Aria: ${shape}.`,
    );
  } finally {
    for (const stop of stops.reverse())
      await stop().catch((error: unknown) => console.error(error));
    rmSync(workDir, { recursive: true, force: true });
  }
}

exitWhenDone(main());
