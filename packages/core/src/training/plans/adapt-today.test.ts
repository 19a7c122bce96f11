import { describe, expect, it } from 'vitest';
import type { Readiness } from '../readiness/types.js';
import { adaptTodaysSession } from './adapt-today.js';
import { generatePlan } from './generate.js';

// The issue: "plans.today, which adapts today's session to the readiness (swap a high day for
// a low one when readiness is low or ACWR is in the danger zone) and says why".

const plan = generatePlan({
  event: '100m',
  experienceLevel: 'intermediate',
  daysPerWeek: 5,
  competitionDate: '2026-08-22', // a Saturday
  weeks: 12,
  targets: null,
});
const monday = '2026-08-03'; // competition phase: acceleration

function readiness(values: Partial<Readiness>): Readiness {
  return {
    date: monday,
    model: 'hrv_baseline',
    score: 85,
    band: 'high',
    recommendation: 'high_intensity',
    lowIntensityAdvised: false,
    summary: '85/100 (high): ready for high-intensity work.',
    factors: [],
    warnings: [],
    focusAreas: [],
    historyDays: 30,
    fallbackReason: null,
    ...values,
  };
}

describe('adaptTodaysSession', () => {
  it('keeps a high day when readiness is high', () => {
    const today = adaptTodaysSession(plan, monday, { readiness: readiness({}), acwr: null });
    expect(today).toMatchObject({ adapted: false, week: 10, phase: 'competition' });
    expect(today.session?.type).toBe('acceleration');
    expect(today.reasons).toEqual(['Readiness 85/100 (high).', 'The session stands as planned.']);
  });

  it('swaps a high day for extensive tempo when readiness is low, and says why', () => {
    const low = readiness({
      score: 48,
      band: 'low',
      recommendation: 'recovery',
      lowIntensityAdvised: true,
      summary: '48/100 (low): consider rest or light recovery work.',
    });
    const today = adaptTodaysSession(plan, monday, { readiness: low, acwr: null });
    expect(today.adapted).toBe(true);
    expect(today.planned?.type).toBe('acceleration');
    expect(today.session).toMatchObject({ type: 'tempo', cns: 'low', intensityPercent: 65 });
    expect(today.reasons[0]).toContain('Readiness 48/100 is low');
  });

  it('swaps when the ACWR is in the danger zone even without readiness data', () => {
    const today = adaptTodaysSession(plan, monday, {
      readiness: null,
      acwr: { ratio: 1.62, zone: 'danger' },
    });
    expect(today.adapted).toBe(true);
    expect(today.reasons).toEqual(['EWMA ACWR 1.62 is in the danger zone (≥ 1.5): a load spike.']);
  });

  it('swaps when HRV is below baseline', () => {
    const belowBaseline = readiness({
      score: 72,
      band: 'moderate',
      recommendation: 'moderate',
      lowIntensityAdvised: true,
      factors: [
        {
          key: 'hrv',
          label: 'HRV (lnRMSSD)',
          value: 4,
          unit: 'ln(ms)',
          baseline: null,
          points: 18.8,
          maxPoints: 35,
          contribution: 18.8,
          status: 'caution',
          explanation: '7-day mean 4 is below your 60-day baseline 4.048–4.152.',
        },
      ],
    });
    const today = adaptTodaysSession(plan, monday, { readiness: belowBaseline, acwr: null });
    expect(today.adapted).toBe(true);
    expect(today.reasons[0]).toContain('HRV below your baseline');
  });

  it('leaves low days and race day as planned', () => {
    const low = readiness({ score: 40, band: 'low', recommendation: 'recovery' });
    const tuesday = adaptTodaysSession(plan, '2026-08-04', { readiness: low, acwr: null });
    expect(tuesday).toMatchObject({ adapted: false, session: { type: 'tempo' } });
    const race = adaptTodaysSession(plan, '2026-08-22', {
      readiness: low,
      acwr: { ratio: 1.6, zone: 'danger' },
    });
    expect(race).toMatchObject({ adapted: false, session: { type: 'competition' } });
    expect(race.reasons[1]).toContain('Race day stands');
  });

  it('answers no session outside the plan', () => {
    const today = adaptTodaysSession(plan, '2026-09-01', { readiness: null, acwr: null });
    expect(today).toMatchObject({ planned: null, session: null, week: null, adapted: false });
    expect(today.reasons[0]).toBe('The plan runs from 2026-05-31 to 2026-08-22.');
  });
});
