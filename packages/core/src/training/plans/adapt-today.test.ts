import { describe, expect, it } from 'vitest';
import type { Readiness, ScoredReadiness } from '../readiness/types.js';
import { adaptTodaysSession } from './adapt-today.js';
import { generatePlan } from './generate.js';

// plans.today adapts today's session to readiness and says why: a high day becomes a low one
// at low readiness (or on an ACWR spike when readiness cannot be scored), is trimmed and
// capped at about 90–95% at moderate readiness, and never changes for missing data.

const plan = generatePlan({
  event: '100m',
  experienceLevel: 'intermediate',
  daysPerWeek: 5,
  competitionDate: '2026-08-22', // a Saturday
  weeks: 12,
  targets: null,
});
const monday = '2026-08-03'; // competition phase: acceleration

function readiness(values: Partial<ScoredReadiness>): Readiness {
  return {
    date: monday,
    status: 'scored',
    model: 'hrv_baseline',
    score: 85,
    band: 'high',
    recommendation: 'high_intensity',
    lowIntensityAdvised: false,
    adjustment: null,
    summary: '85/100, high: ready for high-intensity work.',
    factors: [],
    missing: [],
    coverage: { measuredPoints: 100, possiblePoints: 100, requiredPoints: 50 },
    warnings: [],
    focusAreas: [],
    historyDays: 30,
    fallbackReason: null,
    ...values,
  };
}

const low = readiness({
  score: 48,
  band: 'low',
  recommendation: 'recovery',
  lowIntensityAdvised: true,
  summary: '48/100, low: swap hard sessions for low intensity, or rest.',
});

const insufficient: Readiness = {
  date: monday,
  status: 'insufficient_data',
  model: 'aria_original',
  score: null,
  band: null,
  recommendation: null,
  lowIntensityAdvised: false,
  adjustment: null,
  summary: 'Insufficient data.',
  factors: [],
  missing: ['Sleep duration', 'Resting heart rate'],
  coverage: { measuredPoints: 30, possiblePoints: 100, requiredPoints: 50 },
  warnings: [],
  focusAreas: [],
  historyDays: 1,
  fallbackReason: null,
};

const danger = {
  rolling: { ratio: 1.62, zone: 'danger' as const },
  ewma: { ratio: 1.44, zone: 'caution' as const },
};

describe('adaptTodaysSession', () => {
  it('keeps a high day when readiness is high', () => {
    const today = adaptTodaysSession(plan, monday, { readiness: readiness({}), acwr: null });
    expect(today).toMatchObject({
      adapted: false,
      adaptation: 'as_planned',
      week: 10,
      phase: 'competition',
    });
    expect(today.session?.type).toBe('acceleration');
    expect(today.reasons).toEqual(['Readiness 85/100 (high).', 'The session stands as planned.']);
  });

  it('swaps a high day for extensive tempo when readiness is low, and says why', () => {
    const today = adaptTodaysSession(plan, monday, { readiness: low, acwr: null });
    expect(today).toMatchObject({ adapted: true, adaptation: 'swapped' });
    expect(today.planned?.type).toBe('acceleration');
    expect(today.session).toMatchObject({ type: 'tempo', cns: 'low', intensityPercent: 65 });
    expect(today.reasons[0]).toContain('Readiness 48/100, low');
  });

  it('trims volume and caps intensity at moderate readiness, with the reason', () => {
    const moderate = readiness({
      score: 72,
      band: 'moderate',
      recommendation: 'moderate',
      summary: '72/100, moderate: train at moderate intensity.',
    });
    const today = adaptTodaysSession(plan, monday, { readiness: moderate, acwr: null });
    expect(today.planned).toMatchObject({ type: 'acceleration', intensityPercent: 98 });
    expect(today).toMatchObject({ adapted: true, adaptation: 'trimmed' });
    expect(today.session).toMatchObject({ type: 'acceleration', intensityPercent: 92 });
    const share = (today.session?.volumeMetres ?? 0) / (today.planned?.volumeMetres ?? 1);
    expect(share).toBeGreaterThanOrEqual(0.5);
    expect(share).toBeLessThanOrEqual(0.8);
    expect(today.reasons[0]).toContain('Readiness 72/100, moderate');
    expect(today.reasons[1]).toBe(
      `Trimmed to ${today.session?.volumeMetres} m from ${today.planned?.volumeMetres} m, reps at no more than 92%.`,
    );
  });

  it('never changes a session for insufficient data, and says so', () => {
    const today = adaptTodaysSession(plan, monday, { readiness: insufficient, acwr: null });
    expect(today).toMatchObject({ adapted: false, session: { type: 'acceleration' } });
    expect(today.reasons[0]).toContain('insufficient data');
    expect(today.reasons[0]).toContain('never changes a session');
  });

  it('swaps on an ACWR spike when readiness cannot be scored', () => {
    const today = adaptTodaysSession(plan, monday, { readiness: insufficient, acwr: danger });
    expect(today.adapted).toBe(true);
    expect(today.reasons[1]).toBe(
      'ACWR in the danger zone (≥ 1.5): rolling 1.62 (danger), EWMA 1.44 (caution), a load spike.',
    );
  });

  it('leaves low days and race day as planned', () => {
    const tuesday = adaptTodaysSession(plan, '2026-08-04', { readiness: low, acwr: null });
    expect(tuesday).toMatchObject({ adapted: false, session: { type: 'tempo' } });
    const race = adaptTodaysSession(plan, '2026-08-22', { readiness: low, acwr: danger });
    expect(race).toMatchObject({ adapted: false, session: { type: 'competition' } });
    expect(race.reasons[0]).toContain('Race day stands');
  });

  it('answers no session outside the plan', () => {
    const today = adaptTodaysSession(plan, '2026-09-01', { readiness: null, acwr: null });
    expect(today).toMatchObject({ planned: null, session: null, week: null, adapted: false });
    expect(today.reasons[0]).toBe('The plan runs from 2026-05-31 to 2026-08-22.');
  });
});
