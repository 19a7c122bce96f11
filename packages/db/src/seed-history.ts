import type { NewDailyMetrics, NewTrainingSession } from './schema/index.js';

/** How far back the demo history reaches: enough for the 28-day ACWR and a readiness baseline. */
export const demoHistoryDays = 42;

type Day = `${number}-${number}-${number}`;

interface SessionTemplate {
  /** One of the API's session types (`trainingSessionTypes` in @aria/api). */
  readonly type: 'acceleration' | 'max_velocity' | 'speed_endurance' | 'tempo' | 'strength';
  readonly durationMinutes: number;
  readonly rpe: number;
  readonly sprintMetres: number;
}

/** A sprinter's week by UTC weekday (0 = Sunday): high–low spacing, two rest days. */
const week: readonly (SessionTemplate | null)[] = [
  null,
  { type: 'acceleration', durationMinutes: 75, rpe: 7, sprintMetres: 300 },
  { type: 'tempo', durationMinutes: 50, rpe: 4, sprintMetres: 0 },
  { type: 'max_velocity', durationMinutes: 80, rpe: 8, sprintMetres: 250 },
  null,
  { type: 'speed_endurance', durationMinutes: 70, rpe: 8, sprintMetres: 480 },
  { type: 'strength', durationMinutes: 60, rpe: 6, sprintMetres: 0 },
];

function addDays(day: string, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10) as Day;
}

/** A stable number in [0, 1) per day and salt, so every run writes the same history. */
function jitter(day: string, salt: number): number {
  let hash = 2166136261 ^ salt;
  for (const char of day) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

/** The days `[today - demoHistoryDays, today]`, oldest first. */
export function demoWindow(today: string): Day[] {
  return Array.from({ length: demoHistoryDays + 1 }, (_, i) => addDays(today, i - demoHistoryDays));
}

/**
 * The demo athlete's sessions before `today` (today's is left to the plan): the same week
 * repeated, with volume building a little each week so the acute:chronic ratio sits just
 * above 1.
 */
export function demoSessions(athleteId: string, today: string): NewTrainingSession[] {
  return demoWindow(today).flatMap((day, index): NewTrainingSession[] => {
    const template = week[new Date(`${day}T00:00:00Z`).getUTCDay()];
    if (!template || day === today) return [];
    const build = 0.85 + (0.15 * index) / demoHistoryDays;
    return [
      {
        athleteId,
        date: day,
        type: template.type,
        durationMinutes: Math.round(template.durationMinutes * build),
        rpe: Math.min(10, template.rpe + Math.round(jitter(day, 1) * 2 - 1)),
        sprintMetres: Math.round((template.sprintMetres * build) / 10) * 10,
        notes: 'demo history',
      },
    ];
  });
}

export const demoMetricsSource = 'demo';

/** One wearable night per day up to today: HRV dips and resting HR rises after hard days. */
export function demoMetrics(athleteId: string, today: string): NewDailyMetrics[] {
  return demoWindow(today).map((day) => {
    const yesterday = week[new Date(`${addDays(day, -1)}T00:00:00Z`).getUTCDay()];
    const strain = yesterday ? yesterday.rpe / 10 : 0;
    return {
      athleteId,
      date: day,
      source: demoMetricsSource,
      hrvRmssd: Math.round(82 - 14 * strain + 8 * jitter(day, 2)),
      restingHr: Math.round(48 + 5 * strain + 3 * jitter(day, 3)),
      sleepSeconds: Math.round((7 + 1.3 * jitter(day, 4)) * 3600),
      sleepEfficiency: Math.round((0.86 + 0.08 * jitter(day, 5)) * 100) / 100,
      recoveryScore: Math.round(88 - 25 * strain + 10 * jitter(day, 6)),
      steps: Math.round(7000 + 6000 * jitter(day, 7)),
      strain: Math.round((4 + 12 * strain) * 10) / 10,
    };
  });
}
