import { AppError } from '@aria/core';
import type { AnalysisMediaKind } from '@aria/db';
import type { ApiDeps } from '../context.js';
import {
  type AnalysisMediaType,
  isVideoMediaType,
  sameMediaFamily,
  sniffAnalysisMediaType,
} from '../schemas/analyses.js';
import { base64Bytes, imageMaxBytes } from '../schemas/coaching.js';

/** An upload that passed every check, ready to be stored. */
export interface AcceptedUpload {
  readonly kind: AnalysisMediaKind;
  /** As its first bytes show it. */
  readonly mediaType: AnalysisMediaType;
  readonly bytes: Buffer;
}

const megabytes = (bytes: number) => `${Math.floor((bytes / 1024 / 1024) * 10) / 10} MB`;

function visionRequired(): AppError {
  return new AppError(
    'AI_UNAVAILABLE',
    'Media analysis needs a vision-capable AI provider. This server answers with the ' +
      'built-in coach, which reads text only (set OPENAI_API_KEY with a vision model).',
  );
}

/**
 * Checks that this server can analyse the upload and that it is what it says, before anything
 * is metered: a vision provider (AI_UNAVAILABLE), the size (PAYLOAD_TOO_LARGE), the
 * first bytes against the declared type (UNSUPPORTED_MEDIA_TYPE), and ffmpeg for a video
 * (NOT_CONFIGURED).
 */
export async function acceptUpload(
  deps: ApiDeps,
  media: { readonly mediaType: string; readonly data: string },
): Promise<AcceptedUpload> {
  if (!deps.ai.supportsImages) throw visionRequired();
  const maxBytes = deps.config.analysis.maxBytes;
  if (base64Bytes(media.data) > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${megabytes(maxBytes)}.`);
  }
  const bytes = Buffer.from(media.data, 'base64');
  const sniffed = sniffAnalysisMediaType(bytes.subarray(0, 64));
  if (!sniffed) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The file is neither an MP4, QuickTime or WebM video nor a JPEG, PNG or WebP image.',
    );
  }
  if (!sameMediaFamily(media.mediaType, sniffed)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file is ${sniffed}, not the ${media.mediaType} it was sent as.`,
    );
  }
  if (!isVideoMediaType(sniffed)) {
    if (bytes.byteLength > imageMaxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'An image is at most 10 MB.');
    }
    return { kind: 'image', mediaType: sniffed, bytes };
  }
  if (!(await deps.frames?.available())) {
    throw new AppError(
      'NOT_CONFIGURED',
      'Video analysis needs ffmpeg on the server (FFMPEG_PATH); images can still be analysed.',
    );
  }
  return { kind: 'video', mediaType: sniffed, bytes };
}
