import { describe, expect, it } from 'vitest';
import { allocatePhases } from './phases.js';
import { nearMaxRestSeconds, prescribe, targetSecondsPerRep } from './prescriptions.js';
import { cutVolume, sessionWorkload } from './taper.js';
import { planTargets } from './targets.js';
import type { PlannedSession } from './types.js';
import { weekTypes } from './week-pattern.js';

// Sprint training (Charlie Francis; ALTIS; Holler "Feed the Cats"):
// "High–low: ≥ 48 h between high-CNS days; rest ≈ 1 min per 10 m sprinted at near-max."
// "Typical week: Mon acceleration; Tue tempo; Wed max velocity (flies); Thu tempo; Fri speed
// endurance (special endurance for 200/400 m); weekend off or optional."
// "special endurance II 40 s–2 min (e.g. 2×300 m at 98–100% with 20 min rest; 4×300 m at 90%
// with 7–10 min)." "Tempo: extensive 60–79% (e.g. 10×100 m, 30 s–2 min rest, 1400–2500 m total)."
// "Phases: general prep → specific prep → competition → taper. Race week: volume −40–60%,
// intensity kept."

describe('allocatePhases', () => {
  it('splits 12 weeks 4 / 4 / 3 / 1', () => {
    expect(allocatePhases(12)).toEqual([
      { phase: 'general_preparation', fromWeek: 1, toWeek: 4 },
      { phase: 'specific_preparation', fromWeek: 5, toWeek: 8 },
      { phase: 'competition', fromWeek: 9, toWeek: 11 },
      { phase: 'taper', fromWeek: 12, toWeek: 12 },
    ]);
  });

  it('keeps the phases nearest the race in short plans', () => {
    expect(allocatePhases(1).map((span) => span.phase)).toEqual(['taper']);
    expect(allocatePhases(2).map((span) => span.phase)).toEqual(['competition', 'taper']);
    expect(allocatePhases(3).map((span) => span.phase)).toEqual([
      'specific_preparation',
      'competition',
      'taper',
    ]);
  });
});

describe('weekTypes', () => {
  it('lays out the typical 5-day week for a 100 m sprinter', () => {
    expect(weekTypes('100m', 'competition', 5)).toEqual([
      'acceleration',
      'tempo',
      'max_velocity',
      'tempo',
      'speed_endurance',
      'rest',
      'rest',
    ]);
  });

  it('gives 200 m and 400 m special endurance on Friday instead', () => {
    expect(weekTypes('200m', 'specific_preparation', 5)[4]).toBe('special_endurance');
    expect(weekTypes('400m', 'competition', 5)[4]).toBe('special_endurance');
  });

  it('keeps special endurance for 200/400 m even with two training days', () => {
    expect(weekTypes('400m', 'specific_preparation', 2)).toContain('special_endurance');
    expect(weekTypes('100m', 'specific_preparation', 2)).not.toContain('special_endurance');
  });
});

describe('prescribe', () => {
  it('rests 1 min per 10 m between near-maximal sprints', () => {
    expect(nearMaxRestSeconds(30)).toBe(180);
    const acceleration = prescribe('acceleration', {
      event: '100m',
      phase: 'competition',
      level: 'advanced',
      weekInPhase: 0,
    });
    expect(acceleration).toMatchObject({
      sets: 2,
      reps: 4,
      distanceMetres: 30,
      intensityPercent: 98,
      restBetweenRepsSeconds: 180,
    });
  });

  it('gives a 400 m sprinter 2 × 300 m at 98% with 20 min rest in the competition phase', () => {
    expect(
      prescribe('special_endurance', {
        event: '400m',
        phase: 'competition',
        level: 'advanced',
        weekInPhase: 0,
      }),
    ).toMatchObject({ sets: 1, reps: 2, distanceMetres: 300, intensityPercent: 98 });
    expect(
      prescribe('special_endurance', {
        event: '400m',
        phase: 'competition',
        level: 'advanced',
        weekInPhase: 0,
      }).restBetweenRepsSeconds,
    ).toBe(1200);
  });

  it('keeps extensive tempo at 60–79% and scales reps by level and week', () => {
    const context = { event: '100m', phase: 'general_preparation', weekInPhase: 0 } as const;
    const advanced = prescribe('tempo', { ...context, level: 'advanced' });
    expect(advanced).toMatchObject({ sets: 2, reps: 8, distanceMetres: 100, intensityPercent: 70 });
    expect(prescribe('tempo', { ...context, level: 'beginner' }).reps).toBe(5); // 8 × 0.6
    expect(prescribe('tempo', { ...context, level: 'advanced', weekInPhase: 2 }).reps).toBe(10); // 8 × 1.2
  });
});

const session = (values: Partial<PlannedSession>): PlannedSession => ({
  date: '2026-07-01',
  weekday: 'Wednesday',
  type: 'acceleration',
  cns: 'high',
  title: 'Acceleration',
  sets: 2,
  reps: 4,
  distanceMetres: 30,
  intensityPercent: 98,
  restBetweenRepsSeconds: 180,
  restBetweenSetsSeconds: 420,
  volumeMetres: 240,
  targetSecondsPerRep: null,
  notes: '',
  ...values,
});

describe('cutVolume', () => {
  it('halves the reps at the same intensity and rest', () => {
    const cut = cutVolume(session({}));
    expect(cut).toMatchObject({ sets: 1, reps: 4, intensityPercent: 98, volumeMetres: 120 });
    expect(cut.restBetweenRepsSeconds).toBe(180);
  });

  it('halves the distance when no rep count lands within 40–60% (3 reps)', () => {
    const cut = cutVolume(session({ sets: 1, reps: 3, distanceMetres: 150, volumeMetres: 450 }));
    expect(cut).toMatchObject({ sets: 1, reps: 3, distanceMetres: 75, volumeMetres: 225 });
  });

  it('cuts strength by repetitions', () => {
    const strength = session({ type: 'strength', sets: 3, reps: 10, distanceMetres: null });
    expect(sessionWorkload(cutVolume(strength)) / sessionWorkload(strength)).toBe(0.5);
  });
});

describe('planTargets (Dick 1987)', () => {
  it('derives 30/60/200 m targets from a 100 m best', () => {
    // 30 m: −2.232894 + 0.6284907·10.85 − 0.005192·117.7225 = 3.98 (hand)
    expect(planTargets('100m', { '100m': 10.85 })).toEqual({
      basis: '100m personal best 10.85 s',
      hundredMetres: 10.85,
      thirtyMetres: 3.98,
      sixtyMetres: 6.76,
      twoHundredMetres: 21.82,
    });
  });

  it('falls back from a 400 m best (no estimator) to another best, or to none', () => {
    expect(planTargets('400m', { '400m': 48 })).toBeNull();
    expect(planTargets('400m', { '400m': 48, '200m': 21.9 })?.hundredMetres).toBe(10.89);
  });

  it('sets a rep target as the best time divided by the intensity', () => {
    const targets = planTargets('100m', { '100m': 10.85 });
    expect(targetSecondsPerRep('tempo', 100, 70, targets)).toBe(15.5); // 10.85 / 0.70
    expect(targetSecondsPerRep('max_velocity', 60, 98, targets)).toBeNull();
  });
});
