/**
 * Performance Management Chart as GoldenCheetah computes it (`src/Metrics/PMCData.cpp`):
 * exponentially weighted fitness (CTL, 42 days) and fatigue (ATL, 7 days) of the daily load,
 * and form (TSB) = yesterday's CTL − yesterday's ATL.
 */
export const fitnessDays = 42;
export const fatigueDays = 7;
/** Ramp rate: the change in CTL over this many days. */
export const rampDays = 7;

export interface PmcDay {
  /** Chronic training load (fitness). */
  readonly ctl: number;
  /** Acute training load (fatigue). */
  readonly atl: number;
  /** Training stress balance (form): CTL_{d−1} − ATL_{d−1}, shown on day d. */
  readonly tsb: number;
  /** CTL_d − CTL_{d−7} (before the first day CTL is 0). */
  readonly ramp: number;
}

/** Decay of one day for a time constant: e^(−1/days). */
export function dailyDecay(days: number): number {
  return Math.exp(-1 / days);
}

/** One PMC entry per daily load (in date order, every calendar day), starting from zero. */
export function performanceManagement(loads: readonly number[]): PmcDay[] {
  const ctlDecay = dailyDecay(fitnessDays);
  const atlDecay = dailyDecay(fatigueDays);
  const ctlHistory: number[] = [];
  let ctl = 0;
  let atl = 0;
  return loads.map((load) => {
    const tsb = ctl - atl;
    ctl = ctl * ctlDecay + load * (1 - ctlDecay);
    atl = atl * atlDecay + load * (1 - atlDecay);
    ctlHistory.push(ctl);
    const weekAgo = ctlHistory.length > rampDays ? (ctlHistory.at(-1 - rampDays) ?? 0) : 0;
    return { ctl, atl, tsb, ramp: ctl - weekAgo };
  });
}
