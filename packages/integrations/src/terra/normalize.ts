import { isoDateIn } from '@aria/core';
import {
  type TerraEnvelope,
  type TerraUser,
  terraBodySchema,
  terraDailySchema,
  terraEnvelopeSchema,
  terraSleepSchema,
} from './payload.js';

/** Metric fields as `daily_metrics` stores them; a field left out was not in the payload. */
export interface TerraDayMetrics {
  readonly date: string;
  /** Overnight RMSSD (ms), from sleep records. */
  hrvRmssd?: number;
  /** The 24-hour average RMSSD (ms), from daily and body records: never mixed with the above. */
  hrvRmssdDaily?: number;
  restingHr?: number;
  sleepSeconds?: number;
  sleepEfficiency?: number;
  recoveryScore?: number;
  steps?: number;
  strain?: number;
}

export interface TerraConnectionChange {
  readonly status: 'connected' | 'revoked';
  readonly provider: string;
  readonly externalUserId: string;
  readonly athleteId: string | null;
}

export type TerraWebhookEffect =
  | { readonly kind: 'connections'; readonly changes: TerraConnectionChange[] }
  | {
      readonly kind: 'metrics';
      readonly provider: string;
      readonly externalUserId: string;
      readonly athleteId: string | null;
      /** `daily_metrics.source`, e.g. `terra:oura`. */
      readonly source: string;
      readonly days: TerraDayMetrics[];
    }
  | { readonly kind: 'ignored'; readonly reason: string };

const providerName = (user: TerraUser) => user.provider.toLowerCase();
/** The calendar day of a Terra timestamp, in the athlete's own offset as Terra sends it. */
const dayOf = (timestamp: string | null | undefined) =>
  timestamp && /^\d{4}-\d{2}-\d{2}/.test(timestamp) ? timestamp.slice(0, 10) : undefined;

/**
 * The day a night ends on. Terra sends the wearer's local offset; an end time in UTC (`Z`) is
 * only an instant, so it is filed under the athlete's own date (`timeZone`, IANA).
 */
function nightOf(timestamp: string | null | undefined, timeZone: string) {
  const day = dayOf(timestamp);
  if (!day || !timestamp?.endsWith('Z')) return day;
  const instant = new Date(timestamp);
  return Number.isNaN(instant.getTime()) ? day : isoDateIn(instant, timeZone);
}
const present = (value: number | null | undefined) => (value == null ? undefined : value);
/** Heart rate, HRV, sleep and recovery readings: a zero is a device placeholder, not a value. */
const reading = (value: number | null | undefined) =>
  value == null || !(value > 0) ? undefined : value;
const whole = (value: number | null | undefined) => (value == null ? undefined : Math.round(value));
/** Efficiency as 0–1; some providers send a percentage. */
const fraction = (value: number | null | undefined) =>
  value == null || value < 0 ? undefined : value > 1 ? value / 100 : value;

function dailyMetrics(record: unknown): TerraDayMetrics | undefined {
  const parsed = terraDailySchema.safeParse(record);
  const date = parsed.success ? dayOf(parsed.data.metadata.start_time) : undefined;
  if (!parsed.success || !date) return undefined;
  const summary = parsed.data.heart_rate_data?.summary;
  return {
    date,
    restingHr: reading(summary?.resting_hr_bpm),
    hrvRmssdDaily: reading(summary?.avg_hrv_rmssd),
    steps: whole(parsed.data.distance_data?.steps),
    strain: present(parsed.data.strain_data?.strain_level),
    recoveryScore: reading(parsed.data.scores?.recovery),
  };
}

/** A night belongs to the day it ends on (that morning's readiness); naps are skipped. */
function sleepMetrics(record: unknown, timeZone: string): TerraDayMetrics | undefined {
  const parsed = terraSleepSchema.safeParse(record);
  if (!parsed.success || parsed.data.metadata.is_nap) return undefined;
  const date = nightOf(parsed.data.metadata.end_time ?? parsed.data.metadata.start_time, timeZone);
  if (!date) return undefined;
  const durations = parsed.data.sleep_durations_data;
  const asleep = durations?.asleep?.duration_asleep_state_seconds;
  const inBed = durations?.other?.duration_in_bed_seconds;
  const efficiency =
    fraction(durations?.sleep_efficiency) ??
    (asleep != null && inBed != null && inBed > 0
      ? Math.round(Math.min(1, asleep / inBed) * 1000) / 1000
      : undefined);
  const summary = parsed.data.heart_rate_data?.summary;
  return {
    date,
    sleepSeconds: reading(whole(asleep)),
    sleepEfficiency: reading(efficiency),
    hrvRmssd: reading(summary?.avg_hrv_rmssd),
    restingHr: reading(summary?.resting_hr_bpm),
  };
}

