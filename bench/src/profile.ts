// `pnpm bench:profile <target> [shape]`: one of the bench's Aria rows under load with
// `node --cpu-prof`, then the functions and packages that took the server's CPU, by self time.
// The profile is the evidence for a change; the bench measures its effect.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../apps/server/build.js';
import { createTestDatabase } from '../../packages/db/src/testing/test-database.js';
import { startUpstashBridge } from '../../packages/integrations/src/testing/upstash-bridge.js';
import { pinProcesses, startLoadGenerator } from './load-runner.js';
import {
  callsPerAthlete,
  newSecrets,
  provisionAthletes,
  provisionPool,
  serviceReadPath,
} from './pool.js';
import { ariaEnv, exitWhenDone, host, startAria } from './processes.js';
import { settings } from './settings.js';

interface CpuProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly hitCount?: number;
}
interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
}

const secrets = newSecrets();
const serviceAthleteId = `profile-${randomBytes(4).toString('hex')}`;

const targets = {
  live: { path: '/health/live' },
  tiers: { path: '/trpc/billing.tiers' },
  'rest-tiers': { path: '/v1/tiers' },
  service: { path: serviceReadPath(serviceAthleteId), service: true },
  metered: { path: '/trpc/athletes.get', metered: true },
} as const;
type TargetName = keyof typeof targets;
const shapes = ['prod', 'pg+memory', 'embedded'] as const;
type Shape = (typeof shapes)[number];

function isTarget(name: string | undefined): name is TargetName {
  return name !== undefined && name in targets;
}
function isShape(name: string | undefined): name is Shape {
  return shapes.some((shape) => shape === name);
}

/** Where a frame's code lives: the package for dependencies, `aria` for our own, else the kind. */
function origin(url: string): string {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match?.[1]) return match[1];
  if (url.startsWith('node:')) return url;
  if (url === '') return '(native / GC)';
  return 'aria';
}

function summarize(profile: CpuProfile, top: number): string {
  // Percentages of busy time: idle waits for the load generator and says nothing about cost.
  const idle = new Set(['(idle)', '(program)']);
  const busy = profile.nodes.filter((node) => !idle.has(node.callFrame.functionName));
  const total = busy.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  for (const node of busy) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { url } = node.callFrame;
    const key = frameName(node);
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    byOrigin.set(origin(url), (byOrigin.get(origin(url)) ?? 0) + hits);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`)
      .join('\n');
  return `self time by origin:\n${rows(byOrigin)}\n\nself time by function:\n${rows(byFunction)}`;
}

function frameName(node: CpuProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'}  ${url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}`;
}

/** `PROFILE_CALLERS=<regex>`: the call stacks (innermost first) that reach matching functions. */
function callers(profile: CpuProfile, pattern: RegExp, depth: number, top: number): string {
  const parent = new Map<number, CpuProfileNode>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node);
  }
  // Total (not self) hits of each matching node: its own and all its descendants'.
  const totalHits = (node: CpuProfileNode): number =>
    (node.hitCount ?? 0) +
    (node.children ?? []).reduce((sum, id) => {
      const child = byId.get(id);
      return sum + (child ? totalHits(child) : 0);
    }, 0);
  const stacks = new Map<string, number>();
  for (const node of profile.nodes) {
    if (!pattern.test(frameName(node))) continue;
    const frames: string[] = [];
    for (let at = parent.get(node.id); at && frames.length < depth; at = parent.get(at.id)) {
      frames.push(frameName(at));
    }
    const key = `${frameName(node)}\n      <- ${frames.join('\n      <- ')}`;
    stacks.set(key, (stacks.get(key) ?? 0) + totalHits(node));
  }
  return [...stacks]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, hits]) => `${String(hits).padStart(6)} samples  ${key}`)
    .join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const profiling = !args.includes('--no-profile');
  const [targetName = 'live', shapeName = 'prod'] = args.filter((arg) => !arg.startsWith('--'));
  if (!isTarget(targetName) || !isShape(shapeName)) {
    throw new Error(
      `usage: pnpm bench:profile <${Object.keys(targets).join('|')}> [${shapes.join('|')}] [--no-profile]`,
    );
  }
  const target = targets[targetName];
  const workDir = mkdtempSync(join(tmpdir(), 'aria-profile-'));
  const stops: Array<() => Promise<unknown>> = [];
  try {
    const distDir = join(workDir, 'dist');
    await buildServer({ outdir: distDir, minify: false });
    const env: Record<string, string> = {
      ...ariaEnv(secrets, settings.logLevel),
      ARIA_DATA_DIR: join(workDir, 'data'),
    };
    if (shapeName !== 'embedded') {
      const database = await createTestDatabase(settings.databaseUrl);
      stops.push(() => database.drop());
      env.DATABASE_URL = database.url;
    }
    if (shapeName === 'prod') {
      const bridge = await startUpstashBridge({ redisUrl: settings.redisUrl });
      stops.push(() => bridge.close());
      env.UPSTASH_REDIS_REST_URL = bridge.url;
      env.UPSTASH_REDIS_REST_TOKEN = bridge.token;
    }
    const profileDir = join(workDir, 'profile');
    const aria = await startAria(
      'aria',
      join(distDir, 'main.js'),
      workDir,
      env,
      profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    );
    stops.push(() => aria.stop());
    await provisionAthletes(aria.port, secrets, [serviceAthleteId]);
    const seconds = settings.warmupSeconds + settings.durationSeconds;
    const bearerTokens =
      'metered' in target
        ? await provisionPool(
            aria.port,
            secrets,
            `${serviceAthleteId}-`,
            Math.ceil((seconds * 3_000) / callsPerAthlete),
          )
        : undefined;
    const load = await startLoadGenerator();
    stops.push(async () => load.stop());
    const pinning = pinProcesses(settings.pin, load.pid);
    stops.push(async () => pinning.release());
    pinning.server(aria.pid);
    const cpuAtStart = aria.cpuSeconds();
    const result = await load.run(
      {
        url: `http://${host}:${aria.port}${target.path}`,
        headers: 'service' in target ? { 'x-api-key': secrets.internalApiKey } : {},
        ...(bearerTokens ? { bearerTokens } : {}),
        connections: settings.connections,
        ...(settings.profileRate > 0 ? { overallRate: settings.profileRate } : {}),
        warmupSeconds: 0,
        durationSeconds: seconds,
        timeoutSeconds: 5,
      },
      () => {},
    );
    // CPU time per response holds up better than req/s on a machine that is not idle.
    const cpuMicros = ((aria.cpuSeconds() - cpuAtStart) / Math.max(1, result.responses)) * 1e6;
    await aria.stop(); // --cpu-prof writes the profile when the process exits
    stops.pop();
    console.log(
      `${targetName} on ${shapeName}: ${(result.responses / result.durationSeconds).toFixed(0)} req/s, ` +
        `${cpuMicros.toFixed(0)} µs of server CPU per response${profiling ? ' (profiling slows both)' : ''}, ` +
        `p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, non-2xx ${result.non2xx}\n`,
    );
    if (!profiling) return;
    const [file] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile was written');
    const profile: CpuProfile = JSON.parse(readFileSync(join(profileDir, file), 'utf8'));
    console.log(summarize(profile, Number(process.env.PROFILE_TOP ?? 30)));
    if (process.env.PROFILE_CALLERS) {
      const pattern = new RegExp(process.env.PROFILE_CALLERS);
      console.log(
        `\ncallers of /${pattern.source}/:\n${callers(profile, pattern, Number(process.env.PROFILE_DEPTH ?? 8), 10)}`,
      );
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

exitWhenDone(main());
