import { describe, expect, it } from 'vitest';
import { dickCoefficients, estimateFromHundred, hundredFromTime } from './estimators.js';

// Sprint estimators (Dick 1987, as in TrackLit's sprint predictor):
// "t_d = a + b·x + c·x², x = 100 m time (s)" with
//   30 m: a = −2.232894, b = 0.6284907, c = −0.005192
//   60 m: a = −5.036141, b = 1.4909718, c = −0.037205
//  200 m: a = −6.038257, b = 2.991126,  c = −0.039017
// "Inverse (distance → 100 m): search x upward from 9.9 s in 0.001 s steps. Up to 90 m the
// times are hand-timed (+0.24 s for electronic); 100 and 200 m electronic."

describe('Dick 1987 coefficients', () => {
  it('are the published ones', () => {
    expect(dickCoefficients).toEqual({
      '30m': { a: -2.232894, b: 0.6284907, c: -0.005192 },
      '60m': { a: -5.036141, b: 1.4909718, c: -0.037205 },
      '200m': { a: -6.038257, b: 2.991126, c: -0.039017 },
    });
  });
});

describe('estimateFromHundred', () => {
  it('pins a 10.00 s 100 m', () => {
    // 30 m: −2.232894 + 6.284907 − 0.5192 = 3.532813 (hand)
    expect(estimateFromHundred('30m', 10)).toBeCloseTo(3.532813, 6);
    // 60 m: −5.036141 + 14.909718 − 3.7205 = 6.153077 (hand)
    expect(estimateFromHundred('60m', 10)).toBeCloseTo(6.153077, 6);
    // 200 m: −6.038257 + 29.91126 − 3.9017 = 19.971303 (electronic)
    expect(estimateFromHundred('200m', 10)).toBeCloseTo(19.971303, 6);
  });

  it('pins an 11.50 s 100 m', () => {
    // 60 m: −5.036141 + 17.1461757 − 4.92036125 = 7.18967345
    expect(estimateFromHundred('60m', 11.5)).toBeCloseTo(7.18967345, 8);
  });

  it('adds 0.24 s to the hand-timed distances for electronic timing, not to 200 m', () => {
    expect(estimateFromHundred('60m', 10, 'electronic')).toBeCloseTo(6.393077, 6);
    expect(estimateFromHundred('30m', 10, 'electronic')).toBeCloseTo(3.772813, 6);
    expect(estimateFromHundred('200m', 10, 'hand')).toBeCloseTo(19.731303, 6);
  });
});

describe('hundredFromTime (upward search from 9.9 s in 0.001 s steps)', () => {
  it('answers the first x whose estimate reaches the time', () => {
    // t_60(9.999) = 6.15233 < 6.153 ≤ t_60(10.000) = 6.153077
    expect(hundredFromTime('60m', 6.153)).toBe(10);
  });

  it('inverts the estimate to the millisecond', () => {
    expect(hundredFromTime('200m', estimateFromHundred('200m', 10.85))).toBe(10.85);
    expect(
      hundredFromTime('60m', estimateFromHundred('60m', 11.2, 'electronic'), 'electronic'),
    ).toBe(11.2);
  });

  it('answers nothing for a time faster than the 9.9 s start or slower than 20 s', () => {
    expect(hundredFromTime('60m', 6.0)).toBeUndefined();
    expect(hundredFromTime('200m', 60)).toBeUndefined();
  });
});
