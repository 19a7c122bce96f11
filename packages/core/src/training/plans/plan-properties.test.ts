import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../dates.js';
import { generatePlan, maximumPlanWeeks } from './generate.js';
import { describePlan, sessionTypeNames } from './narrative.js';
import { sessionVolumeCaps, strengthDoses } from './prescription-tables.js';
import { highLowViolations } from './spacing.js';
import { deloadVolumeRange, raceWeekVolumeRange, sessionWorkload } from './taper.js';
import { planTargets } from './targets.js';
import {
  type ExperienceLevel,
  experienceLevels,
  type GeneratedPlan,
  type PlannedSession,
  type SprintEvent,
  sessionTypes,
  sprintEvents,
} from './types.js';

// The rules a coach signs, checked on every plan rather than by eye:
// - High–low: ≥ 48 h between high-CNS days.
// - Per session: speed endurance ≤ 900 m for elite and less below; special endurance ≤ 1 200 m
//   and once a week; extensive tempo ≤ 2 500 m.
// - Strength: sets × reps at a load, the same for every level, never scaled like runs.
// - A deload week (−30–50% volume, same intensity) at least every 4 weeks.
// - Race week: volume −40–60% at held intensity six days out; no speed or special endurance in
//   the last 5 days; the last 48 h only short accelerations, strides or rest; the race counts
//   as a training day.
// - The narrative names only session types that are scheduled, and every one that is.

interface Request {
  event: SprintEvent;
  experienceLevel: ExperienceLevel;
  daysPerWeek: number;
  competitionDate: string;
  weeks: number;
  personalBest: number | undefined;
}

function planFor(request: Request): GeneratedPlan {
  const bests = request.personalBest === undefined ? {} : { '100m': request.personalBest };
  const { targets, note } = planTargets(request.event, bests);
  return generatePlan({ ...request, targets, targetsNote: note });
}

const allSessions = (plan: GeneratedPlan) => plan.schedule.flatMap((week) => week.sessions);
const isTraining = (session: PlannedSession) => session.type !== 'rest';
const daysOut = (plan: GeneratedPlan, session: PlannedSession) =>
  daysBetween(session.date, plan.competitionDate);

/** Collects broken rules instead of asserting each (millions of checks run here). */
class Rules {
  readonly broken: string[] = [];
  readonly sessions: PlannedSession[];
  constructor(plan: GeneratedPlan) {
    this.sessions = allSessions(plan);
  }
  check(ok: boolean, rule: string, session?: PlannedSession): void {
    if (!ok) this.broken.push(session ? `${rule} (${session.date} ${session.type})` : rule);
  }
}

function checkSpacing(rules: Rules): void {
  rules.check(highLowViolations(rules.sessions).length === 0, 'high–low: 48 h between high days');
}

function checkCaps(plan: GeneratedPlan, rules: Rules): void {
  const level = plan.experienceLevel;
  for (const session of rules.sessions) {
    const volume = session.volumeMetres;
    if (session.type === 'speed_endurance') {
      rules.check(
        volume <= sessionVolumeCaps.speed_endurance[level] && volume <= 900,
        'speed endurance cap',
        session,
      );
    }
    if (session.type === 'special_endurance') {
      rules.check(
        volume <= sessionVolumeCaps.special_endurance[level] && volume <= 1200,
        'special endurance cap',
        session,
      );
    }
    if (session.type === 'tempo') {
      rules.check(volume <= sessionVolumeCaps.tempo[level] && volume <= 2500, 'tempo cap', session);
    }
  }
  for (const week of plan.schedule) {
    const special = week.sessions.filter((session) => session.type === 'special_endurance');
    rules.check(special.length <= 1, `special endurance once a week (week ${week.week})`);
  }
  const special = rules.sessions.filter((session) => session.type === 'special_endurance');
  for (let index = 1; index < special.length; index += 1) {
    const gap = daysBetween(special[index - 1]?.date ?? '', special[index]?.date ?? '');
    rules.check(gap >= 7, 'special endurance 7 days apart', special[index]);
  }
}

const strengthReps = new Set(Object.values(strengthDoses).map((dose) => dose.reps));

