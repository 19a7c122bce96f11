import { testServices } from '@aria/config/testing';
import {
  type AriaDatabase,
  analyses,
  analysisMedia,
  outboxEvents,
  subscriptions,
  usageFor,
} from '@aria/db';
import { createAiProvider, createBuiltinProvider, createFrameExtractor } from '@aria/integrations';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testMechanicsAnalysis,
} from '@aria/integrations/ai-testing';
import { ffmpegAvailability, makeTestClip } from '@aria/integrations/media-testing';
import { type AriaJobs, createJobEngine, silentLogger, startJobs } from '@aria/jobs';
import { eventually, type JobsTestDatabase, openJobsTestDatabase } from '@aria/jobs/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnalysisRunner } from '../analysis/run-analysis.js';
import { testConfig } from '../testing/auth.js';
import { type RouterTestKitOptions, routerTestKit, trpcFailure } from '../testing/router-kit.js';
import type { AnalysisView } from '../views/analyses.js';

// coaching.analyzeMedia end to end below HTTP: the procedure, the job engine (pg-boss on the
// same database), ffmpeg on a clip made here, and the real OpenAI SDK against a local Chat
// Completions server.

const period = '2026-06-01';
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);
/** An `ftyp` box and nothing a decoder can use. */
const brokenMp4 = Buffer.concat([Buffer.from('0000001866747970', 'hex'), Buffer.alloc(400, 9)]);

type Part = { type: string; text?: string };
const partsOf = (body: ChatCompletionsServer['requests'][number]['body']): Part[] => {
  const content = body.messages.at(-1)?.content;
  return Array.isArray(content) ? (content as Part[]) : [];
};

const server: ChatCompletionsServer = await startChatCompletionsServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const jobSettings = {
  JOBS_MAX_ATTEMPTS: '2',
  JOBS_RETRY_DELAY_SECONDS: '1',
  JOBS_POLL_INTERVAL_MS: '500',
};

const openAiEnv = {
  OPENAI_API_KEY: server.apiKey,
  OPENAI_BASE_URL: server.baseUrl,
  AI_MAX_RETRIES: '0',
};

