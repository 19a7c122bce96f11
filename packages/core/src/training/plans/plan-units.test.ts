import { describe, expect, it } from 'vitest';
import { generatePlan } from './generate.js';
import { describePlan } from './narrative.js';
import { allocatePhases } from './phases.js';
import { nearMaxRestSeconds, prescribe, targetSecondsPerRep } from './prescriptions.js';
import { cutVolume, deloadVolume } from './taper.js';
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

  it('lightens strength by sets, never by reps or load', () => {
    const strength = session({
      type: 'strength',
      sets: 3,
      reps: 8,
      distanceMetres: null,
      intensityPercent: 70,
    });
    expect(deloadVolume(strength)).toMatchObject({ sets: 2, reps: 8, intensityPercent: 70 });
    const heavier = session({ type: 'strength', sets: 4, reps: 5, distanceMetres: null });
    expect(deloadVolume(heavier)).toMatchObject({ sets: 2, reps: 5 });
  });
});

describe('planTargets (Dick 1987)', () => {
  it('derives 30/60/200 m targets from a 100 m best', () => {
    // 30 m: −2.232894 + 0.6284907·10.85 − 0.005192·117.7225 = 3.98 (hand)
    expect(planTargets('100m', { '100m': 10.85 })).toEqual({
      targets: {
        basis: '100m personal best 10.85 s',
        hundredMetres: 10.85,
        thirtyMetres: 3.98,
        sixtyMetres: 6.76,
        twoHundredMetres: 21.82,
      },
      note: null,
    });
  });

  it('falls back from a 400 m best (no estimator) to another best, and says why', () => {
    expect(planTargets('400m', { '400m': 48 })).toEqual({
      targets: null,
      note: 'No target times: a 400m best has no estimator in the table. Targets need a 60m, 100m or 200m best within the table.',
    });
    const fallback = planTargets('400m', { '400m': 48, '200m': 21.9 });
    expect(fallback.targets?.hundredMetres).toBe(10.89);
    expect(fallback.note).toBe('Not used: a 400m best has no estimator in the table.');
  });

  it('says so when a best lies outside the estimator table, never extrapolating', () => {
    expect(planTargets('100m', { '100m': 9.58 })).toEqual({
      targets: null,
      note: 'No target times: a 100m best of 9.58 s is faster than the estimator table (9.9–20 s over 100 m). Targets need a 60m, 100m or 200m best within the table.',
    });
    expect(planTargets('60m', { '60m': 6.3 }).note).toContain(
      'a 60m best of 6.3 s is faster than the estimator table covers',
    );
    expect(planTargets('200m', { '200m': 45 }).note).toContain(
      'is slower than the estimator table',
    );
    const mixed = planTargets('60m', { '60m': 6.3, '100m': 10.5 });
    expect(mixed.targets?.basis).toBe('100m personal best 10.5 s');
    expect(mixed.note).toContain('Not used: a 60m best of 6.3 s is faster');
  });

  it('sets a rep target as the best time divided by the intensity', () => {
    const { targets } = planTargets('100m', { '100m': 10.85 });
    expect(targetSecondsPerRep('tempo', 100, 70, targets)).toBe(15.5); // 10.85 / 0.70
    expect(targetSecondsPerRep('max_velocity', 60, 98, targets)).toBeNull();
  });
});

describe('worked examples a coach signs', () => {
  const context = { event: '400m', level: 'elite', weekInPhase: 3 } as const;

  it('caps elite speed endurance at 900 m and special endurance at 1 200 m', () => {
    // 2 × 3 × 120 m scaled by 1.2 (elite) × 1.3 (week 4 of the phase) would be 2 × 5 × 120 m.
    const speed = prescribe('speed_endurance', { ...context, phase: 'specific_preparation' });
    expect(speed).toMatchObject({ sets: 2, reps: 3, distanceMetres: 120 });
    // 4 × 300 m scaled the same way would be 6 × 300 m = 1 800 m.
    const special = prescribe('special_endurance', { ...context, phase: 'specific_preparation' });
    expect(special).toMatchObject({ sets: 1, reps: 4, distanceMetres: 300, intensityPercent: 90 });
    expect(special.notes).not.toMatch(/\d+ × \d+/);
    const tempo = prescribe('tempo', { ...context, phase: 'general_preparation' });
    expect(tempo.sets * tempo.reps * (tempo.distanceMetres ?? 0)).toBeLessThanOrEqual(2500);
  });

  it('prescribes strength as sets × reps at a load, the same reps for every level', () => {
    const phase = 'specific_preparation' as const;
    const beginner = prescribe('strength', {
      ...context,
      phase,
      level: 'beginner',
      weekInPhase: 0,
    });
    const elite = prescribe('strength', { ...context, phase, weekInPhase: 3 });
    expect(beginner).toMatchObject({
      sets: 4,
      reps: 5,
      intensityPercent: 65,
      distanceMetres: null,
    });
    expect(elite).toMatchObject({ sets: 4, reps: 5, intensityPercent: 80, distanceMetres: null });
  });

  it('keeps the 400 m race week free of special endurance in the last 5 days', () => {
    // A Sunday race: the Friday before held 1 × 300 m at 98%; now short accelerations.
    const plan = generatePlan({
      event: '400m',
      experienceLevel: 'elite',
      daysPerWeek: 5,
      competitionDate: '2026-08-23',
      weeks: 12,
      targets: null,
    });
    const raceWeek = plan.schedule.at(-1)?.sessions ?? [];
    expect(raceWeek.map((entry) => entry.type)).toEqual([
      'max_velocity',
      'rest',
      'strides',
      'tempo',
      'acceleration',
      'rest',
      'competition',
    ]);
    expect(raceWeek[4]).toMatchObject({ sets: 1, reps: 4, distanceMetres: 20 });
    // Five training days including the race.
    expect(raceWeek.filter((entry) => entry.type !== 'rest')).toHaveLength(5);
    expect(plan.schedule.filter((week) => week.deload).map((week) => week.week)).toEqual([4, 8]);
  });

  it('writes the narrative from the sessions it scheduled', () => {
    const plan = generatePlan({
      event: '60m',
      experienceLevel: 'intermediate',
      daysPerWeek: 3,
      competitionDate: '2026-03-01',
      weeks: 8,
      targets: null,
    });
    const narrative = describePlan(plan);
    expect(narrative).not.toContain('special endurance');
    expect(narrative).toContain('race week: ');
    expect(narrative).toContain('3 days a week including the race');
  });
});
