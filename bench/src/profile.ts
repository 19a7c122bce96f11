// `pnpm bench:profile <target> [shape]`: one of the bench's Aria rows under load with
// `node --cpu-prof`, then the functions and packages that took the server's CPU, by self time.
// The profile is the evidence for a change; the bench measures its effect.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer } from '../../apps/server/build.js';
import { startShapedAria } from './aria-shape.js';
import { pinProcesses, startLoadGenerator } from './load-runner.js';
import { percentile } from './percentile.js';
import { newSecrets } from './pool.js';
import { exitWhenDone, host } from './processes.js';
import { serverTimesOf } from './request-log-times.js';
import { settings } from './settings.js';
import { isShape, isTarget, profileTargets, targetUsage } from './targets.js';

interface CpuProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
  };
}
interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  /** Microseconds, on the clock of `timeDeltas`. */
  readonly endTime: number;
  /** The node sampled at each tick, and the microseconds since the tick before. */
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}
/** Samples per node id. */
type Hits = ReadonlyMap<number, number>;

/**
 * The samples taken while the load ran: the profile covers the whole process, whose start-up
 * and athlete pool (hundreds of inserts) would otherwise be counted with the requests.
 * `window` is where the load ran, in microseconds before the profile ended.
 */
function hitsWithin(profile: CpuProfile, window: { from: number; to: number }): Hits {
  const hits = new Map<number, number>();
  let at = profile.endTime - profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    const beforeEnd = profile.endTime - at;
    if (beforeEnd <= window.from && beforeEnd >= window.to) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  return hits;
}

const secrets = newSecrets();
const serviceAthleteId = `profile-${randomBytes(4).toString('hex')}`;

const targets = profileTargets(serviceAthleteId);

/**
 * The package a dependency's file belongs to, and the file within it. The store's folder
 * (`.pnpm/<name>@<version>`) names the package even where a source map's path lost it:
 * drizzle-orm maps to `node_modules/src/...`, beside its package folder.
 */
function dependencyOf(path: string): { name: string; file: string } | undefined {
  const stored = /\.pnpm\/((?:@[^+/]+\+)?[^@/]+)@[^/]*\/node_modules\/(.*)$/.exec(path);
  if (stored?.[1] !== undefined && stored[2] !== undefined) {
    const name = stored[1].replace('+', '/');
    return {
      name,
      file: stored[2].startsWith(`${name}/`) ? stored[2].slice(name.length + 1) : stored[2],
    };
  }
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  return plain?.[1] !== undefined && plain[2] !== undefined
    ? { name: plain[1], file: plain[2] }
    : undefined;
}

/**
 * Names frames after the code they run: the bundle's frames through its source map, so a
 * dependency is named by its package and our code by its workspace folder, not `main.js:1234`.
 */
class FrameNamer {
  constructor(private readonly bundle: { urls: ReadonlySet<string>; map: SourceMap }) {}

  private source(node: CpuProfileNode): { path: string; line: number } {
    const { url, lineNumber, columnNumber } = node.callFrame;
    if (this.bundle.urls.has(url)) {
      const entry = this.bundle.map.findEntry(lineNumber, columnNumber);
      if ('originalSource' in entry)
        return { path: entry.originalSource, line: entry.originalLine };
    }
    return { path: url, line: lineNumber };
  }

  /** A dependency's package, `aria <folder>` for ours, else the kind (`node:...`, native). */
  origin(node: CpuProfileNode): string {
    const { path } = this.source(node);
    const dependency = dependencyOf(path);
    if (dependency) return dependency.name;
    const ours = /(?:^|\/)((?:packages|apps)\/[^/]+)\//.exec(path);
    if (ours?.[1]) return `aria ${ours[1]}`;
    if (path.startsWith('node:')) return path;
    return path === '' ? '(native / GC)' : 'aria';
  }

