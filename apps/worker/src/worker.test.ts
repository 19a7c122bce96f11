import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testServices } from '@aria/config/testing';
import {
  type AriaDatabase,
  createAnalysis,
  createDb,
  type DatabaseHandle,
  migrate,
  provisionAthlete,
  recordOutboxEvent,
} from '@aria/db';
import { createTestDatabase, type TestDatabase } from '@aria/db/testing';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testMechanicsAnalysis,
} from '@aria/integrations/ai-testing';
import { ffmpegAvailability, makeTestClip } from '@aria/integrations/media-testing';
import { analyzeMedia, ariaJobs, createJobEngine } from '@aria/jobs';
import { type EventReceiver, eventually, startEventReceiver } from '@aria/jobs/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChildRun, killStartedChildren, startNode } from './testing/child-process.js';

const workerDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const secret = 'worker-test-secret';
const services = testServices();

function record(db: AriaDatabase, athleteId: string, n: number): Promise<string> {
  return recordOutboxEvent(db, { type: 'insight.created', athleteId, data: { n } }).then(
    (row) => row.eventId,
  );
}

/** Each athlete's accepted event ids must be exactly the recorded ones, in recording order. */
function expectDeliveredOnceInOrder(receiver: EventReceiver, expected: Map<string, string[]>) {
  const accepted = receiver.accepted();
  for (const [athleteId, ids] of expected) {
    expect(
      accepted.filter((entry) => entry.athleteId === athleteId).map((entry) => entry.id),
    ).toEqual(ids);
  }
}

describe.skipIf(!services.databaseUrl && !services.required)(
  'pnpm worker processes [postgres]',
  () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let receiver: EventReceiver;
    const workers: ChildRun[] = [];

    const startWorker = async (env: Record<string, string> = {}) => {
      const worker = startNode(['--import', 'tsx', 'src/main.ts'], workerDir, {
        ...env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: database.url,
        MIGRATE_ON_START: 'false',
        TRACKLIT_EVENTS_URL: receiver.url,
        TRACKLIT_EVENTS_SECRET: secret,
        TRACKLIT_EVENTS_TIMEOUT_MS: '1000',
        TRACKLIT_EVENTS_RETRY_BASE_MS: '100',
        TRACKLIT_EVENTS_RETRY_MAX_MS: '500',
        JOBS_POLL_INTERVAL_MS: '500',
      });
      workers.push(worker);
      await worker.waitFor(/"worker started"/, 60_000);
      return worker;
    };

    beforeAll(async () => {
      database = await createTestDatabase();
      handle = await createDb({ database: { url: database.url, poolMax: 4 }, dataDir: '' });
      await migrate(handle);
      receiver = await startEventReceiver(secret);
    }, 60_000);

    afterEach(async () => {
      for (const worker of workers.splice(0)) {
        if (worker.child.exitCode === null) {
          worker.child.kill('SIGTERM');
          await worker.exited;
        }
      }
    }, 30_000);

    afterAll(async () => {
      killStartedChildren();
      await receiver?.close();
      await handle?.close();
      await database?.drop();
    }, 60_000);

    it('two workers share the events and never both deliver one', async () => {
      receiver.behave(() => 200);
      await Promise.all([startWorker(), startWorker()]);
      const expected = new Map<string, string[]>();
      for (let n = 0; n < 10; n++) {
        for (let a = 0; a < 3; a++) {
          const athleteId = `shared-${a}`;
          expected.set(athleteId, [
            ...(expected.get(athleteId) ?? []),
            await record(handle.db, athleteId, n),
          ]);
        }
      }
      await eventually(() => expect(receiver.accepted()).toHaveLength(30), 60_000);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const ids = receiver.received.map((entry) => entry.id);
      expect(new Set(ids).size).toBe(30);
      expect(ids).toHaveLength(30);
      expect(receiver.received.every((entry) => entry.verified)).toBe(true);
      expectDeliveredOnceInOrder(receiver, expected);
    }, 120_000);

    it('loses nothing when a worker is killed with -9 in the middle of a delivery', async () => {
      const athleteId = 'killed-mid-send';
      // Committed while no worker runs: the writer's own crash cannot lose them either.
      const ids = [await record(handle.db, athleteId, 1), await record(handle.db, athleteId, 2)];
      let firstArrived = false;
      receiver.behave(({ id }) => {
        if (id === ids[0] && !firstArrived) {
          firstArrived = true;
          return 'hang';
        }
        return 200;
      });
      const doomed = await startWorker();
      await eventually(() => expect(firstArrived).toBe(true), 30_000);
      doomed.child.kill('SIGKILL');
      expect(await doomed.exited).toBeNull();

      await startWorker();
      await eventually(
        () => expectDeliveredOnceInOrder(receiver, new Map([[athleteId, ids]])),
        60_000,
      );
      // The first event reached TrackLit twice (at least once), both times with its one id.
      expect(receiver.received.filter((entry) => entry.id === ids[0])).toHaveLength(2);
    }, 120_000);

    it.skipIf(!ffmpegAvailability().run)(
      'analyses a queued video and TrackLit receives analysis.completed',
      async () => {
        receiver.behave(() => 200);
        const chat: ChatCompletionsServer = await startChatCompletionsServer();
        try {
          chat.script({ kind: 'answer', content: testMechanicsAnalysis });
          await startWorker({
            OPENAI_API_KEY: chat.apiKey,
            OPENAI_BASE_URL: chat.baseUrl,
            FFMPEG_PATH: 'ffmpeg',
          });
          await provisionAthlete(handle.db, { id: 'worker-video' });
          const analysis = await createAnalysis(handle.db, {
            athleteId: 'worker-video',
            mediaKind: 'video',
            mediaType: 'video/mp4',
            bytes: await makeTestClip('mp4'),
            event: '60m',
            experienceLevel: 'intermediate',
          });
          const sender = createJobEngine({
            database: handle,
            databaseUrl: database.url,
            jobs: ariaJobs,
            defaults: { maxAttempts: 2, retryDelaySeconds: 1, expireInSeconds: 60 },
          });
          await sender.start();
          await sender.send(analyzeMedia, { analysisId: analysis.id });
          await sender.stop(2_000);

          await eventually(
            () =>
              expect(receiver.accepted()).toContainEqual(
                expect.objectContaining({ athleteId: 'worker-video' }),
              ),
            60_000,
          );
          const delivered = receiver.received.find((entry) => entry.athleteId === 'worker-video');
          expect(delivered?.type).toBe('analysis.completed');
          expect(JSON.parse(delivered?.body ?? 'null')).toMatchObject({
            data: { analysisId: analysis.id, status: 'completed' },
          });
          const parts = chat.requests[0]?.body.messages.at(-1)?.content as { type: string }[];
          expect(parts.filter((part) => part.type === 'image_url')).toHaveLength(6);
        } finally {
          await chat.close();
        }
      },
      120_000,
    );
  },
);
