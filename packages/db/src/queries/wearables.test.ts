import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { processedWebhookEvents, wearableConnections } from '../schema/index.js';
import { describeEachDriver } from '../testing/index.js';
import { provisionAthlete } from './athletes.js';
import { applyWearableWebhook, listDailyMetrics, upsertDailyMetrics } from './wearables.js';

describeEachDriver('wearable queries', (suite) => {
  let athleteId: string;
  beforeEach(async () => {
    athleteId = `athlete-${randomUUID()}`;
    await provisionAthlete(suite.db, { id: athleteId });
  });

  const eventRecorded = async (eventId: string) =>
    (
      await suite.db
        .select()
        .from(processedWebhookEvents)
        .where(
          and(
            eq(processedWebhookEvents.provider, 'terra'),
            eq(processedWebhookEvents.eventId, eventId),
          ),
        )
    ).length === 1;

  it('merges a day of one source: provided fields replace, others stay', async () => {
    await upsertDailyMetrics(suite.db, athleteId, 'manual', {
      date: '2026-05-02',
      restingHr: 52,
      sleepSeconds: 27_000,
    });
    await upsertDailyMetrics(suite.db, athleteId, 'manual', { date: '2026-05-02', restingHr: 50 });
    await upsertDailyMetrics(suite.db, athleteId, 'terra:oura', {
      date: '2026-05-02',
      hrvRmssd: 71.5,
    });
    const rows = await listDailyMetrics(suite.db, athleteId, '2026-05-01', '2026-05-03');
    expect(rows).toMatchObject([
      { source: 'manual', restingHr: 50, sleepSeconds: 27_000, hrvRmssd: null },
      { source: 'terra:oura', hrvRmssd: 71.5, restingHr: null },
    ]);
  });

  it('connects a wearable user, lands its metrics, and ignores a redelivery', async () => {
    const externalUserId = randomUUID();
    const eventId = `sha256:${randomUUID()}`;
    const webhook = {
      webhookProvider: 'terra',
      eventId,
      connections: [{ status: 'connected' as const, provider: 'oura', externalUserId, athleteId }],
      metrics: null,
    };
    expect(await applyWearableWebhook(suite.db, webhook)).toBe('applied');
    expect(await applyWearableWebhook(suite.db, webhook)).toBe('duplicate');

    const data = {
      webhookProvider: 'terra',
      eventId: `${eventId}-data`,
      connections: [],
      metrics: {
        provider: 'oura',
        externalUserId,
        athleteId: null,
        source: 'terra:oura',
        days: [{ date: '2026-05-03', hrvRmssd: 64, restingHr: 49 }],
      },
    };
    expect(await applyWearableWebhook(suite.db, data)).toBe('applied');
    expect(await applyWearableWebhook(suite.db, data)).toBe('duplicate');
    const rows = await listDailyMetrics(suite.db, athleteId, '2026-05-03', '2026-05-03');
    expect(rows).toMatchObject([{ source: 'terra:oura', hrvRmssd: 64, restingHr: 49 }]);
  });

  it('falls back to the reference id for an unknown user and records unmatched events', async () => {
    const byReference = {
      webhookProvider: 'terra',
      eventId: `sha256:${randomUUID()}`,
      connections: [],
      metrics: {
        provider: 'garmin',
        externalUserId: randomUUID(),
        athleteId,
        source: 'terra:garmin',
        days: [{ date: '2026-05-04', steps: 12_000 }],
      },
    };
    expect(await applyWearableWebhook(suite.db, byReference)).toBe('applied');
    const [connection] = await suite.db
      .select()
      .from(wearableConnections)
      .where(eq(wearableConnections.athleteId, athleteId));
    expect(connection).toMatchObject({ provider: 'garmin', status: 'connected' });

    const stranger = {
      ...byReference,
      eventId: `sha256:${randomUUID()}`,
      metrics: { ...byReference.metrics, externalUserId: randomUUID(), athleteId: 'nobody' },
    };
    expect(await applyWearableWebhook(suite.db, stranger)).toBe('unmatched');
    expect(await eventRecorded(stranger.eventId)).toBe(true);
  });

  it('revokes a connection; later data without a reference no longer lands', async () => {
    const externalUserId = randomUUID();
    const connect = { status: 'connected' as const, provider: 'whoop', externalUserId, athleteId };
    await applyWearableWebhook(suite.db, {
      webhookProvider: 'terra',
      eventId: randomUUID(),
      connections: [connect],
      metrics: null,
    });
    const revoked = await applyWearableWebhook(suite.db, {
      webhookProvider: 'terra',
      eventId: randomUUID(),
      connections: [{ ...connect, status: 'revoked', athleteId: null }],
      metrics: null,
    });
    expect(revoked).toBe('applied');
    const late = await applyWearableWebhook(suite.db, {
      webhookProvider: 'terra',
      eventId: randomUUID(),
      connections: [],
      metrics: {
        provider: 'whoop',
        externalUserId,
        athleteId: null,
        source: 'terra:whoop',
        days: [{ date: '2026-05-05', recoveryScore: 80 }],
      },
    });
    expect(late).toBe('unmatched');
  });

  it('records the event id in the same transaction as the metrics: a failed write records nothing', async () => {
    const eventId = `sha256:${randomUUID()}`;
    const webhook = (sleepSeconds: number) => ({
      webhookProvider: 'terra',
      eventId,
      connections: [],
      metrics: {
        provider: 'oura',
        externalUserId: randomUUID(),
        athleteId,
        source: 'terra:oura',
        days: [
          { date: '2026-05-06', restingHr: 48 },
          { date: '2026-05-07', sleepSeconds },
        ],
      },
    });
    // sleep_seconds is an integer column: 1.5 fails the second upsert.
    await expect(applyWearableWebhook(suite.db, webhook(1.5))).rejects.toThrow();
    expect(await eventRecorded(eventId)).toBe(false);
    expect(await listDailyMetrics(suite.db, athleteId, '2026-05-06', '2026-05-07')).toEqual([]);
    expect(await applyWearableWebhook(suite.db, webhook(28_800))).toBe('applied');
    expect(await listDailyMetrics(suite.db, athleteId, '2026-05-06', '2026-05-07')).toHaveLength(2);
  });
});
