import { describe, expect, it } from 'vitest';
import { acwrZone, ewmaAcwr, ewmaLambda, ewmaSeed, ewmaSeries, rollingAcwr } from './acwr.js';

// Training load (Gabbett BJSM 2016; Williams et al. BJSM 2017; Windt & Gabbett
// BJSM 2019): "ACWR rolling, uncoupled: mean load of days t−6…t ÷ mean of days t−27…t−7.
// ACWR EWMA: EWMA_t = λ·load_t + (1−λ)·EWMA_{t−1}, λ = 2/(N+1): acute N=7 (λ=0.25), chronic
// N=28 (λ≈0.069). Zones: < 0.8 under-prepared, 0.8–1.3 sweet spot, 1.3–1.5 caution, ≥ 1.5 danger."

describe('acwrZone', () => {
  it.each([
    [0.79, 'under_prepared'],
    [0.8, 'sweet_spot'],
    [1.0, 'sweet_spot'],
    [1.3, 'sweet_spot'],
    [1.31, 'caution'],
    [1.49, 'caution'],
    [1.5, 'danger'],
    [2.1, 'danger'],
  ])('%f is %s', (ratio, zone) => {
    expect(acwrZone(ratio)).toBe(zone);
  });
});

describe('rollingAcwr (uncoupled 7:21)', () => {
  it('divides the last 7 days by the 21 days before them', () => {
    // 21 days at 300 AU, then 7 days at 450 AU: 450 / 300 = 1.5, the danger zone.
    const loads = [...Array<number>(21).fill(300), ...Array<number>(7).fill(450)];
    expect(rollingAcwr(loads)).toEqual({ acute: 450, chronic: 300, ratio: 1.5 });
    expect(acwrZone(1.5)).toBe('danger');
  });

  it('ignores days older than 28 and excludes the acute week from the chronic mean', () => {
    const loads = [10_000, ...Array<number>(21).fill(200), ...Array<number>(7).fill(160)];
    expect(rollingAcwr(loads)).toEqual({ acute: 160, chronic: 200, ratio: 0.8 });
  });

  it('has no ratio while the chronic load is zero', () => {
    expect(rollingAcwr([0, 0, 300]).ratio).toBeNull();
  });
});

describe('EWMA', () => {
  it('uses λ = 2 / (N + 1)', () => {
    expect(ewmaLambda(7)).toBe(0.25);
    expect(ewmaLambda(28)).toBeCloseTo(0.069, 3);
  });

  it('follows EWMA_t = λ·load_t + (1 − λ)·EWMA_{t−1} from the first-week mean', () => {
    // Seed: (100 + 0 + 200) / 3 = 100. N = 7: 0.25·100 + 0.75·100 = 100; 0.75·100 = 75;
    // 0.25·200 + 0.75·75 = 106.25.
    expect(ewmaSeed([100, 0, 200])).toBe(100);
    expect(ewmaSeries([100, 0, 200], 7)).toEqual([100, 75, 106.25]);
  });

  it('seeds with the mean of the first 7 days only', () => {
    const loads = [70, 70, 70, 70, 70, 70, 70, 7000];
    expect(ewmaSeed(loads)).toBe(70);
  });

  it('reads 1.0 for a constant load (a zero seed read 1.156 at day 28)', () => {
    for (const days of [7, 28, 60, 365]) {
      const result = ewmaAcwr(Array<number>(days).fill(400));
      expect(result.acute).toBeCloseTo(400, 9);
      expect(result.chronic).toBeCloseTo(400, 9);
      expect(result.ratio).toBeCloseTo(1, 9);
    }
  });

  it('rises after a spike as L₁ − (L₁ − L₀)·(1 − λ)^n for each time constant', () => {
    // 28 days at 300 AU, then 7 days at 450 AU.
    const loads = [...Array<number>(28).fill(300), ...Array<number>(7).fill(450)];
    const acute = 450 - 150 * 0.75 ** 7;
    const chronic = 450 - 150 * (27 / 29) ** 7;
    const result = ewmaAcwr(loads);
    expect(result.acute).toBeCloseTo(acute, 9);
    expect(result.chronic).toBeCloseTo(chronic, 9);
    expect(result.ratio).toBeCloseTo(acute / chronic, 9); // ≈ 1.098
  });
});
