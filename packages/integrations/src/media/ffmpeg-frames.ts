import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why frames could not be taken from a video. */
export type FrameFailure =
  /** ffmpeg is not installed where FFMPEG_PATH points (or cannot start). */
  | 'unavailable'
  /** ffmpeg read the file and found no video it can decode: retrying will not help. */
  | 'unreadable'
  /** ffmpeg took longer than allowed. */
  | 'timeout';

export class FrameExtractionError extends Error {
  override readonly name = 'FrameExtractionError';
  constructor(
    readonly reason: FrameFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface FrameExtractor {
  /** Whether ffmpeg starts; a success is remembered, a failure is asked again next time. */
  available(): Promise<boolean>;
  /**
   * Up to `frameCount` JPEG frames at even intervals over the whole video, scaled down to fit
   * `maxSide`. Rejects with a FrameExtractionError.
   */
  extractFrames(video: Uint8Array): Promise<Buffer[]>;
}

export interface FrameExtractorOptions {
  /** A command on PATH or a path (FFMPEG_PATH). */
  readonly ffmpegPath: string;
  readonly frameCount?: number;
  /** Longest side of a frame, in pixels; smaller videos are not scaled up. */
  readonly maxSide?: number;
  /** Per ffmpeg run. */
  readonly timeoutMs?: number;
}

interface Run {
  readonly code: number | null;
  readonly stderr: string;
}

/** Where the length of a video is not in its header (some WebM), frames per second to sample. */
const unknownDurationFps = 2;
/** The most frames decoded before the even selection: two minutes at that rate. */
const maxDecodedFrames = 240;
/** ffmpeg repeats frames above the video's own rate; no clip needs more than this. */
const maxFps = 30;

/** Picks `count` items spread evenly over `items`, first and last included. */
export function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count === 1) return items.slice(0, 1);
  const step = (items.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => items[Math.round(i * step)] as T);
}

/** The `Duration: 00:00:01.00` ffmpeg prints about its input, in seconds. */
export function parseDuration(stderr: string): number | undefined {
  const match = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  if (!match) return undefined;
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  return seconds > 0 ? seconds : undefined;
}

/** Key frames of sprint videos through the ffmpeg binary (from Debian in the image). */
export function createFrameExtractor(options: FrameExtractorOptions): FrameExtractor {
  const frameCount = options.frameCount ?? 6;
  const maxSide = options.maxSide ?? 512;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let started: Promise<boolean> | undefined;

  const run = (args: readonly string[]) =>
    new Promise<Run>((resolve, reject) => {
      const child = spawn(options.ffmpegPath, ['-nostdin', '-hide_banner', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        if (stderr.length < 64_000) stderr += chunk;
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new FrameExtractionError('timeout', `ffmpeg ran longer than ${timeoutMs} ms`));
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new FrameExtractionError('unavailable', `ffmpeg cannot start: ${error.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });

  const filters = (duration: number | undefined) => {
    const fps =
      duration === undefined ? unknownDurationFps : Math.min(maxFps, frameCount / duration);
    const fit = `min(${maxSide}\\,iw)`;
    const fitHeight = `min(${maxSide}\\,ih)`;
    return `fps=${fps.toFixed(4)},scale=w=${fit}:h=${fitHeight}:force_original_aspect_ratio=decrease`;
  };

  return {
    available() {
      started ??= run(['-version']).then(
        (result) => result.code === 0,
        () => false,
      );
      return started.then((ok) => {
        if (!ok) started = undefined;
        return ok;
      });
    },

    async extractFrames(video) {
      const dir = await mkdtemp(join(tmpdir(), 'aria-frames-'));
      try {
        const input = join(dir, 'input');
        await writeFile(input, video);
        // Without an output ffmpeg only reads the header (and says it needs an output).
        const probe = await run(['-i', input]);
        const extracted = await run([
          ...['-loglevel', 'error', '-i', input, '-an', '-sn', '-dn'],
          ...['-vf', filters(parseDuration(probe.stderr))],
          ...['-frames:v', String(maxDecodedFrames), '-q:v', '4'],
          join(dir, 'frame-%04d.jpg'),
        ]);
        const names = (await readdir(dir)).filter((name) => name.startsWith('frame-')).sort();
        if (extracted.code !== 0 || names.length === 0) {
          const detail = extracted.stderr.trim().split('\n').at(-1) ?? '';
          throw new FrameExtractionError('unreadable', `ffmpeg found no video frames: ${detail}`);
        }
        return Promise.all(
          evenlySpaced(names, frameCount).map((name) => readFile(join(dir, name))),
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
