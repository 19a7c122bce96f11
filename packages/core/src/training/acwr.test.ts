import { describe, expect, it } from 'vitest';
import { acwrZone, ewmaAcwr, ewmaLambda, ewmaSeries, rollingAcwr } from './acwr.js';

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

  it('follows EWMA_t = λ·load_t + (1 − λ)·EWMA_{t−1} from a zero seed', () => {
    // N = 7: 0.25·100 = 25; 0.75·25 = 18.75; 0.25·200 + 0.75·18.75 = 64.0625.
    expect(ewmaSeries([100, 0, 200], 7)).toEqual([25, 18.75, 64.0625]);
  });

  it('gives L·(1 − (1 − λ)^n) after n days of a constant load L', () => {
    const loads = Array<number>(28).fill(400);
    const acute = 400 * (1 - 0.75 ** 28);
    const chronic = 400 * (1 - (27 / 29) ** 28);
    const result = ewmaAcwr(loads);
    expect(result.acute).toBeCloseTo(acute, 9);
    expect(result.chronic).toBeCloseTo(chronic, 9);
    expect(result.ratio).toBeCloseTo(1.156, 3);
  });
});
