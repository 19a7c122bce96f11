// `pnpm bench:compare <target> [shape] <other checkout>`: this checkout's build against another's
// (a `git worktree` of the commit before a change), both running at once on the server CPU and
// loaded in turn, short runs in alternating order. This machine's speed drifts by up to 2x
// within minutes; runs a few seconds apart see the same machine, so the per-round ratio holds
// where two separate runs of `bench:profile` would not.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../apps/server/build.js';
import { type ShapedAria, startShapedAria } from './aria-shape.js';
import { pinProcesses, startLoadGenerator } from './load-runner.js';
import { callsPerAthlete, newSecrets } from './pool.js';
import { exitWhenDone, host } from './processes.js';
import { settings } from './settings.js';
import { isShape, isTarget, profileTargets, targetUsage } from './targets.js';

const warmupSeconds = 0.5;
/** Above what a metered read reaches here, so its pool never answers 429. */
const meteredRateBound = 6_000;

interface Sample {
  readonly reqPerSecond: number;
  readonly cpuMicrosPerResponse: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Builds the other checkout's bundle with its own build script, as its image would be built. */
function buildOther(checkout: string): string {
  const serverDir = join(resolve(settings.compare.invokedFrom, checkout), 'apps', 'server');
  execFileSync(process.execPath, ['--import', 'tsx', 'build.ts', '--minify'], {
    cwd: serverDir,
    stdio: 'inherit',
  });
  return join(serverDir, 'dist', 'main.js');
}

async function main(): Promise<void> {
  const [targetName, shapeName = 'pg+memory', other] = process.argv.slice(2);
  if (!isTarget(targetName) || !isShape(shapeName) || other === undefined) {
    throw new Error(`usage: pnpm bench:compare ${targetUsage} <other checkout>`);
  }
  const runId = randomBytes(4).toString('hex');
  // Athletes of their own for each build: in production shape both share one Redis, where a
  // known-athlete mark of one build's database would point at nothing in the other's.
  const athleteOf = (build: string) => `compare-${runId}-${build}`;
  const targetOf = (build: string) => profileTargets(athleteOf(build))[targetName];
  const secrets = newSecrets();
  const { rounds, seconds } = settings.compare;
  // Each run has a slice of the pool of its own, which it calls at most `callsPerAthlete`
  // times per athlete, however fast the machine runs.
  const tokensPerRun = Math.ceil(((seconds + warmupSeconds) * meteredRateBound) / callsPerAthlete);
  const workDir = mkdtempSync(join(tmpdir(), 'aria-compare-'));
  const stops: Array<() => Promise<unknown>> = [];
  try {
    const thisBuild = join(
      await buildServer({ outdir: join(workDir, 'dist'), minify: true }),
      'main.js',
    );
    const builds = [
      { name: 'this', mainJs: thisBuild },
      { name: 'other', mainJs: buildOther(other) },
    ];
    const servers: ShapedAria[] = [];
    for (const build of builds) {
      const serverDir = join(workDir, build.name);
      mkdirSync(serverDir);
      const server = await startShapedAria({
        ...build,
        workDir: serverDir,
        shape: shapeName,
        target: targetOf(build.name),
        secrets,
        serviceAthleteId: athleteOf(build.name),
        requests: (rounds + 1) * tokensPerRun * callsPerAthlete,
        nodeArgs: build.name === 'this' ? settings.compare.thisNodeArgs : [],
      });
      stops.push(server.stop);
      servers.push(server);
    }
    const load = await startLoadGenerator();
    stops.push(async () => load.stop());
    const pinning = pinProcesses(settings.pin, load.pid);
    stops.push(async () => pinning.release());
    for (const { aria } of servers) pinning.server(aria.pid);

    const measure = async ({ aria, bearerTokens }: ShapedAria, round: number): Promise<Sample> => {
      const tokens = bearerTokens?.slice(round * tokensPerRun, (round + 1) * tokensPerRun);
      const target = targetOf(aria.name);
      let cpuAtStart = 0;
      const result = await load.run(
        {
          url: `http://${host}:${aria.port}${target.path}`,
          headers: 'service' in target ? { 'x-api-key': secrets.internalApiKey } : {},
          ...(tokens ? { bearerTokens: tokens } : {}),
          connections: settings.connections,
          warmupSeconds,
          durationSeconds: seconds,
          timeoutSeconds: 5,
        },
        () => {
          cpuAtStart = aria.cpuSeconds();
        },
      );
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${aria.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      }
      return {
        reqPerSecond: result.responses / result.durationSeconds,
        cpuMicrosPerResponse:
          ((aria.cpuSeconds() - cpuAtStart) / Math.max(1, result.responses)) * 1e6,
      };
    };

    console.log(
      `${targetName} on ${shapeName}: this checkout against ${other}, ${settings.pin ? pinning.description : 'unpinned'}`,
    );
    // V8 compiles the hot path in the first seconds of load: a first round, not counted.
    for (const server of servers) await measure(server, 0);
    const cpuRatios: number[] = [];
    const rateRatios: number[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const [first, second] = round % 2 === 1 ? [0, 1] : [1, 0];
      const samples: Sample[] = [];
      samples[first] = await measure(servers[first] as ShapedAria, round);
      samples[second] = await measure(servers[second] as ShapedAria, round);
      const [mine, theirs] = samples as [Sample, Sample];
      cpuRatios.push(mine.cpuMicrosPerResponse / theirs.cpuMicrosPerResponse);
      rateRatios.push(mine.reqPerSecond / theirs.reqPerSecond);
      console.log(
        `round ${String(round).padStart(2)}: this ${mine.reqPerSecond.toFixed(0)} req/s ${mine.cpuMicrosPerResponse.toFixed(1)} µs` +
          ` | other ${theirs.reqPerSecond.toFixed(0)} req/s ${theirs.cpuMicrosPerResponse.toFixed(1)} µs`,
      );
    }
    const spread = (values: number[]) =>
      `median ${median(values).toFixed(3)} (${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)})`;
    console.log(`\nthis ÷ other, CPU per response: ${spread(cpuRatios)}`);
    console.log(`this ÷ other, req/s:            ${spread(rateRatios)}`);
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

exitWhenDone(main());