function checkStrength(rules: Rules): void {
  for (const session of rules.sessions.filter((entry) => entry.type === 'strength')) {
    const load = session.intensityPercent ?? 0;
    rules.check(
      session.distanceMetres === null &&
        session.volumeMetres === 0 &&
        strengthReps.has(session.reps) &&
        load >= 55 &&
        load <= 85,
      'strength: sets × reps at a load, reps as prescribed for every level',
      session,
    );
  }
}

function checkDeloads(plan: GeneratedPlan, rules: Rules): void {
  const light = plan.schedule.map((week) => week.deload || week.phase === 'taper');
  for (let start = 0; start + 4 <= light.length; start += 1) {
    rules.check(
      light.slice(start, start + 4).includes(true),
      `a deload within weeks ${start + 1}–${start + 4}`,
    );
  }
  for (const week of plan.schedule.filter((entry) => entry.deload)) {
    rules.check(week.phase !== 'taper', 'race week is not a deload');
    const before = plan.schedule[week.week - 2];
    if (!before || before.phase !== week.phase || before.deload) continue;
    for (const session of week.sessions.filter(isTraining)) {
      const reference = before.sessions.find((entry) => entry.date === addDays(session.date, -7));
      if (!reference || reference.type !== session.type) continue;
      const share = sessionWorkload(session) / sessionWorkload(reference);
      rules.check(
        session.intensityPercent === reference.intensityPercent &&
          share >= deloadVolumeRange.min - 1e-9 &&
          share <= deloadVolumeRange.max + 1e-9,
        `deload: −30–50% volume at the same intensity (share ${share})`,
        session,
      );
    }
    if (before.volumeMetres > 0) {
      rules.check(week.volumeMetres < before.volumeMetres, `deload week ${week.week} is lighter`);
    }
  }
}

const hardTypes: ReadonlySet<string> = new Set([
  'max_velocity',
  'speed_endurance',
  'special_endurance',
]);
const preRaceTypes: ReadonlySet<string> = new Set(['acceleration', 'strides', 'rest']);

function checkRaceWeek(plan: GeneratedPlan, rules: Rules): void {
  const raceWeek = plan.schedule.at(-1);
  rules.check(
    raceWeek?.phase === 'taper' && raceWeek.endDate === plan.competitionDate,
    'race week last',
  );
  const sessions = rules.sessions;
  const races = sessions.filter((session) => session.type === 'competition');
  rules.check(
    races.length === 1 && races[0]?.date === plan.competitionDate,
    'one race, on the day',
  );
  const trainingDays = (raceWeek?.sessions ?? []).filter(isTraining).length;
  rules.check(trainingDays <= plan.daysPerWeek, 'the race counts as a training day');
  for (const session of sessions) {
    const out = daysOut(plan, session);
    if (out >= 1 && out <= 5) {
      rules.check(
        !hardTypes.has(session.type),
        'no speed or special endurance in the last 5 days',
        session,
      );
      rules.check(session.type !== 'strength', 'no lifting in race week', session);
    }
    if (out >= 1 && out <= 2) {
      rules.check(
        preRaceTypes.has(session.type),
        'last 48 h: short accelerations, strides or rest',
        session,
      );
      if (session.type === 'acceleration') {
        rules.check(
          (session.distanceMetres ?? 0) <= 30 && session.volumeMetres <= 120,
          'last 48 h: short accelerations',
          session,
        );
      }
    }
    if (out === 1) rules.check(session.type === 'rest', 'rest the day before', session);
  }
  if (plan.schedule.at(-2)?.deload) return;
  for (const session of (raceWeek?.sessions ?? []).filter(isTraining)) {
    if (daysOut(plan, session) <= 5 && session.type !== 'tempo') continue;
    const reference = sessions.find((entry) => entry.date === addDays(session.date, -7));
    if (!reference || reference.type !== session.type) continue;
    const ratio = sessionWorkload(session) / sessionWorkload(reference);
    rules.check(
      session.intensityPercent === reference.intensityPercent &&
        ratio >= raceWeekVolumeRange.min &&
        ratio <= raceWeekVolumeRange.max,
      'race week: −40–60% volume at the same intensity',
      session,
    );
  }
}

