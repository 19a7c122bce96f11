import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { athletes } from '../schema/athletes.js';
import { type DailyMetrics, dailyMetrics, wearableConnections } from '../schema/wearables.js';
import { recordOutboxEvent } from './outbox.js';
import { recordWebhookEvent } from './webhook-events.js';

export const metricColumns = [
  'hrvRmssd',
  'hrvRmssdDaily',
  'restingHr',
  'sleepSeconds',
  'sleepEfficiency',
  'recoveryScore',
  'steps',
  'strain',
] as const;
export type MetricColumn = (typeof metricColumns)[number];

/** Some metrics of one day; fields left out are kept as stored. */
export interface MetricsPatch extends Partial<Record<MetricColumn, number>> {
  readonly date: string;
}

function providedFields(patch: MetricsPatch): Partial<Record<MetricColumn, number>> {
  const fields: Partial<Record<MetricColumn, number>> = {};
  for (const column of metricColumns) {
    const value = patch[column];
    if (value !== undefined) fields[column] = value;
  }
  return fields;
}

/** Inserts or merges one day of one source: provided fields replace, the rest stay. */
export async function upsertDailyMetrics(
  db: AriaDatabase,
  athleteId: string,
  source: string,
  patch: MetricsPatch,
): Promise<void> {
  const fields = providedFields(patch);
  await db
    .insert(dailyMetrics)
    .values({ athleteId, date: patch.date, source, ...fields })
    .onConflictDoUpdate({
      target: [dailyMetrics.athleteId, dailyMetrics.date, dailyMetrics.source],
      set: { ...fields, updatedAt: new Date() },
    });
}

/**
 * Stores metrics entered for one day (not from a wearable) with the `readiness.updated`
 * event that tells TrackLit the day's readiness may have changed.
 */
export async function recordDailyMetrics(
  db: AriaDatabase,
  athleteId: string,
  source: string,
  patch: MetricsPatch,
): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertDailyMetrics(tx, athleteId, source, patch);
    await recordOutboxEvent(tx, {
      type: 'readiness.updated',
      athleteId,
      data: { dates: [patch.date], source },
    });
  });
}

/** Every source's rows for the athlete's dates `from`…`to`, oldest first. */
export async function listDailyMetrics(
  db: AriaDatabase,
  athleteId: string,
  from: string,
  to: string,
): Promise<DailyMetrics[]> {
  return db
    .select()
    .from(dailyMetrics)
    .where(
      and(
        eq(dailyMetrics.athleteId, athleteId),
        gte(dailyMetrics.date, from),
        lte(dailyMetrics.date, to),
      ),
    )
    .orderBy(asc(dailyMetrics.date), asc(dailyMetrics.source));
}

export interface ConnectionChange {
  readonly status: 'connected' | 'revoked';
  /** The device maker as the aggregator names it (`oura`, `garmin`, …). */
  readonly provider: string;
  readonly externalUserId: string;
  /** The athlete the connection was made for (Terra's `reference_id`). */
  readonly athleteId: string | null;
}

export interface MetricsDelivery {
  readonly provider: string;
  readonly externalUserId: string;
  readonly athleteId: string | null;
  /** `daily_metrics.source`, e.g. `terra:oura`. */
  readonly source: string;
  readonly days: readonly MetricsPatch[];
}

export interface WearableWebhook {
  /** `processed_webhook_events.provider`, e.g. `terra`. */
  readonly webhookProvider: string;
  readonly eventId: string;
  readonly connections: readonly ConnectionChange[];
  readonly metrics: MetricsDelivery | null;
}

/** `unmatched`: recorded, but no athlete was found for the user (nothing else changed). */
export type WearableWebhookOutcome = 'applied' | 'duplicate' | 'unmatched';

type Transaction = Parameters<Parameters<AriaDatabase['transaction']>[0]>[0];

async function athleteExists(tx: Transaction, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: athletes.id }).from(athletes).where(eq(athletes.id, id));
  return row !== undefined;
}

