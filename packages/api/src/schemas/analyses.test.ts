import { ffmpegAvailability, makeTestClip } from '@aria/integrations/media-testing';
import { describe, expect, it } from 'vitest';
import { sameMediaFamily, sniffAnalysisMediaType } from './analyses.js';

const bytes = (hex: string, text = '') =>
  Buffer.concat([Buffer.from(hex.replaceAll(' ', ''), 'hex'), Buffer.from(text, 'latin1')]);

describe('sniffAnalysisMediaType', () => {
  it.skipIf(!ffmpegAvailability().run)('reads the videos ffmpeg writes', async () => {
    expect(sniffAnalysisMediaType(await makeTestClip('mp4'))).toBe('video/mp4');
    expect(sniffAnalysisMediaType(await makeTestClip('mov'))).toBe('video/quicktime');
    expect(sniffAnalysisMediaType(await makeTestClip('webm'))).toBe('video/webm');
  });

  it('reads images and classic QuickTime, and refuses look-alikes', () => {
    expect(sniffAnalysisMediaType(bytes('ffd8ffe0'))).toBe('image/jpeg');
    expect(sniffAnalysisMediaType(bytes('89504e470d0a1a0a'))).toBe('image/png');
    expect(sniffAnalysisMediaType(bytes('', 'RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffAnalysisMediaType(bytes('00000008', 'wide'))).toBe('video/quicktime');
    // An HEIC photo is an ISO file too, but holds no video.
    expect(sniffAnalysisMediaType(bytes('00000018', 'ftypheic'))).toBeUndefined();
    // A Matroska (not WebM) file.
    expect(sniffAnalysisMediaType(bytes('1a45dfa3 9f4282 88', 'matroska'))).toBeUndefined();
    expect(sniffAnalysisMediaType(bytes('', 'RIFF\0\0\0\0AVI LIST'))).toBeUndefined();
    expect(sniffAnalysisMediaType(bytes('', 'just text'))).toBeUndefined();
    expect(sniffAnalysisMediaType(new Uint8Array())).toBeUndefined();
  });
});

describe('sameMediaFamily', () => {
  it('takes MP4 and QuickTime for one another, and nothing else', () => {
    expect(sameMediaFamily('video/mp4', 'video/quicktime')).toBe(true);
    expect(sameMediaFamily('video/quicktime', 'video/mp4')).toBe(true);
    expect(sameMediaFamily('video/webm', 'video/webm')).toBe(true);
    expect(sameMediaFamily('video/webm', 'video/mp4')).toBe(false);
    expect(sameMediaFamily('image/jpeg', 'image/png')).toBe(false);
  });
});
