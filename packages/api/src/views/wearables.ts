import type { DayMetrics, Readiness } from '@aria/core';

export interface WearableConnectView {
  provider: 'terra';
  /** Open this URL for the athlete to link a wearable through Terra's widget. */
  url: string;
  sessionId: string;
  expiresInSeconds: number;
}

/** A day of recovery metrics, every source merged (manual entries first). */
export interface DailyMetricsView {
  athleteId: string;
  date: string;
  /** Overnight (or on-waking) RMSSD in ms. */
  hrvRmssd: number | null;
  /** The wearable's 24-hour average RMSSD in ms. */
  hrvRmssdDaily: number | null;
  restingHr: number | null;
  sleepHours: number | null;
  sleepEfficiencyPercent: number | null;
  recoveryScore: number | null;
  steps: number | null;
  strain: number | null;
  sources: string[];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function toDailyMetricsView(athleteId: string, day: DayMetrics): DailyMetricsView {
  return {
    athleteId,
    date: day.date,
    hrvRmssd: day.hrvRmssd,
    hrvRmssdDaily: day.hrvRmssdDaily,
    restingHr: day.restingHr,
    sleepHours: day.sleepSeconds === null ? null : round(day.sleepSeconds / 3600, 2),
    sleepEfficiencyPercent:
      day.sleepEfficiency === null ? null : round(day.sleepEfficiency * 100, 1),
    recoveryScore: day.recoveryScore,
    steps: day.steps,
    strain: day.strain,
    sources: day.sources,
  };
}

/** A scored readiness, or `insufficient_data` naming what is missing (never charged). */
export type ReadinessView = Readiness & { athleteId: string };