  frame(node: CpuProfileNode): string {
    const { path, line } = this.source(node);
    const dependency = dependencyOf(path);
    const short = dependency
      ? `${dependency.name}/${dependency.file}`
      : path.replace(/^.*\/(packages|apps)\//, '$1/');
    return `${node.callFrame.functionName || '(anonymous)'}  ${short}:${line + 1}`;
  }
}

function summarize(profile: CpuProfile, hitsOf: Hits, names: FrameNamer, top: number): string {
  // Percentages of busy time: idle waits for the load generator and says nothing about cost.
  const idle = new Set(['(idle)', '(program)']);
  const busy = profile.nodes.filter((node) => !idle.has(node.callFrame.functionName));
  const total = busy.reduce((sum, node) => sum + (hitsOf.get(node.id) ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  for (const node of busy) {
    const hits = hitsOf.get(node.id) ?? 0;
    if (hits === 0) continue;
    const key = names.frame(node);
    const origin = names.origin(node);
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + hits);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`)
      .join('\n');
  return [
    `self time by origin:\n${rows(byOrigin)}`,
    `self time by function:\n${rows(byFunction)}`,
    `total time by function (itself and what it calls):\n${rows(totalByFunction(profile, hitsOf, names))}`,
  ].join('\n\n');
}

/**
 * Each function's samples with everything it called: a sample counts once for every distinct
 * function on its stack, so recursion is not counted twice. Self time hides a chain whose
 * cost is spread over many small frames (a middleware's `next()`, tRPC's procedure call).
 */
function totalByFunction(profile: CpuProfile, hitsOf: Hits, names: FrameNamer) {
  const parent = new Map<number, CpuProfileNode>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node);
    }
  }
  const totals = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = hitsOf.get(node.id) ?? 0;
    if (hits === 0) continue;
    const onStack = new Set<string>();
    for (let at: CpuProfileNode | undefined = node; at; at = parent.get(at.id)) {
      if (at.callFrame.functionName !== '(root)') onStack.add(names.frame(at));
    }
    for (const key of onStack) totals.set(key, (totals.get(key) ?? 0) + hits);
  }
  return totals;
}

/** `PROFILE_CALLERS=<regex>`: the call stacks (innermost first) that reach matching functions. */
function callers(
  profile: CpuProfile,
  hitsOf: Hits,
  names: FrameNamer,
  pattern: RegExp,
  depth: number,
  top: number,
): string {
  const parent = new Map<number, CpuProfileNode>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node);
  }
  // Total (not self) hits of each matching node: its own and all its descendants'.
  const totalHits = (node: CpuProfileNode): number =>
    (hitsOf.get(node.id) ?? 0) +
    (node.children ?? []).reduce((sum, id) => {
      const child = byId.get(id);
      return sum + (child ? totalHits(child) : 0);
    }, 0);
  const stacks = new Map<string, number>();
  for (const node of profile.nodes) {
    if (!pattern.test(names.frame(node))) continue;
    const frames: string[] = [];
    for (let at = parent.get(node.id); at && frames.length < depth; at = parent.get(at.id)) {
      frames.push(names.frame(at));
    }
    const key = `${names.frame(node)}\n      <- ${frames.join('\n      <- ')}`;
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
    throw new Error(`usage: pnpm bench:profile ${targetUsage} [--no-profile]`);
  }
  const target = targets[targetName];
  const workDir = mkdtempSync(join(tmpdir(), 'aria-profile-'));
  const stops: Array<() => Promise<unknown>> = [];
  try {
    const distDir = join(workDir, 'dist');
    await buildServer({ outdir: distDir, minify: false });
    const profileDir = join(workDir, 'profile');
    const seconds = settings.warmupSeconds + settings.durationSeconds;
    const { aria, bearerTokens, stop } = await startShapedAria({
      name: 'aria',
      mainJs: join(distDir, 'main.js'),
      workDir,
      shape: shapeName,
      target,
      secrets,
      serviceAthleteId,
      requests: seconds * 3_000,
      nodeArgs: profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    stops.push(stop);
    const load = await startLoadGenerator();
    stops.push(async () => load.stop());
    const pinning = pinProcesses(settings.pin, load.pid);
    stops.push(async () => pinning.release());
    pinning.server(aria.pid);
    const cpuAtStart = aria.cpuSeconds();
    const loadStart = performance.now();
    const result = await load.run(
      {
        url: `http://${host}:${aria.port}${target.path}`,
        headers: 'service' in target ? { 'x-api-key': secrets.internalApiKey } : {},
        ...(bearerTokens ? { bearerTokens } : {}),
        connections: settings.connections,
        ...(settings.profile.rate > 0 ? { overallRate: settings.profile.rate } : {}),
        warmupSeconds: 0,
        durationSeconds: seconds,
        timeoutSeconds: 5,
      },
      () => {},
    );
    // CPU time per response holds up better than req/s on a machine that is not idle.
    const loadEnd = performance.now();
    const cpuMicros = ((aria.cpuSeconds() - cpuAtStart) / Math.max(1, result.responses)) * 1e6;
    // --cpu-prof writes the profile when the process exits (the later stop is then a no-op).
    await aria.stop();
    const exited = performance.now();
    console.log(
      `${targetName} on ${shapeName}: ${(result.responses / result.durationSeconds).toFixed(0)} req/s, ` +
        `${cpuMicros.toFixed(0)} µs of server CPU per response${profiling ? ' (profiling slows both)' : ''}, ` +
        `p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, non-2xx ${result.non2xx}\n`,
    );
    const serverTimes = serverTimesOf(readFileSync(join(workDir, 'aria.log'), 'utf8'), target.path);
    const measured = serverTimes.slice(-result.responses).sort((a, b) => a - b);
    if (measured.length > 0) {
      const ms = (p: number) => `${percentile(measured, p).toFixed(1)} ms`;
      console.log(
        `the server's own time (request log, last ${measured.length} requests): ` +
          `p50 ${ms(0.5)}, p99 ${ms(0.99)}, p99.9 ${ms(0.999)}\n`,
      );
    }
    if (!profiling) return;
    const [file] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile was written');
    const profile: CpuProfile = JSON.parse(readFileSync(join(profileDir, file), 'utf8'));
    const bundlePath = join(distDir, 'main.js');
    const names = new FrameNamer({
      urls: new Set([bundlePath, pathToFileURL(bundlePath).href]),
      map: new SourceMap(JSON.parse(readFileSync(`${bundlePath}.map`, 'utf8'))),
    });
    const { top, callers: pattern, depth } = settings.profile;
    // The first second of load is left out too: V8 is still compiling the hot path then,
    // and the window's start is only known to within the time the profile took to write.
    const hitsOf = hitsWithin(profile, {
      from: (exited - loadStart - 1_000) * 1_000,
      to: (exited - loadEnd) * 1_000,
    });
    console.log(summarize(profile, hitsOf, names, top));
    if (pattern) {
      console.log(
        `\ncallers of /${pattern.source}/:\n${callers(profile, hitsOf, names, pattern, depth, 10)}`,
      );
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

exitWhenDone(main());
