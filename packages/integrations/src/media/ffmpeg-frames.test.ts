import { describe, expect, it } from 'vitest';
import {
  createFrameExtractor,
  evenlySpaced,
  FrameExtractionError,
  parseDuration,
} from './ffmpeg-frames.js';
import { ffmpegAvailability, makeTestClip } from './testing/index.js';

const jpegStart = Buffer.from([0xff, 0xd8, 0xff]);

/** Width and height from a baseline JPEG's SOF0 marker. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  const at = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  if (at < 0) throw new Error('no SOF0 marker');
  return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
}

describe('evenlySpaced and parseDuration', () => {
  it('pick first, last and evenly between', () => {
    const items = Array.from({ length: 11 }, (_, i) => i);
    expect(evenlySpaced(items, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(evenlySpaced(items, 1)).toEqual([0]);
    expect(evenlySpaced([1, 2], 6)).toEqual([1, 2]);
  });

  it('read the header duration ffmpeg prints, and nothing else', () => {
    expect(parseDuration('  Duration: 00:01:02.50, start: 0.000000')).toBe(62.5);
    expect(parseDuration('  Duration: N/A, start: 0.000000')).toBeUndefined();
    expect(parseDuration('  Duration: 00:00:00.00, start')).toBeUndefined();
  });
});

describe.skipIf(!ffmpegAvailability().run)(
  'the ffmpeg frame extractor (the local ffmpeg binary)',
  () => {
    const extractor = createFrameExtractor({ ffmpegPath: 'ffmpeg', frameCount: 6, maxSide: 128 });

    it('takes six scaled-down JPEG frames from an MP4, a MOV and a WebM', async () => {
      expect(await extractor.available()).toBe(true);
      for (const format of ['mp4', 'mov', 'webm'] as const) {
        const frames = await extractor.extractFrames(await makeTestClip(format, { seconds: 2 }));
        expect(frames, format).toHaveLength(6);
        for (const frame of frames) {
          expect(frame.subarray(0, 3).equals(jpegStart)).toBe(true);
          expect(jpegSize(frame)).toEqual({ width: 128, height: 96 });
        }
        // A moving test pattern: frames from different moments differ.
        expect(new Set(frames.map((f) => f.toString('base64'))).size).toBeGreaterThan(1);
      }
    });

    it('never scales a small video up', async () => {
      const wide = createFrameExtractor({ ffmpegPath: 'ffmpeg', frameCount: 2, maxSide: 512 });
      const [frame] = await wide.extractFrames(await makeTestClip('mp4'));
      expect(jpegSize(frame ?? Buffer.alloc(0))).toEqual({ width: 160, height: 120 });
    });

    it('calls a file with no video in it unreadable', async () => {
      const notVideo = Buffer.concat([
        Buffer.from('0000001866747970', 'hex'),
        Buffer.alloc(500, 7),
      ]);
      const failure = await extractor.extractFrames(notVideo).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(FrameExtractionError);
      expect(failure).toMatchObject({ reason: 'unreadable' });
    });

    it('says when ffmpeg is missing', async () => {
      const missing = createFrameExtractor({ ffmpegPath: '/nonexistent/ffmpeg' });
      expect(await missing.available()).toBe(false);
      await expect(missing.extractFrames(Buffer.from('x'))).rejects.toMatchObject({
        reason: 'unavailable',
      });
    });

    it('stops an ffmpeg that runs too long', async () => {
      const impatient = createFrameExtractor({ ffmpegPath: 'ffmpeg', timeoutMs: 1 });
      await expect(impatient.extractFrames(await makeTestClip('mp4'))).rejects.toMatchObject({
        reason: 'timeout',
      });
    });
  },
);
