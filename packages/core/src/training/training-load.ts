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
 * `asOf`, over the whole history: the ACWR series starts at the first logged session (the
 * EWMA seeded with its first week), the PMC at zero before it. Sessions after `asOf` are
 * ignored. Readiness, today's session and the coach all read their load from here.
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
    acwr: acwrSummary(loads.slice(Math.max(0, loads.length - daysOfData)), daysOfData),
    fitness: round(today.ctl, 2),
    fatigue: round(today.atl, 2),
    form: round(today.tsb, 2),
    ramp: round(today.ramp, 2),
  };
}

/** One ACWR method's ratio and zone (a flag, not a verdict). */
export interface AcwrFlag {
  readonly ratio: number;
  readonly zone: AcwrZone;
}

/** Both ACWR methods as of a day; each null before 28 days of data or without chronic load. */
export interface AcwrFlags {
  readonly rolling: AcwrFlag | null;
  readonly ewma: AcwrFlag | null;
}

const flagOf = (reading: AcwrReading | null): AcwrFlag | null =>
  reading && reading.ratio !== null && reading.zone !== null
    ? { ratio: reading.ratio, zone: reading.zone }
    : null;

/** The rolling and EWMA ACWR flags of a load summary, or null while neither is available. */
export function acwrFlagsOf(acwr: AcwrSummary): AcwrFlags | null {
  const flags = { rolling: flagOf(acwr.rolling), ewma: flagOf(acwr.ewma) };
  return flags.rolling === null && flags.ewma === null ? null : flags;
}

/** The rolling and EWMA ACWR flags as of `asOf` over the whole log (readiness and plans). */
export function currentAcwrFlags(
  sessions: readonly LoggedSession[],
  asOf: IsoDate,
): AcwrFlags | null {
  return acwrFlagsOf(summarizeTrainingLoad(sessions, { asOf, days: 1 }).acwr);
}

const zoneRank: Readonly<Record<AcwrZone, number>> = {
  sweet_spot: 0,
  under_prepared: 1,
  caution: 2,
  danger: 3,
};

/** The methods whose zone is `zone`, e.g. `['rolling', 'ewma']`. */
export function methodsIn(flags: AcwrFlags | null, zone: AcwrZone): ('rolling' | 'ewma')[] {
  if (!flags) return [];
  return (['rolling', 'ewma'] as const).filter((method) => flags[method]?.zone === zone);
}

/** The more worrying of the two zones (danger > caution > under-prepared > sweet spot). */
export function worstAcwrZone(flags: AcwrFlags | null): AcwrZone | null {
  const zones = [flags?.rolling?.zone, flags?.ewma?.zone].filter(
    (zone): zone is AcwrZone => zone !== undefined,
  );
  return zones.reduce<AcwrZone | null>(
    (worst, zone) => (worst === null || zoneRank[zone] > zoneRank[worst] ? zone : worst),
    null,
  );
}

/** `rolling 1.52 (danger), EWMA 1.31 (caution)`: both methods in words. */
export function describeAcwrFlags(flags: AcwrFlags): string {
  const part = (name: string, flag: AcwrFlag | null) =>
    flag ? `${name} ${flag.ratio} (${flag.zone.replace('_', ' ')})` : `${name} not available`;
  return `${part('rolling', flags.rolling)}, ${part('EWMA', flags.ewma)}`;
}
