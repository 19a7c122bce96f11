import { describe, expect, it } from 'vitest';
import { dailyDecay, performanceManagement } from './pmc.js';

// Training load as GoldenCheetah computes it (src/Metrics/PMCData.cpp):
// "CTL_d = CTL_{d−1}·e^(−1/42) + load_d·(1−e^(−1/42)); ATL likewise with 7;
// TSB_d = CTL_{d−1} − ATL_{d−1} (form shown on the next day). Ramp = 7-day change in CTL."

describe('performanceManagement', () => {
  it('pins day 1 and day 2 of a constant 100 AU load', () => {
    const [day1, day2] = performanceManagement([100, 100]);
    // CTL_1 = 100·(1 − e^(−1/42)) = 2.3528; ATL_1 = 100·(1 − e^(−1/7)) = 13.3122.
    expect(day1?.ctl).toBeCloseTo(2.3528, 4);
    expect(day1?.atl).toBeCloseTo(13.3122, 4);
    expect(day1?.tsb).toBe(0);
    // TSB_2 = CTL_1 − ATL_1 = −10.9594.
    expect(day2?.tsb).toBeCloseTo(-10.9594, 4);
    expect(day2?.ctl).toBeCloseTo(100 * (1 - Math.exp(-2 / 42)), 9);
  });

  it('approaches the constant load with the closed form L·(1 − e^(−n/τ))', () => {
    const days = performanceManagement(Array<number>(42).fill(100));
    expect(days.at(-1)?.ctl).toBeCloseTo(100 * (1 - Math.exp(-1)), 9); // 63.2
    expect(days.at(-1)?.atl).toBeCloseTo(100 * (1 - Math.exp(-6)), 9); // 99.75
  });

  it('reports the ramp as CTL_d − CTL_{d−7}', () => {
    const days = performanceManagement(Array<number>(10).fill(50));
    const ctl = (n: number) => 50 * (1 - dailyDecay(42) ** n);
    expect(days[9]?.ramp).toBeCloseTo(ctl(10) - ctl(3), 9);
    expect(days[2]?.ramp).toBeCloseTo(ctl(3), 9);
  });

  it('decays fitness more slowly than fatigue after the load stops', () => {
    const days = performanceManagement([...Array<number>(14).fill(300), 0, 0, 0]);
    const last = days.at(-1);
    expect(last?.atl).toBeLessThan(days[13]?.atl ?? 0);
    expect((days[13]?.ctl ?? 0) - (last?.ctl ?? 0)).toBeLessThan(
      (days[13]?.atl ?? 0) - (last?.atl ?? 0),
    );
  });
});