function bodyMetrics(record: unknown): TerraDayMetrics | undefined {
  const parsed = terraBodySchema.safeParse(record);
  const date = parsed.success ? dayOf(parsed.data.metadata.start_time) : undefined;
  if (!parsed.success || !date) return undefined;
  const summary =
    parsed.data.heart_data?.heart_rate_data?.summary ?? parsed.data.heart_rate_data?.summary;
  return {
    date,
    restingHr: reading(summary?.resting_hr_bpm),
    hrvRmssdDaily: reading(summary?.avg_hrv_rmssd),
  };
}

const readers: Record<string, (record: unknown, timeZone: string) => TerraDayMetrics | undefined> =
  {
    daily: dailyMetrics,
    sleep: sleepMetrics,
    body: bodyMetrics,
  };

/** Later records of a date override earlier ones field by field; the longest night wins. */
function mergeByDate(records: TerraDayMetrics[]): TerraDayMetrics[] {
  const ordered = [...records].sort((a, b) => (a.sleepSeconds ?? 0) - (b.sleepSeconds ?? 0));
  const byDate = new Map<string, TerraDayMetrics>();
  for (const record of ordered) {
    const defined = Object.fromEntries(
      Object.entries(record).filter(([, value]) => value !== undefined),
    );
    byDate.set(record.date, { ...byDate.get(record.date), ...defined, date: record.date });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function connectionEffect(envelope: TerraEnvelope): TerraWebhookEffect {
  const change = (user: TerraUser, status: TerraConnectionChange['status']) => ({
    status,
    provider: providerName(user),
    externalUserId: user.user_id,
    athleteId: user.reference_id ?? envelope.reference_id ?? null,
  });
  const { type, user, old_user: oldUser, new_user: newUser } = envelope;
  if (type === 'auth' && user && (envelope.status ?? 'success') === 'success') {
    return { kind: 'connections', changes: [change(user, 'connected')] };
  }
  if ((type === 'deauth' || type === 'access_revoked') && user) {
    return { kind: 'connections', changes: [change(user, 'revoked')] };
  }
  if (type === 'user_reauth' && oldUser && newUser) {
    return {
      kind: 'connections',
      changes: [change(oldUser, 'revoked'), change(newUser, 'connected')],
    };
  }
  return { kind: 'ignored', reason: `${type} needs no action` };
}

/**
 * What a verified Terra delivery means for Aria: connection changes (auth, deauth,
 * access_revoked, user_reauth), daily metrics (daily, sleep, body), or nothing. `timeZone` is
 * the athlete's (IANA), for the rare night that ends in UTC; see `nightOf`.
 */
export function normalizeTerraWebhook(payload: unknown, timeZone = 'UTC'): TerraWebhookEffect {
  const envelope = terraEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { kind: 'ignored', reason: 'not a Terra webhook payload' };
  const { type, user, data } = envelope.data;
  const read = readers[type];
  if (!read) return connectionEffect(envelope.data);
  if (!user) return { kind: 'ignored', reason: `${type} without a user` };
  const days = mergeByDate((data ?? []).flatMap((record) => read(record, timeZone) ?? []));
  if (days.length === 0) return { kind: 'ignored', reason: `${type} carried no metrics` };
  return {
    kind: 'metrics',
    provider: providerName(user),
    externalUserId: user.user_id,
    athleteId: user.reference_id ?? null,
    source: `terra:${providerName(user)}`,
    days,
  };
}

/** Who a delivery's metrics are for, before they are applied (to look up the time zone). */
export function terraMetricsUser(payload: unknown) {
  const envelope = terraEnvelopeSchema.safeParse(payload);
  const user = envelope.success ? envelope.data.user : undefined;
  if (!user || !envelope.success || !readers[envelope.data.type]) return undefined;
  return {
    provider: providerName(user),
    externalUserId: user.user_id,
    athleteId: user.reference_id ?? null,
  };
}