function checkStructure(plan: GeneratedPlan, rules: Rules): void {
  rules.check(plan.schedule.length === plan.weeks, 'one entry per week');
  rules.check(
    daysBetween(plan.startDate, plan.competitionDate) === 7 * plan.weeks - 1,
    'ends on race day',
  );
  const longSprint = plan.event === '200m' || plan.event === '400m';
  for (const week of plan.schedule) {
    rules.check(week.sessions.length === 7, 'seven days a week');
    if (week.phase !== 'taper') {
      rules.check(
        week.sessions.filter(isTraining).length === plan.daysPerWeek,
        `days per week (week ${week.week})`,
      );
    }
    const special = week.sessions.filter((session) => session.type === 'special_endurance').length;
    if (!longSprint) rules.check(special === 0, '60/100 m: no special endurance');
    if (longSprint && (week.phase === 'specific_preparation' || week.phase === 'competition')) {
      rules.check(special === 1, `200/400 m: special endurance each week (week ${week.week})`);
    }
  }
}

function checkNarrative(plan: GeneratedPlan, rules: Rules): void {
  const narrative = describePlan(plan);
  const scheduled = new Set(rules.sessions.map((session) => session.type));
  for (const type of sessionTypes) {
    if (type === 'rest') continue;
    rules.check(
      narrative.includes(sessionTypeNames[type]) === scheduled.has(type),
      `narrative names ${type} exactly when scheduled`,
    );
  }
}

function checkAll(plan: GeneratedPlan): void {
  const rules = new Rules(plan);
  checkSpacing(rules);
  checkCaps(plan, rules);
  checkStrength(rules);
  checkDeloads(plan, rules);
  checkRaceWeek(plan, rules);
  checkStructure(plan, rules);
  checkNarrative(plan, rules);
  if (rules.broken.length > 0) {
    const { event, experienceLevel, daysPerWeek, weeks, competitionDate } = plan;
    expect({
      event,
      experienceLevel,
      daysPerWeek,
      weeks,
      competitionDate,
      broken: rules.broken,
    }).toEqual({
      event,
      experienceLevel,
      daysPerWeek,
      weeks,
      competitionDate,
      broken: [],
    });
  }
}

describe('caps by level', () => {
  it('lowers every per-session cap below elite', () => {
    for (const caps of Object.values(sessionVolumeCaps)) {
      expect(caps.beginner).toBeLessThan(caps.intermediate);
      expect(caps.intermediate).toBeLessThan(caps.advanced);
      expect(caps.advanced).toBeLessThan(caps.elite);
    }
    expect(sessionVolumeCaps.speed_endurance.elite).toBe(900);
    expect(sessionVolumeCaps.special_endurance.elite).toBe(1200);
    expect(sessionVolumeCaps.tempo.elite).toBe(2500);
  });
});

describe('generatePlan rules, every event × level × days per week × plan length', () => {
  it.each(sprintEvents)(
    '%s',
    (event) => {
      for (const experienceLevel of experienceLevels) {
        for (let daysPerWeek = 2; daysPerWeek <= 6; daysPerWeek += 1) {
          for (let weeks = 1; weeks <= maximumPlanWeeks; weeks += 1) {
            // Move the race through every weekday as the length changes.
            const competitionDate = addDays('2026-09-06', weeks + daysPerWeek);
            checkAll(
              planFor({
                event,
                experienceLevel,
                daysPerWeek,
                competitionDate,
                weeks,
                personalBest: 10.85,
              }),
            );
          }
        }
      }
    },
    120_000,
  );
});

describe('generatePlan properties (fast-check)', () => {
  const requests = fc.record({
    event: fc.constantFrom(...sprintEvents),
    experienceLevel: fc.constantFrom(...experienceLevels),
    daysPerWeek: fc.integer({ min: 2, max: 6 }),
    competitionDate: fc
      .integer({ min: 0, max: 3 * 365 })
      .map((offset) => addDays('2026-01-01', offset)),
    weeks: fc.integer({ min: 1, max: maximumPlanWeeks }),
    personalBest: fc.option(fc.double({ min: 9.5, max: 21, noNaN: true }), { nil: undefined }),
  });

  it('holds every cap, spacing, deload and race-week rule for any request', () => {
    fc.assert(
      fc.property(requests, (request) => checkAll(planFor(request))),
      { numRuns: 300, seed: 20_261_201 },
    );
  }, 60_000);

  it('is deterministic', () => {
    fc.assert(
      fc.property(requests, (request) => {
        expect(planFor(request)).toEqual(planFor(request));
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
