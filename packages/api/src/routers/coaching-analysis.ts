import { AppError } from '@aria/core';
import { createAnalysis, discardAnalysis, findAnalysis } from '@aria/db';
import { analyzeMedia as analyzeMediaJob } from '@aria/jobs';
import { actingFor } from '../access.js';
import { acceptUpload } from '../analysis/accept-upload.js';
import { judgedFor } from '../analysis/judged-for.js';
import { requireJobs } from '../job-engine.js';
import { meteredWithCharge } from '../metering/middleware.js';
import { authedProcedure } from '../procedures.js';
import { analysisIdSchema, analyzeMediaSchema } from '../schemas/analyses.js';
import { type AnalysisView, toAnalysisView } from '../views/analyses.js';
import { meteredCall } from './metered.js';

/**
 * A sprint video or image to analyse in the background: checked (size, first bytes, a vision
 * provider, ffmpeg for a video) before one `ask_media` unit is charged, stored with that unit,
 * and handed to the `coaching.analyze-media` job. Answers the queued analysis at once; the
 * job refunds the unit if the analysis fails.
 */
export const analyzeMedia = authedProcedure
  .input(analyzeMediaSchema)
  .use(actingFor('write'))
  .use(async ({ ctx, input, next }) => {
    const jobs = requireJobs(ctx.deps);
    const upload = await acceptUpload(ctx.deps, input.media);
    return next({ ctx: { jobs, upload } });
  })
  .use(meteredWithCharge({ bucket: 'ask', quota: 'ask_media' }))
  .mutation(async ({ ctx, input }): Promise<AnalysisView> => {
    const { db } = ctx.deps;
    const judged = await judgedFor(ctx.deps, ctx.athleteId, input);
    const analysis = await createAnalysis(db, {
      athleteId: ctx.athleteId,
      mediaKind: ctx.upload.kind,
      mediaType: ctx.upload.mediaType,
      bytes: ctx.upload.bytes,
      ...judged,
      charged: ctx.quotaCharge.consumed,
    });
    try {
      await ctx.jobs.send(
        analyzeMediaJob,
        { analysisId: analysis.id },
        { singletonKey: analysis.id },
      );
    } catch (error) {
      await discardAnalysis(db, analysis.id);
      throw error;
    }
    return toAnalysisView(analysis);
  });

/** One analysis with its status, and its result once completed; another athlete's is not found. */
export const getAnalysis = authedProcedure
  .input(analysisIdSchema)
  .use(actingFor('read'))
  .use(meteredCall)
  .query(async ({ ctx, input }): Promise<AnalysisView> => {
    const analysis = await findAnalysis(ctx.deps.db, ctx.athleteId, input.id);
    if (!analysis) throw new AppError('NOT_FOUND', 'No such analysis.');
    return toAnalysisView(analysis);
  });
