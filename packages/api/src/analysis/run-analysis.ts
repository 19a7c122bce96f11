import {
  type ExperienceLevel,
  experienceLevels,
  profileReportsInjury,
  type SprintEvent,
  sprintEvents,
} from '@aria/core';
import {
  type Analysis,
  type AriaDatabase,
  analysisMediaOf,
  completeAnalysis,
  failAnalysis,
  findAthlete,
  replaceUploadWithFrames,
  startAnalysisRun,
} from '@aria/db';
import {
  type AiImage,
  type AiProvider,
  FrameExtractionError,
  type FrameExtractor,
  type ImageMediaType,
  imageMediaTypes,
} from '@aria/integrations';
import type { AnalyzeMediaData, JobHandler, JobLogger } from '@aria/jobs';
import { classifyFailure } from './failures.js';

export interface AnalysisRunnerDeps {
  readonly db: AriaDatabase;
  /** Must read images (`supportsImages`); the request was refused otherwise. */
  readonly ai: AiProvider;
  /** ffmpeg; without it a video's frames cannot be taken (the run fails and is retried). */
  readonly frames?: FrameExtractor | undefined;
  readonly logger: JobLogger;
}

type RunningAnalysis = Omit<Analysis, 'result'>;

const asImageType = (type: string): ImageMediaType | undefined =>
  imageMediaTypes.find((known) => known === type);

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  values.find((known) => known === value) ?? null;

/**
 * The frames to show the model: an image as it is; a video's key frames, taken once and
 * stored in place of the upload (a retry reuses them, and the video bytes are gone).
 */
async function framesOf(deps: AnalysisRunnerDeps, analysis: RunningAnalysis): Promise<AiImage[]> {
  const media = await analysisMediaOf(deps.db, analysis.id);
  const upload = media.find((part) => part.part === 'upload');
  const imageType = asImageType(analysis.mediaType);
  if (analysis.mediaKind === 'image' && upload && imageType) {
    return [{ mediaType: imageType, base64: upload.bytes.toString('base64') }];
  }
  if (upload) {
    if (!deps.frames) throw new FrameExtractionError('unavailable', 'no ffmpeg is configured');
    const frames = await deps.frames.extractFrames(upload.bytes);
    await replaceUploadWithFrames(deps.db, analysis.id, frames);
    return frames.map((frame) => ({ mediaType: 'image/jpeg', base64: frame.toString('base64') }));
  }
  const stored = media.filter((part) => part.part === 'frame');
  if (stored.length === 0) throw new Error(`analysis ${analysis.id} has no media left`);
  return stored.map((frame) => ({
    mediaType: 'image/jpeg',
    base64: frame.bytes.toString('base64'),
  }));
}

async function analyse(deps: AnalysisRunnerDeps, analysis: RunningAnalysis) {
  const frames = await framesOf(deps, analysis);
  const athlete = await findAthlete(deps.db, analysis.athleteId);
  const reply = await deps.ai.analyzeMechanics({
    frames,
    context: {
      mediaKind: analysis.mediaKind,
      frameCount: frames.length,
      event: oneOf<SprintEvent>(sprintEvents, analysis.event),
      experienceLevel: oneOf<ExperienceLevel>(experienceLevels, analysis.experienceLevel),
      injured: athlete ? profileReportsInjury(athlete.injuryStatus) : false,
    },
  });
  return completeAnalysis(deps.db, analysis.id, {
    result: reply.analysis,
    provider: reply.provider,
    model: reply.model,
    promptTokens: reply.usage.promptTokens,
    completionTokens: reply.usage.completionTokens,
  });
}

/**
 * The `coaching.analyze-media` job: takes the frames, asks the vision model, and stores the
 * result with its `analysis.completed` event. A run that fails is retried with backoff by the
 * job engine; after the last attempt, or at once when the file itself is unreadable, the
 * analysis is marked failed and its `ask_media` unit refunded (once, whatever runs twice).
 */
export function createAnalysisRunner(deps: AnalysisRunnerDeps): JobHandler<AnalyzeMediaData> {
  return async ({ data, attempt, final }) => {
    const analysis = await startAnalysisRun(deps.db, data.analysisId);
    const fields = { analysisId: data.analysisId, attempt };
    if (!analysis) {
      deps.logger.info(fields, 'analysis already finished or gone; nothing to do');
      return;
    }
    try {
      const completed = await analyse(deps, analysis);
      deps.logger.info({ ...fields, completed }, 'analysis completed');
    } catch (error) {
      const failure = classifyFailure(error);
      if (!failure.permanent && !final) {
        deps.logger.warn({ ...fields, err: error, code: failure.code }, 'analysis run failed');
        throw error;
      }
      await failAnalysis(deps.db, analysis.id, failure.code);
      deps.logger.error({ ...fields, err: error, code: failure.code }, 'analysis failed');
    }
  };
}
