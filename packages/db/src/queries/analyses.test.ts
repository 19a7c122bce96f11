import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { AriaDatabase } from '../client.js';
import { analyses, analysisMedia } from '../schema/analyses.js';
import { describeEachDriver, newTestAthlete, outboxEventsOf } from '../testing/index.js';
import {
  analysisMediaOf,
  completeAnalysis,
  createAnalysis,
  discardAnalysis,
  failAnalysis,
  findAnalysis,
  replaceUploadWithFrames,
  startAnalysisRun,
} from './analyses.js';
import { consumeMonthlyQuota, usageFor } from './usage.js';

const period = '2026-06-01';
const day = '2026-06-14';

/** An analysis whose request consumed one `ask_media` unit, as the procedure stores it. */
async function chargedAnalysis(db: AriaDatabase, athleteId: string, bytes: Uint8Array) {
  const key = { athleteId, periodStart: period, day, kind: 'ask_media' as const };
  expect(await consumeMonthlyQuota(db, { ...key, limit: 5 })).toMatchObject({ allowed: true });
  return createAnalysis(db, {
    athleteId,
    mediaKind: 'video',
    mediaType: 'video/mp4',
    bytes,
    event: '100m',
    experienceLevel: 'advanced',
    charged: { periodStart: period, day },
  });
}

const outcome = {
  result: { summary: 'Tall posture' },
  provider: 'openai',
  model: 'gpt-4o',
  promptTokens: 900,
  completionTokens: 200,
};

describeEachDriver('analyses', (suite) => {
  it('keep the upload byte for byte until frames replace it', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    const upload = randomBytes(300_000);
    const row = await chargedAnalysis(db, athleteId, upload);
    expect(row).toMatchObject({ status: 'queued', mediaBytes: 300_000, attempts: 0 });

    const [stored] = await analysisMediaOf(db, row.id);
    expect(stored?.part).toBe('upload');
    expect(Buffer.isBuffer(stored?.bytes)).toBe(true);
    expect(stored?.bytes.equals(upload)).toBe(true);

    const frames = [randomBytes(10), randomBytes(20)];
    await replaceUploadWithFrames(db, row.id, frames);
    const media = await analysisMediaOf(db, row.id);
    expect(media.map((m) => [m.part, m.mediaType, m.bytes.length])).toEqual([
      ['frame', 'image/jpeg', 10],
      ['frame', 'image/jpeg', 20],
    ]);
    expect(media[1]?.bytes.equals(frames[1] ?? Buffer.alloc(0))).toBe(true);
  });

  it('are found only for their athlete', async () => {
    const { db } = suite;
    const owner = await newTestAthlete(db);
    const other = await newTestAthlete(db);
    const row = await chargedAnalysis(db, owner, randomBytes(16));
    expect((await findAnalysis(db, owner, row.id))?.id).toBe(row.id);
    expect(await findAnalysis(db, other, row.id)).toBeUndefined();
  });

  it('complete once: result stored, media dropped, analysis.completed recorded with it', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    const row = await chargedAnalysis(db, athleteId, randomBytes(64));
    expect(await startAnalysisRun(db, row.id)).toMatchObject({ status: 'running', attempts: 1 });
    expect(await startAnalysisRun(db, row.id)).toMatchObject({ attempts: 2 });

    expect(await completeAnalysis(db, row.id, outcome)).toBe(true);
    expect(await completeAnalysis(db, row.id, outcome)).toBe(false);
    expect(await failAnalysis(db, row.id, 'AI_UNAVAILABLE')).toBe(false);
    expect(await startAnalysisRun(db, row.id)).toBeUndefined();

    expect(await findAnalysis(db, athleteId, row.id)).toMatchObject({
      status: 'completed',
      result: outcome.result,
      promptTokens: 900,
      errorCode: null,
      finishedAt: expect.any(Date),
    });
    expect(await analysisMediaOf(db, row.id)).toEqual([]);
    expect(await outboxEventsOf(db, athleteId)).toEqual([
      { type: 'analysis.completed', data: { analysisId: row.id, status: 'completed' } },
    ]);
    // Completing does not give the unit back.
    expect((await usageFor(db, athleteId, period)).ask_media).toBe(1);
  });

  it('fail once: unit refunded exactly once, media dropped, no event', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    const first = await chargedAnalysis(db, athleteId, randomBytes(64));
    const second = await chargedAnalysis(db, athleteId, randomBytes(64));
    expect((await usageFor(db, athleteId, period)).ask_media).toBe(2);

    const attempts = await Promise.all([
      failAnalysis(db, first.id, 'AI_UNAVAILABLE'),
      failAnalysis(db, first.id, 'AI_UNAVAILABLE'),
      failAnalysis(db, first.id, 'AI_UNAVAILABLE'),
    ]);
    expect(attempts.filter(Boolean)).toHaveLength(1);
    expect(await completeAnalysis(db, first.id, outcome)).toBe(false);
    expect((await usageFor(db, athleteId, period)).ask_media).toBe(1);
    expect(await findAnalysis(db, athleteId, first.id)).toMatchObject({
      status: 'failed',
      errorCode: 'AI_UNAVAILABLE',
      result: null,
    });
    expect(await analysisMediaOf(db, first.id)).toEqual([]);
    expect(await analysisMediaOf(db, second.id)).toHaveLength(1);
    expect(await outboxEventsOf(db, athleteId)).toEqual([]);
  });

  it('refund nothing for a call that cost nothing', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    await chargedAnalysis(db, athleteId, randomBytes(8));
    const free = await createAnalysis(db, {
      athleteId,
      mediaKind: 'image',
      mediaType: 'image/png',
      bytes: randomBytes(8),
      event: null,
      experienceLevel: null,
    });
    expect(await failAnalysis(db, free.id, 'MEDIA_UNREADABLE')).toBe(true);
    expect((await usageFor(db, athleteId, period)).ask_media).toBe(1);
  });

  it('leave nothing behind when discarded (a job that could not be queued)', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    const discarded = await chargedAnalysis(db, athleteId, randomBytes(8));
    await discardAnalysis(db, discarded.id);
    expect(await db.$count(analysisMedia, eq(analysisMedia.analysisId, discarded.id))).toBe(0);
    expect(await findAnalysis(db, athleteId, discarded.id)).toBeUndefined();
  });

  it('refuse a completed analysis without a result and a failed one without a code', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    const row = await chargedAnalysis(db, athleteId, randomBytes(8));
    await expect(
      db.update(analyses).set({ status: 'completed' }).where(eq(analyses.id, row.id)),
    ).rejects.toThrow();
    await expect(
      db.update(analyses).set({ status: 'failed' }).where(eq(analyses.id, row.id)),
    ).rejects.toThrow();
  });
});
