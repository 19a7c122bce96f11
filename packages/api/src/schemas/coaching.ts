import { z } from 'zod';
import { athleteTargetSchema, pageSchema } from './common.js';
import { text } from './primitives.js';

export const questionMaxLength = 5000;
export const imageMaxBytes = 10 * 1024 * 1024;
export const imageMediaTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMediaType = (typeof imageMediaTypes)[number];

/** `{ question, conversationId? }`, plus the acting-for target (service and coach calls). */
export const askSchema = athleteTargetSchema.extend({
  question: text().trim().min(1).max(questionMaxLength),
  conversationId: z.uuid().optional(),
});

/** The first bytes each accepted image type starts with. */
export function sniffImageType(bytes: Uint8Array): ImageMediaType | undefined {
  const at = (index: number) => bytes[index] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) {
    return 'image/png';
  }
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** Bytes a base64 text decodes to, without decoding it. */
export function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

export const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** A JPEG, PNG or WebP image of at most 10 MB, base64 encoded; its bytes must match its type. */
export const imageSchema = z
  .object({
    mediaType: z.enum(imageMediaTypes),
    data: z
      .string()
      .min(4)
      .regex(base64Pattern, { error: 'must be base64' })
      .refine((data) => base64Bytes(data) <= imageMaxBytes, { error: 'must be at most 10 MB' }),
  })
  .refine(
    (image) => sniffImageType(Buffer.from(image.data.slice(0, 24), 'base64')) === image.mediaType,
    { error: 'the image bytes are not a JPEG, PNG or WebP of the stated type', path: ['data'] },
  );

export const askMediaSchema = askSchema.extend({ image: imageSchema });

/** Optional as a whole, like the knowledge list; `limit` 20 and `offset` 0 by default. */
export const conversationListSchema = athleteTargetSchema.extend(pageSchema).optional();
