import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testServices } from '@aria/config/testing';

const run = promisify(execFile);

export type ClipFormat = 'mp4' | 'mov' | 'webm';

export interface ClipOptions {
  readonly seconds?: number;
  readonly width?: number;
  readonly height?: number;
  readonly rate?: number;
}

const codecs: Readonly<Record<ClipFormat, readonly string[]>> = {
  mp4: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'],
  mov: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'],
  webm: ['-c:v', 'libvpx', '-b:v', '200k'],
};

/**
 * A tiny test-pattern video made by the local ffmpeg (`testsrc`), for tests of the frame
 * extraction and the analysis flow. Needs ffmpeg on PATH.
 */
export async function makeTestClip(format: ClipFormat, options: ClipOptions = {}): Promise<Buffer> {
  const { seconds = 1, width = 160, height = 120, rate = 10 } = options;
  const dir = await mkdtemp(join(tmpdir(), 'aria-clip-'));
  try {
    const out = join(dir, `clip.${format}`);
    const source = `testsrc=duration=${seconds}:size=${width}x${height}:rate=${rate}`;
    await run('ffmpeg', [
      ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', source],
      ...codecs[format],
      out,
    ]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let checked: boolean | undefined;

/**
 * Whether the suites that need ffmpeg run here. Without it they are skipped with a printed
 * reason, except in CI (`CI=true`), where they run and fail on the missing binary.
 */
export function ffmpegAvailability(): { run: boolean } {
  if (checked === undefined) {
    try {
      execFileSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
      checked = true;
    } catch {
      checked = false;
    }
  }
  if (checked || testServices().required) return { run: true };
  console.warn('[ffmpeg] skipping: no ffmpeg on PATH (apt-get install -y ffmpeg)');
  return { run: false };
}
