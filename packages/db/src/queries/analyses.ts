import { and, asc, eq, getTableColumns, inArray, lte, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import {
  type Analysis,
  type AnalysisMediaKind,
  analyses,
  analysisMedia,
  type NewAnalysis,
} from '../schema/analyses.js';
import { recordOutboxEvent } from './outbox.js';
import { refundMonthlyQuota } from './usage.js';

/** What may still change: an analysis that has neither completed nor failed. */
const unfinished = inArray(analyses.status, ['queued', 'running']);

const { result: _result, ...summaryColumns } = getTableColumns(analyses);

export interface NewAnalysisUpload {
  readonly athleteId: string;
  readonly mediaKind: AnalysisMediaKind;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly event: string | null;
  readonly experienceLevel: string | null;
  /** The `ask_media` unit the request consumed, refunded if the analysis fails. */
  readonly charged?: { readonly periodStart: string; readonly day: string } | undefined;
}

/** Stores a queued analysis and its upload together. */
export async function createAnalysis(
  db: AriaDatabase,
  upload: NewAnalysisUpload,
): Promise<Analysis> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(analyses)
      .values({
        athleteId: upload.athleteId,
        mediaKind: upload.mediaKind,
        mediaType: upload.mediaType,
        mediaBytes: upload.bytes.byteLength,
        event: upload.event,
        experienceLevel: upload.experienceLevel,
        chargedPeriodStart: upload.charged?.periodStart ?? null,
        chargedDay: upload.charged?.day ?? null,
      })
      .returning();
    if (!row) throw new Error('insert into analyses returned no row');
    await tx.insert(analysisMedia).values({
      analysisId: row.id,
      seq: 0,
      part: 'upload',
      mediaType: upload.mediaType,
      bytes: Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength),
    });
    return row;
  });
}

/** Removes an analysis that never got going (its job could not be queued), upload and all. */
export async function discardAnalysis(db: AriaDatabase, id: string): Promise<void> {
  await db.delete(analyses).where(eq(analyses.id, id));
}

/** One analysis of the athlete; another athlete's is not found. */
export async function findAnalysis(
  db: AriaDatabase,
  athleteId: string,
  id: string,
): Promise<Analysis | undefined> {
  const [row] = await db
    .select()
    .from(analyses)
    .where(and(eq(analyses.id, id), eq(analyses.athleteId, athleteId)));
  return row;
}

/**
 * Marks a run of the analysis as started (`running`, one more attempt). Undefined when the
 * analysis is gone or already finished: a late duplicate job has nothing to do. The result
 * column is left out of the answer (it is empty until completion).
 */
export async function startAnalysisRun(
  db: AriaDatabase,
  id: string,
): Promise<Omit<Analysis, 'result'> | undefined> {
  const [row] = await db
    .update(analyses)
    .set({ status: 'running', attempts: sql`${analyses.attempts} + 1` })
    .where(and(eq(analyses.id, id), unfinished))
    .returning(summaryColumns);
  return row;
}

export interface StoredMedia {
  readonly part: 'upload' | 'frame';
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/** The analysis' upload, or its frames once extracted, in order. */
export async function analysisMediaOf(db: AriaDatabase, id: string): Promise<StoredMedia[]> {
  return db
    .select({
      part: analysisMedia.part,
      mediaType: analysisMedia.mediaType,
      bytes: analysisMedia.bytes,
    })
    .from(analysisMedia)
    .where(eq(analysisMedia.analysisId, id))
    .orderBy(asc(analysisMedia.seq));
}

/** Replaces the upload with its key frames (JPEG), so a retry need not decode the video again. */
export async function replaceUploadWithFrames(
  db: AriaDatabase,
  id: string,
  frames: readonly Uint8Array[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(analysisMedia).where(eq(analysisMedia.analysisId, id));
    if (frames.length === 0) return;
    await tx.insert(analysisMedia).values(
      frames.map((frame, index) => ({
        analysisId: id,
        seq: index + 1,
        part: 'frame' as const,
        mediaType: 'image/jpeg',
        bytes: Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength),
      })),
    );
  });
}

export interface AnalysisOutcome {
  readonly result: Record<string, unknown>;
  readonly provider: string;
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/**
 * Gives an unfinished analysis its final status and drops its media. Undefined when it had
 * finished already (another run got there first): then nothing changes.
 */
async function finish(
  tx: AriaDatabase,
  id: string,
  changes: Pick<NewAnalysis, 'status' | 'errorCode'> & Partial<AnalysisOutcome>,
) {
  const [row] = await tx
    .update(analyses)
    .set({ ...changes, finishedAt: sql`now()` })
    .where(and(eq(analyses.id, id), unfinished))
    .returning({
      athleteId: analyses.athleteId,
      periodStart: analyses.chargedPeriodStart,
      day: analyses.chargedDay,
    });
  if (row) await tx.delete(analysisMedia).where(eq(analysisMedia.analysisId, id));
  return row;
}

/**
 * Stores the result, drops the media and records `analysis.completed`, in one transaction.
 * False when the analysis had already finished.
 */
export async function completeAnalysis(
  db: AriaDatabase,
  id: string,
  outcome: AnalysisOutcome,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await finish(tx, id, { status: 'completed', errorCode: null, ...outcome });
    if (!row) return false;
    await recordOutboxEvent(tx, {
      type: 'analysis.completed',
      athleteId: row.athleteId,
      data: { analysisId: id, status: 'completed' },
    });
    return true;
  });
}

/**
 * Marks the analysis failed with `errorCode`, drops the media and gives back the `ask_media`
 * unit it consumed, in one transaction: the unit is refunded exactly once however often this
 * runs. False when the analysis had already finished.
 */
export async function failAnalysis(
  db: AriaDatabase,
  id: string,
  errorCode: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await finish(tx, id, { status: 'failed', errorCode });
    if (!row) return false;
    if (row.periodStart !== null && row.day !== null) {
      await refundMonthlyQuota(tx, {
        athleteId: row.athleteId,
        periodStart: row.periodStart,
        day: row.day,
        kind: 'ask_media',
      });
    }
    return true;
  });
}

/**
 * Analyses still `queued` `olderThanMs` after they were stored: their job was lost (the
 * process died between storing and queueing) or is still waiting in a long queue.
 */
export async function waitingAnalyses(
  db: AriaDatabase,
  olderThanMs: number,
  limit = 100,
): Promise<string[]> {
  const rows = await db
    .select({ id: analyses.id })
    .from(analyses)
    .where(
      and(
        eq(analyses.status, 'queued'),
        lte(analyses.createdAt, sql`now() - ${olderThanMs} * interval '1 millisecond'`),
      ),
    )
    .orderBy(asc(analyses.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