async function connect(
  tx: Transaction,
  athleteId: string,
  provider: string,
  externalUserId: string,
) {
  await tx
    .insert(wearableConnections)
    .values({ athleteId, provider, externalUserId, status: 'connected' })
    .onConflictDoUpdate({
      target: [wearableConnections.provider, wearableConnections.externalUserId],
      set: { athleteId, status: 'connected', connectedAt: new Date(), revokedAt: null },
    });
}

async function applyConnection(tx: Transaction, change: ConnectionChange): Promise<boolean> {
  const { provider, externalUserId } = change;
  if (change.status === 'revoked') {
    const revoked = await tx
      .update(wearableConnections)
      .set({ status: 'revoked', revokedAt: new Date() })
      .where(
        and(
          eq(wearableConnections.provider, provider),
          eq(wearableConnections.externalUserId, externalUserId),
        ),
      )
      .returning({ id: wearableConnections.id });
    return revoked.length > 0;
  }
  if (!change.athleteId || !(await athleteExists(tx, change.athleteId))) return false;
  await connect(tx, change.athleteId, provider, externalUserId);
  return true;
}

/**
 * The time zone of the athlete a wearable delivery is for (the connected athlete of the
 * wearable user, else the named one); UTC when neither is known.
 */
export async function findWearableAthleteTimeZone(
  db: AriaDatabase,
  user: Pick<MetricsDelivery, 'provider' | 'externalUserId' | 'athleteId'>,
): Promise<string> {
  const [connected] = await db
    .select({ timeZone: athletes.timeZone })
    .from(wearableConnections)
    .innerJoin(athletes, eq(athletes.id, wearableConnections.athleteId))
    .where(
      and(
        eq(wearableConnections.provider, user.provider),
        eq(wearableConnections.externalUserId, user.externalUserId),
        eq(wearableConnections.status, 'connected'),
      ),
    );
  if (connected) return connected.timeZone;
  if (user.athleteId === null) return 'UTC';
  const [named] = await db
    .select({ timeZone: athletes.timeZone })
    .from(athletes)
    .where(eq(athletes.id, user.athleteId));
  return named?.timeZone ?? 'UTC';
}

/** The connected athlete of a wearable user, else the named athlete (then connected). */
async function metricsAthlete(tx: Transaction, delivery: MetricsDelivery) {
  const [connection] = await tx
    .select({ athleteId: wearableConnections.athleteId })
    .from(wearableConnections)
    .where(
      and(
        eq(wearableConnections.provider, delivery.provider),
        eq(wearableConnections.externalUserId, delivery.externalUserId),
        eq(wearableConnections.status, 'connected'),
      ),
    );
  if (connection) return connection.athleteId;
  if (delivery.athleteId === null || !(await athleteExists(tx, delivery.athleteId))) return null;
  await connect(tx, delivery.athleteId, delivery.provider, delivery.externalUserId);
  return delivery.athleteId;
}

/**
 * Applies one webhook delivery in one transaction with its event id: connection changes and
 * metrics land together with the record, so a redelivery changes nothing.
 */
export async function applyWearableWebhook(
  db: AriaDatabase,
  webhook: WearableWebhook,
): Promise<WearableWebhookOutcome> {
  return db.transaction(async (tx) => {
    if (!(await recordWebhookEvent(tx, webhook.webhookProvider, webhook.eventId))) {
      return 'duplicate';
    }
    let matched = webhook.connections.length === 0 && webhook.metrics === null;
    for (const change of webhook.connections) {
      if (await applyConnection(tx, change)) matched = true;
    }
    if (webhook.metrics) {
      const athleteId = await metricsAthlete(tx, webhook.metrics);
      if (athleteId !== null) {
        matched = true;
        for (const day of webhook.metrics.days) {
          await upsertDailyMetrics(tx, athleteId, webhook.metrics.source, day);
        }
        if (webhook.metrics.days.length > 0) {
          await recordOutboxEvent(tx, {
            type: 'readiness.updated',
            athleteId,
            data: {
              dates: webhook.metrics.days.map((day) => day.date),
              source: webhook.metrics.source,
            },
          });
        }
      }
    }
    return matched ? 'applied' : 'unmatched';
  });
}
