import {
  type AcwrValues,
  type AcwrZone,
  acwrZone,
  chronicDays,
  ewmaAcwr,
  rollingAcwr,
} from './acwr.js';
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { performanceManagement } from './pmc.js';
import { dailyLoads, type LoggedSession } from './session-load.js';

export interface TrainingLoadDay {
  readonly date: IsoDate;
  readonly load: number;
  readonly sessions: number;
  readonly sprintMetres: number;
  readonly fitness: number;
  readonly fatigue: number;
  readonly form: number;
}

export interface AcwrReading {
  readonly acute: number;
  readonly chronic: number;
  readonly ratio: number | null;
  readonly zone: AcwrZone | null;
}

export interface AcwrSummary {
  /** False until 28 days of data exist: ratios and zones are then left out. */
  readonly available: boolean;
  readonly daysOfData: number;
  readonly daysRequired: number;
  readonly rolling: AcwrReading | null;
  readonly ewma: AcwrReading | null;
  readonly note: string;
}

export interface TrainingLoadSummary {
  readonly asOf: IsoDate;
  readonly days: TrainingLoadDay[];
  readonly acwr: AcwrSummary;
  readonly fitness: number;
  readonly fatigue: number;
  readonly form: number;
  readonly ramp: number;
}

export interface TrainingLoadOptions {
  readonly asOf: IsoDate;
  /** How many days of the series to return, ending at `asOf`. */
  readonly days: number;
}

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

function toReading(values: AcwrValues): AcwrReading {
  return {
    acute: round(values.acute, 2),
    chronic: round(values.chronic, 2),
    ratio: values.ratio === null ? null : round(values.ratio, 3),
    zone: values.ratio === null ? null : acwrZone(values.ratio),
  };
}

function acwrSummary(loads: readonly number[], daysOfData: number): AcwrSummary {
  const available = daysOfData >= chronicDays;
  if (!available) {
    return {
      available,
      daysOfData,
      daysRequired: chronicDays,
      rolling: null,
      ewma: null,
      note: `ACWR needs ${chronicDays} days of training data; ${daysOfData} so far.`,
    };
  }
  return {
    available,
    daysOfData,
    daysRequired: chronicDays,
    rolling: toReading(rollingAcwr(loads)),
    ewma: toReading(ewmaAcwr(loads)),
    note: 'Zones are flags (Windt & Gabbett 2019): under 0.8 under-prepared, 0.8–1.3 sweet spot, 1.3–1.5 caution, 1.5 and above danger.',
  };
}

/**
 * Daily session-RPE load, rolling and EWMA ACWR and the PMC (fitness, fatigue, form) as of
 * `asOf`. The series starts at the first logged session so EWMA and PMC see all history;
 * sessions after `asOf` are ignored.
 */
export function summarizeTrainingLoad(
  sessions: readonly LoggedSession[],
  { asOf, days }: TrainingLoadOptions,
): TrainingLoadSummary {
  const relevant = sessions.filter((session) => session.date <= asOf);
  const firstDate = relevant.reduce<IsoDate | undefined>(
    (first, session) => (first === undefined || session.date < first ? session.date : first),
    undefined,
  );
  const shownFrom = addDays(asOf, -(days - 1));
  const seriesFrom = firstDate !== undefined && firstDate < shownFrom ? firstDate : shownFrom;
  const daily = dailyLoads(relevant, seriesFrom, asOf);
  const loads = daily.map((day) => day.load);
  const pmc = performanceManagement(loads);
  const daysOfData = firstDate === undefined ? 0 : daysBetween(firstDate, asOf) + 1;
  const shown = daily.flatMap((day, index) => {
    const entry = pmc[index];
    if (day.date < shownFrom || !entry) return [];
    return [
      {
        ...day,
        load: round(day.load, 1),
        fitness: round(entry.ctl, 2),
        fatigue: round(entry.atl, 2),
        form: round(entry.tsb, 2),
      },
    ];
  });
  const today = pmc.at(-1) ?? { ctl: 0, atl: 0, tsb: 0, ramp: 0 };
  return {
    asOf,
    days: shown,
    acwr: acwrSummary(loads, daysOfData),
    fitness: round(today.ctl, 2),
    fatigue: round(today.atl, 2),
    form: round(today.tsb, 2),
    ramp: round(today.ramp, 2),
  };
}

/** The EWMA ACWR zone as of the last load, or null before 28 days of data (plans and readiness use it). */
export function currentAcwrZone(
  sessions: readonly LoggedSession[],
  asOf: IsoDate,
): { ratio: number; zone: AcwrZone } | null {
  const summary = summarizeTrainingLoad(sessions, { asOf, days: 1 });
  const ewma = summary.acwr.ewma;
  if (!ewma || ewma.ratio === null || ewma.zone === null) return null;
  return { ratio: ewma.ratio, zone: ewma.zone };
}
