import { AppError } from '@aria/core';
import { FrameExtractionError } from '@aria/integrations';

/** Why an analysis failed, as stored (`errorCode`) and served. */
export const analysisErrorCodes = [
  'MEDIA_UNREADABLE',
  'FRAME_EXTRACTION_FAILED',
  'AI_UNAVAILABLE',
  'INTERNAL',
] as const;
export type AnalysisErrorCode = (typeof analysisErrorCodes)[number];

export const analysisErrorDetails: Readonly<Record<AnalysisErrorCode, string>> = {
  MEDIA_UNREADABLE: 'The file holds no video frames that can be read.',
  FRAME_EXTRACTION_FAILED: 'The key frames could not be taken from the video.',
  AI_UNAVAILABLE: 'The AI provider could not analyse the frames.',
  INTERNAL: 'The analysis failed.',
};

export interface AnalysisFailure {
  readonly code: AnalysisErrorCode;
  /** Retrying cannot help (the file itself is the problem): fail now, not after the retries. */
  readonly permanent: boolean;
}

/** What a failed run means for the analysis. */
export function classifyFailure(error: unknown): AnalysisFailure {
  if (error instanceof FrameExtractionError) {
    return error.reason === 'unreadable'
      ? { code: 'MEDIA_UNREADABLE', permanent: true }
      : { code: 'FRAME_EXTRACTION_FAILED', permanent: false };
  }
  if (error instanceof AppError && error.code === 'AI_UNAVAILABLE') {
    return { code: 'AI_UNAVAILABLE', permanent: false };
  }
  return { code: 'INTERNAL', permanent: false };
}

export function isAnalysisErrorCode(code: string | null): code is AnalysisErrorCode {
  return (analysisErrorCodes as readonly (string | null)[]).includes(code);
}