for (const driver of ['pglite', 'postgres'] as const) {
  const unavailable =
    !ffmpegAvailability().run ||
    (driver === 'postgres' && !testServices().databaseUrl && !testServices().required);

  describe.skipIf(unavailable)(`coaching.analyzeMedia [${driver}]`, () => {
    let database: JobsTestDatabase;
    let jobs: AriaJobs;
    const db = (): AriaDatabase => database.handle.db;
    const frames = createFrameExtractor({ ffmpegPath: 'ffmpeg' });
    const ai = createAiProvider(testConfig(openAiEnv));
    let clip: Buffer;
    /** Router kits over the suite's database and started job engine. */
    const kitWith = (overrides: Partial<RouterTestKitOptions> = {}) =>
      routerTestKit(db, { ai, frames, jobs: jobs.engine, configEnv: jobSettings, ...overrides });
    let kit: ReturnType<typeof kitWith>;

    beforeAll(async () => {
      database = await openJobsTestDatabase(driver);
      const config = testConfig({ ...jobSettings, DATABASE_URL: database.url ?? '' });
      jobs = await startJobs({
        config,
        database: database.handle,
        logger: silentLogger,
        runWorkers: true,
        analyzeMedia: createAnalysisRunner({ db: db(), ai, frames, logger: silentLogger }),
      });
      kit = kitWith();
      clip = await makeTestClip('mp4', { seconds: 2 });
    }, 60_000);
    afterAll(async () => {
      await jobs?.stop(5_000);
      await database?.close();
    }, 60_000);

    const athlete = async (id: string, tier: 'free' | 'pro' | 'star' = 'pro') => {
      const api = await kit.asUser(id);
      await api.athletes.get();
      await db().update(subscriptions).set({ tier }).where(eq(subscriptions.athleteId, id));
      return api;
    };
    const mediaUsed = async (id: string) => (await usageFor(db(), id, period)).ask_media;
    const rowsOf = (id: string) => db().select().from(analyses).where(eq(analyses.athleteId, id));
    const eventsOf = (id: string) =>
      db().select().from(outboxEvents).where(eq(outboxEvents.athleteId, id));
    /** Waits for the job (reading the row: polling the API would spend the caller's rate). */
    const finished = async (api: Awaited<ReturnType<typeof athlete>>, id: string) => {
      await eventually(async () => {
        const [row] = await db().select().from(analyses).where(eq(analyses.id, id));
        expect(row?.status).toMatch(/completed|failed/);
      }, 30_000);
      return api.coaching.getAnalysis({ id });
    };

    it('queues a video, takes its key frames, and stores the model’s mechanics with analysis.completed', async () => {
      const api = await athlete('va-video');
      server.script({ kind: 'answer', content: testMechanicsAnalysis });
      await api.athletes.update({ eventFocus: ['long jump', '200m'] });
      const queued = await api.coaching.analyzeMedia({
        media: { mediaType: 'video/mp4', data: clip.toString('base64') },
        experienceLevel: 'elite',
      });
      expect(queued).toMatchObject({
        status: 'queued',
        mediaKind: 'video',
        mediaType: 'video/mp4',
        event: '200m',
        experienceLevel: 'elite',
        result: null,
        error: null,
      });
      expect(await mediaUsed('va-video')).toBe(1);

      const done: AnalysisView = await finished(api, queued.id);
      expect(done).toMatchObject({
        status: 'completed',
        attempts: 1,
        result: testMechanicsAnalysis,
        error: null,
        finishedAt: expect.any(Date),
      });
      expect(server.requests).toHaveLength(1);
      const parts = partsOf(server.requests[0]?.body ?? { model: '', messages: [] });
      expect(parts.filter((part) => part.type === 'image_url')).toHaveLength(6);
      expect(parts[0]?.text).toContain('races 200m; experience level: elite');
      expect(parts[0]?.text).toContain('6 frames');

      const events = await eventsOf('va-video');
      expect(events.map((e) => [e.topic, e.payload])).toEqual([
        ['analysis.completed', { analysisId: queued.id, status: 'completed' }],
      ]);
      expect(await db().$count(analysisMedia, eq(analysisMedia.analysisId, queued.id))).toBe(0);
      expect(await mediaUsed('va-video')).toBe(1);
    }, 60_000);

    it('analyses an image as it is, judged for the level of the latest plan', async () => {
      const api = await athlete('va-image');
      server.script({ kind: 'answer', content: testMechanicsAnalysis });
      await api.plans.generate({
        event: '400m',
        experienceLevel: 'beginner',
        daysPerWeek: 3,
        competitionDate: '2026-09-01',
      });
      const queued = await api.coaching.analyzeMedia({
        media: { mediaType: 'image/png', data: png.toString('base64') },
      });
      expect(queued).toMatchObject({
        mediaKind: 'image',
        event: '400m',
        experienceLevel: 'beginner',
      });
      expect(await finished(api, queued.id)).toMatchObject({ status: 'completed' });
      const parts = partsOf(server.requests[0]?.body ?? { model: '', messages: [] });
      expect(parts.filter((part) => part.type === 'image_url')).toHaveLength(1);
      expect(parts[0]?.text).toContain('one photo');
    }, 60_000);

    it('marks the analysis failed and refunds its unit once when the model keeps failing', async () => {
      const api = await athlete('va-model-down');
      server.script(
        { kind: 'error', status: 500 },
        { kind: 'error', status: 500 },
        { kind: 'error', status: 500 },
      );
      const queued = await api.coaching.analyzeMedia({
        media: { mediaType: 'video/mp4', data: clip.toString('base64') },
      });
      expect(await mediaUsed('va-model-down')).toBe(1);
      const failed = await finished(api, queued.id);
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 2,
        result: null,
        error: { code: 'AI_UNAVAILABLE' },
      });
      expect(server.requests).toHaveLength(2);
      expect(await mediaUsed('va-model-down')).toBe(0);
      expect(await eventsOf('va-model-down')).toEqual([]);
      expect(await db().$count(analysisMedia, eq(analysisMedia.analysisId, queued.id))).toBe(0);
      // The frames taken on the first run were kept for the retry, not taken again: the
      // second request showed the same frames.
      const [first, second] = server.requests.map((r) => JSON.stringify(partsOf(r.body)));
      expect(second).toBe(first);
    }, 60_000);

    it('fails an unreadable video at once, refunded, without asking the model', async () => {
      const api = await athlete('va-unreadable');
      const queued = await api.coaching.analyzeMedia({
        media: { mediaType: 'video/mp4', data: brokenMp4.toString('base64') },
      });
      expect(await finished(api, queued.id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: { code: 'MEDIA_UNREADABLE' },
      });
      expect(server.requests).toEqual([]);
      expect(await mediaUsed('va-unreadable')).toBe(0);
    }, 60_000);

    it('refuses before metering: no vision provider, no ffmpeg, too large, wrong bytes, spent quota', async () => {
      const api = await athlete('va-refused');
      const video = { mediaType: 'video/mp4' as const, data: clip.toString('base64') };
      const builtin = kitWith({ ai: createBuiltinProvider() });
      await expect(
        (await builtin.asUser('va-refused')).coaching.analyzeMedia({ media: video }),
      ).rejects.toMatchObject({ ...trpcFailure('SERVICE_UNAVAILABLE'), message: /vision/ });

      const noFfmpeg = kitWith({
        frames: createFrameExtractor({ ffmpegPath: '/nonexistent/ffmpeg' }),
      });
      const withoutFfmpeg = await noFfmpeg.asUser('va-refused');
      await expect(withoutFfmpeg.coaching.analyzeMedia({ media: video })).rejects.toMatchObject({
        ...trpcFailure('SERVICE_UNAVAILABLE'),
        message: /ffmpeg/,
      });

      const small = kitWith({
        configEnv: { ...jobSettings, ANALYSIS_MAX_BYTES: String(clip.length - 1) },
      });
      await expect(
        (await small.asUser('va-refused')).coaching.analyzeMedia({ media: video }),
      ).rejects.toMatchObject(trpcFailure('PAYLOAD_TOO_LARGE'));

      for (const media of [
        {
          mediaType: 'video/mp4' as const,
          data: Buffer.from('not a video at all').toString('base64'),
        },
        { mediaType: 'video/webm' as const, data: video.data },
        { mediaType: 'image/jpeg' as const, data: png.toString('base64') },
      ]) {
        await expect(api.coaching.analyzeMedia({ media })).rejects.toMatchObject(
          trpcFailure('UNSUPPORTED_MEDIA_TYPE'),
        );
      }
      await expect(
        api.coaching.analyzeMedia({ media: { mediaType: 'video/mp4', data: '***' } }),
      ).rejects.toMatchObject(trpcFailure('BAD_REQUEST'));

      const free = await athlete('va-free', 'free');
      await expect(free.coaching.analyzeMedia({ media: video })).rejects.toMatchObject(
        trpcFailure('PAYMENT_REQUIRED'),
      );

      expect(await mediaUsed('va-refused')).toBe(0);
      expect(await rowsOf('va-refused')).toEqual([]);
      expect(await rowsOf('va-free')).toEqual([]);
      expect(server.requests).toEqual([]);
    }, 60_000);

    it('keeps no row and no unit when the job cannot be queued', async () => {
      await athlete('va-no-queue');
      const stopped = createJobEngine({
        database: database.handle,
        databaseUrl: database.url,
        jobs: [],
        defaults: { maxAttempts: 1, retryDelaySeconds: 1, expireInSeconds: 60 },
      });
      const broken = kitWith({ jobs: stopped });
      await expect(
        (await broken.asUser('va-no-queue')).coaching.analyzeMedia({
          media: { mediaType: 'image/png', data: png.toString('base64') },
        }),
      ).rejects.toMatchObject(trpcFailure('INTERNAL_SERVER_ERROR'));
      expect(await rowsOf('va-no-queue')).toEqual([]);
      expect(await mediaUsed('va-no-queue')).toBe(0);
    }, 60_000);

    it('shows an analysis to its athlete and linked coaches only', async () => {
      const owner = await athlete('va-owner');
      const queued = await owner.coaching.analyzeMedia({
        media: { mediaType: 'image/png', data: png.toString('base64') },
      });
      await owner.coach.link({ coachId: 'va-coach' });
      const coach = await kit.asUser('va-coach', 'coach');
      expect((await coach.coaching.getAnalysis({ id: queued.id, athleteId: 'va-owner' })).id).toBe(
        queued.id,
      );

      const other = await athlete('va-other');
      await expect(other.coaching.getAnalysis({ id: queued.id })).rejects.toMatchObject(
        trpcFailure('NOT_FOUND'),
      );
      await expect(
        other.coaching.getAnalysis({ id: queued.id, athleteId: 'va-owner' }),
      ).rejects.toMatchObject(trpcFailure('NOT_FOUND'));
      await expect(
        coach.coaching.analyzeMedia({
          athleteId: 'va-owner',
          media: { mediaType: 'image/png', data: png.toString('base64') },
        }),
      ).rejects.toMatchObject(trpcFailure('FORBIDDEN'));
      await finished(owner, queued.id);
      // The athlete's export holds the analysis (its result, never the upload).
      const exported = await owner.athletes.export();
      expect(exported.records).toMatchObject({
        analyses: [expect.objectContaining({ id: queued.id, mediaType: 'image/png' })],
      });
      expect(JSON.stringify(exported.records)).not.toContain(png.toString('base64'));
    }, 60_000);
  });
}
