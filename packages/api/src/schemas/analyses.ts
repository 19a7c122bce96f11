import { experienceLevels, sprintEvents } from '@aria/core';
import { z } from 'zod';
import { base64Pattern, type ImageMediaType, imageMediaTypes, sniffImageType } from './coaching.js';
import { athleteTargetSchema } from './common.js';

export const videoMediaTypes = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
export type VideoMediaType = (typeof videoMediaTypes)[number];
export const analysisMediaTypes = [...videoMediaTypes, ...imageMediaTypes] as const;
export type AnalysisMediaType = VideoMediaType | ImageMediaType;

/** No configuration accepts more (ANALYSIS_MAX_BYTES is at most 200 MB). */
const largestUploadBytes = 200 * 1024 * 1024;

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** ISO base media brands that hold still images (HEIF, AVIF), not a video. */
const imageBrands: ReadonlySet<string> = new Set(['heic', 'heix', 'mif1', 'msf1', 'avif', 'avis']);

/** Atoms a classic QuickTime file (older than `ftyp`) may open with. */
const quickTimeAtoms: ReadonlySet<string> = new Set(['moov', 'mdat', 'wide']);

/**
 * The accepted type the first bytes (64 are enough) show: an MP4 or QuickTime `ftyp` box (or
 * a classic QuickTime atom), a WebM EBML header, or a JPEG, PNG or WebP image.
 */
export function sniffAnalysisMediaType(bytes: Uint8Array): AnalysisMediaType | undefined {
  if (quickTimeAtoms.has(ascii(bytes, 4, 8))) return 'video/quicktime';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (imageBrands.has(brand)) return undefined;
    return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  const ebml = [0x1a, 0x45, 0xdf, 0xa3].every((byte, i) => bytes[i] === byte);
  if (ebml) return ascii(bytes, 4, 64).includes('webm') ? 'video/webm' : undefined;
  return sniffImageType(bytes);
}

const isoContainers: ReadonlySet<string> = new Set(['video/mp4', 'video/quicktime']);

/**
 * Whether a declared type and the sniffed one agree. MP4 and QuickTime are one container
 * family (phones label either way), so either name accepts either.
 */
export function sameMediaFamily(declared: string, sniffed: AnalysisMediaType): boolean {
  return declared === sniffed || (isoContainers.has(declared) && isoContainers.has(sniffed));
}

export function isVideoMediaType(type: AnalysisMediaType): type is VideoMediaType {
  return (videoMediaTypes as readonly string[]).includes(type);
}

/**
 * A sprint video (MP4, QuickTime or WebM) or image (JPEG, PNG or WebP), base64 encoded. Its
 * size (ANALYSIS_MAX_BYTES) and its first bytes are checked by the procedure, which answers
 * PAYLOAD_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE.
 */
export const analysisMediaSchema = z.object({
  mediaType: z.enum(analysisMediaTypes),
  data: z
    .string()
    .min(4)
    .max(Math.ceil(largestUploadBytes / 3) * 4)
    .regex(base64Pattern, { error: 'must be base64' }),
});

/**
 * `coaching.analyzeMedia`: the media, and optionally the event and level to judge it for
 * (otherwise the athlete's profile event and latest plan's level, where known).
 */
export const analyzeMediaSchema = athleteTargetSchema.extend({
  media: analysisMediaSchema,
  event: z.enum(sprintEvents).optional(),
  experienceLevel: z.enum(experienceLevels).optional(),
});

export const analysisIdSchema = athleteTargetSchema.extend({ id: z.uuid() });
