import { createAnalysisRunner } from '@aria/api';
import { testServices } from '@aria/config/testing';
import { analyses, monthlyUsage, outboxEvents } from '@aria/db';
import { createTestDatabase, type TestDatabase } from '@aria/db/testing';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testMechanicsAnalysis,
} from '@aria/integrations/ai-testing';
import { ffmpegAvailability, makeTestClip } from '@aria/integrations/media-testing';
import { type AriaJobs, silentLogger, startJobs } from '@aria/jobs';
import { eventually } from '@aria/jobs/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLifecycle } from '../lifecycle.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { athleteOnTier, expectJson, expectProblem, rest } from '../testing/rest.js';
import { analysisSchema } from './analyses.js';

// POST /v1/coaching/analyses (multipart) → 202 → the job (pg-boss on the app's database,
// ffmpeg, the real OpenAI SDK against a local Chat Completions server) → GET shows the result.

const chat: ChatCompletionsServer = await startChatCompletionsServer();
afterAll(() => chat.close());
beforeEach(() => chat.reset());

const services = testServices();
const maxBytes = 60_000;
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function form(file: Blob, name: string, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  body.set('media', file, name);
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

type Part = { type: string; text?: string };

for (const driver of ['pglite', 'postgres'] as const) {
  const unavailable =
    !ffmpegAvailability().run ||
    (driver === 'postgres' && !services.databaseUrl && !services.required);

  describe.skipIf(unavailable)(`/v1/coaching/analyses [${driver}]`, () => {
    let database: TestDatabase | undefined;
    let t: TestApp;
    let builtin: TestApp;
    let jobs: AriaJobs;
    let clip: Buffer;

    beforeAll(async () => {
      database = driver === 'postgres' ? await createTestDatabase() : undefined;
      const env = {
        ...(database ? { DATABASE_URL: database.url } : {}),
        OPENAI_API_KEY: chat.apiKey,
        OPENAI_BASE_URL: chat.baseUrl,
        AI_MAX_RETRIES: '0',
        ANALYSIS_MAX_BYTES: String(maxBytes),
        JOBS_MAX_ATTEMPTS: '2',
        JOBS_RETRY_DELAY_SECONDS: '1',
        JOBS_POLL_INTERVAL_MS: '500',
      };
      const base = await createTestApp(env);
      jobs = await startJobs({
        config: base.config,
        database: base.deps.database,
        logger: silentLogger,
        runWorkers: true,
        analyzeMedia: createAnalysisRunner({ ...base.deps, logger: silentLogger }),
      });
      const lifecycle = createLifecycle();
      lifecycle.markStarted();
      const deps = { ...base.deps, jobs: jobs.engine };
      t = { ...base, deps, app: createApp({ deps, logger: createLogger(base.config), lifecycle }) };
      // The same server without a vision provider (the built-in coach).
      const { OPENAI_API_KEY: _key, ...withoutOpenAi } = env;
      builtin = await createTestApp(withoutOpenAi, {
        database: base.deps.database,
        jobs: jobs.engine,
      });
      clip = await makeTestClip('mp4', { seconds: 2 });
    }, 60_000);
    afterAll(async () => {
      await jobs?.stop(5_000);
      await builtin?.deps.close();
      await t?.deps.close();
      await database?.drop();
    }, 60_000);

    const proAthlete = (id: string) => athleteOnTier(t, id, 'pro');

    const post = (headers: Record<string, string>, body: FormData, app = t) =>
      app.app.request('/v1/coaching/analyses', { method: 'POST', headers, body });
    const mediaUsed = async (athleteId: string) => {
      const rows = await t.deps.db
        .select({ used: monthlyUsage.used })
        .from(monthlyUsage)
        .where(and(eq(monthlyUsage.athleteId, athleteId), eq(monthlyUsage.kind, 'ask_media')));
      return rows.reduce((sum, row) => sum + row.used, 0);
    };
    const rowsOf = (athleteId: string) =>
      t.deps.db.select().from(analyses).where(eq(analyses.athleteId, athleteId));
    const finished = (id: string) =>
      eventually(async () => {
        const [row] = await t.deps.db.select().from(analyses).where(eq(analyses.id, id));
        expect(row?.status).toMatch(/completed|failed/);
      }, 30_000);

    it('answers 202 with a Location, and GET there shows the completed mechanics', async () => {
      const headers = await proAthlete('rest-video');
      chat.script({ kind: 'answer', content: testMechanicsAnalysis });
      const response = await post(
        headers,
        form(new Blob([clip], { type: 'video/mp4' }), 'sprint.mp4', {
          event: '100m',
          experienceLevel: 'advanced',
        }),
      );
      const queued = analysisSchema.parse(await expectJson(response, 202));
      expect(queued).toMatchObject({ status: 'queued', mediaKind: 'video', event: '100m' });
      const location = response.headers.get('location');
      expect(location).toBe(`/v1/coaching/analyses/${queued.id}`);
      expect(response.headers.get('x-monthly-usage')).toBe('1');

      await finished(queued.id);
      const done = analysisSchema.parse(
        await expectJson(await rest(t, 'get', location ?? '', { headers }), 200),
      );
      expect(done).toMatchObject({
        status: 'completed',
        result: testMechanicsAnalysis,
        error: null,
      });

      const parts = chat.requests[0]?.body.messages.at(-1)?.content as Part[];
      expect(parts.filter((part) => part.type === 'image_url')).toHaveLength(6);
      expect(parts[0]?.text).toContain('races 100m; experience level: advanced');
      const events = await t.deps.db
        .select()
        .from(outboxEvents)
        .where(eq(outboxEvents.athleteId, 'rest-video'));
      expect(events.map((e) => [e.topic, e.payload])).toEqual([
        ['analysis.completed', { analysisId: queued.id, status: 'completed' }],
      ]);
    }, 60_000);

    it('reads the type of an unlabelled upload from its bytes', async () => {
      const headers = await proAthlete('rest-unlabelled');
      const webm = await makeTestClip('webm');
      chat.script({ kind: 'answer', content: testMechanicsAnalysis });
      const response = await post(headers, form(new Blob([webm]), 'clip'));
      const queued = analysisSchema.parse(await expectJson(response, 202));
      expect(queued).toMatchObject({ mediaKind: 'video', mediaType: 'video/webm' });
      await finished(queued.id);
      const [row] = await rowsOf('rest-unlabelled');
      expect(row?.status).toBe('completed');
    }, 60_000);

    it('shows a failed analysis, refunded, when the model keeps failing', async () => {
      const headers = await proAthlete('rest-model-down');
      chat.script({ kind: 'error', status: 503 }, { kind: 'error', status: 503 });
      const response = await post(headers, form(new Blob([png], { type: 'image/png' }), 'a.png'));
      const queued = analysisSchema.parse(await expectJson(response, 202));
      expect(await mediaUsed('rest-model-down')).toBe(1);
      await finished(queued.id);
      const failed = await expectJson(
        await rest(t, 'get', `/v1/coaching/analyses/${queued.id}`, { headers }),
        200,
      );
      expect(failed).toMatchObject({ status: 'failed', error: { code: 'AI_UNAVAILABLE' } });
      expect(await mediaUsed('rest-model-down')).toBe(0);
      expect(
        await t.deps.db
          .select()
          .from(outboxEvents)
          .where(eq(outboxEvents.athleteId, 'rest-model-down')),
      ).toEqual([]);
    }, 60_000);

    it('refuses without metering or storing: no vision, too large, wrong bytes, no file', async () => {
      const headers = await proAthlete('rest-refused');
      const video = () => form(new Blob([clip], { type: 'video/mp4' }), 'sprint.mp4');

      const noVision = await expectProblem(
        await post(headers, video(), builtin),
        503,
        'AI_UNAVAILABLE',
      );
      expect(noVision.detail).toContain('vision');

      // Over the limit but within the body limit: the procedure refuses it.
      const large = new Uint8Array(maxBytes + 1);
      large.set(clip.subarray(0, 64));
      await expectProblem(
        await post(headers, form(new Blob([large], { type: 'video/mp4' }), 'big.mp4')),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      // Far over it: the body limit refuses it before it is read.
      const huge = new Uint8Array(maxBytes * 2);
      await expectProblem(
        await post(headers, form(new Blob([huge], { type: 'video/mp4' }), 'huge.mp4')),
        413,
        'PAYLOAD_TOO_LARGE',
      );

      const text = new Blob(['just some text, not a video'], { type: 'video/mp4' });
      await expectProblem(
        await post(headers, form(text, 'fake.mp4')),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      const labelledText = new Blob([clip], { type: 'text/plain' });
      await expectProblem(
        await post(headers, form(labelledText, 'x.txt')),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      await expectProblem(
        await post(
          headers,
          form(new Blob([clip], { type: 'video/mp4' }), 'a.mp4', { event: '5k' }),
        ),
        400,
        'BAD_REQUEST',
      );
      const noFile = new FormData();
      noFile.set('event', '100m');
      await expectProblem(await post(headers, noFile), 400, 'BAD_REQUEST');
      await expectProblem(await post({}, video()), 401, 'UNAUTHORIZED');

      expect(await mediaUsed('rest-refused')).toBe(0);
      expect(await rowsOf('rest-refused')).toEqual([]);
      expect(chat.requests).toEqual([]);
    }, 60_000);

    it('answers 404 for another athlete’s analysis and 400 for a bad id', async () => {
      const owner = await proAthlete('rest-owner');
      chat.script({ kind: 'answer', content: testMechanicsAnalysis });
      const response = await post(owner, form(new Blob([png], { type: 'image/png' }), 'a.png'));
      const { id } = analysisSchema.parse(await expectJson(response, 202));
      const other = await proAthlete('rest-other');
      await expectProblem(
        await rest(t, 'get', `/v1/coaching/analyses/${id}`, { headers: other }),
        404,
        'NOT_FOUND',
      );
      await expectProblem(
        await rest(t, 'get', `/v1/coaching/analyses/${id}?athleteId=rest-owner`, {
          headers: other,
        }),
        404,
        'NOT_FOUND',
      );
      await expectProblem(
        await rest(t, 'get', '/v1/coaching/analyses/not-a-uuid', { headers: owner }),
        400,
        'BAD_REQUEST',
      );
      await finished(id);
    }, 60_000);
  });
}
