import { z } from 'zod';
import { defineJob } from '../definition.js';

/**
 * Analyses one uploaded sprint video or image (`coaching.analyzeMedia`). The data is only the
 * analysis id: the upload waits in the database, never in the queue. The handler lives with
 * the API (it needs the AI provider and ffmpeg) and is handed to `startJobs`.
 */
export const analyzeMedia = defineJob({
  name: 'coaching.analyze-media',
  parse: z.object({ analysisId: z.uuid() }).parse,
  // ffmpeg (at most a minute per run, two runs) and the model (with its own retries) fit well
  // inside; a run still going after this is taken for a crashed worker's and retried.
  expireInSeconds: 300,
  // Sent with the analysis id as key: a resend (the sweep) while one waits is dropped.
  policy: 'short',
});

export type AnalyzeMediaData = ReturnType<typeof analyzeMedia.parse>;
