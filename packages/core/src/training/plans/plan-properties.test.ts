import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../dates.js';
import { generatePlan } from './generate.js';
import { highLowViolations } from './spacing.js';
import { raceWeekVolumeRange, sessionWorkload } from './taper.js';
import { planTargets } from './targets.js';
import {
  experienceLevels,
  type GeneratedPlan,
  type PlannedSession,
  sprintEvents,
} from './types.js';

// The issue: "a 12-week plan for each event obeys the spacing and taper rules (checked by a
// property test, not by eye)". Sprint training practice (Francis, ALTIS): "High–low: ≥ 48 h between high-CNS
// days" and "Race week: volume −40–60%, intensity kept."

const competitionDates = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((offset) => addDays('2026-01-01', offset));

const requests = (weeks: fc.Arbitrary<number>) =>
  fc.record({
    event: fc.constantFrom(...sprintEvents),
    experienceLevel: fc.constantFrom(...experienceLevels),
    daysPerWeek: fc.integer({ min: 2, max: 6 }),
    competitionDate: competitionDates,
    weeks,
    personalBest: fc.option(fc.double({ min: 10, max: 13, noNaN: true }), { nil: undefined }),
  });

function planFor(request: {
  event: (typeof sprintEvents)[number];
  experienceLevel: (typeof experienceLevels)[number];
  daysPerWeek: number;
  competitionDate: string;
  weeks: number;
  personalBest: number | undefined;
}): GeneratedPlan {
  const bests = request.personalBest === undefined ? {} : { '100m': request.personalBest };
  return generatePlan({ ...request, targets: planTargets(request.event, bests) });
}

const allSessions = (plan: GeneratedPlan) => plan.schedule.flatMap((week) => week.sessions);
const isTraining = (session: PlannedSession) =>
  session.type !== 'rest' && session.type !== 'competition';

function checkSpacing(plan: GeneratedPlan): void {
  expect(highLowViolations(allSessions(plan))).toEqual([]);
  const highs = allSessions(plan).filter((session) => session.cns === 'high');
  for (let index = 1; index < highs.length; index += 1) {
    const gap = daysBetween(highs[index - 1]?.date ?? '', highs[index]?.date ?? '');
    expect(gap).toBeGreaterThanOrEqual(2);
  }
}

function checkTaper(plan: GeneratedPlan): void {
  const byDate = new Map(allSessions(plan).map((session) => [session.date, session]));
  const raceWeek = plan.schedule.at(-1);
  expect(raceWeek?.phase).toBe('taper');
  expect(raceWeek?.endDate).toBe(plan.competitionDate);
  expect(byDate.get(plan.competitionDate)?.type).toBe('competition');
  expect(byDate.get(addDays(plan.competitionDate, -1))?.cns).not.toBe('high');
  if (plan.weeks < 2) return;
  const weekBefore = plan.schedule.at(-2);
  for (const session of (raceWeek?.sessions ?? []).filter(isTraining)) {
    const reference = byDate.get(addDays(session.date, -7));
    if (!reference) throw new Error(`no session a week before ${session.date}`);
    expect(session.type).toBe(reference.type);
    expect(session.intensityPercent).toBe(reference.intensityPercent);
    const ratio = sessionWorkload(session) / sessionWorkload(reference);
    expect(ratio).toBeGreaterThanOrEqual(raceWeekVolumeRange.min);
    expect(ratio).toBeLessThanOrEqual(raceWeekVolumeRange.max);
  }
  expect(raceWeek?.volumeMetres).toBeLessThanOrEqual(
    raceWeekVolumeRange.max * (weekBefore?.volumeMetres ?? 0),
  );
}

function checkStructure(plan: GeneratedPlan): void {
  expect(plan.schedule).toHaveLength(plan.weeks);
  expect(daysBetween(plan.startDate, plan.competitionDate)).toBe(7 * plan.weeks - 1);
  for (const week of plan.schedule) {
    expect(week.sessions).toHaveLength(7);
    if (week.phase !== 'taper') {
      expect(week.sessions.filter(isTraining)).toHaveLength(plan.daysPerWeek);
    }
  }
  const phaseOrder = plan.phases.map((span) => span.phase);
  expect(phaseOrder.at(-1)).toBe('taper');
  const longSprint = plan.event === '200m' || plan.event === '400m';
  for (const week of plan.schedule) {
    const special = week.sessions.filter((session) => session.type === 'special_endurance');
    if (!longSprint) expect(special).toHaveLength(0);
    if (longSprint && (week.phase === 'specific_preparation' || week.phase === 'competition')) {
      expect(special.length).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('generatePlan properties', () => {
  it.each(sprintEvents)(
    'a 12-week %s plan keeps 48 h between high days and tapers to 40–60 percent',
    (event) => {
      fc.assert(
        fc.property(requests(fc.constant(12)), (request) => {
          const plan = planFor({ ...request, event });
          checkSpacing(plan);
          checkTaper(plan);
          checkStructure(plan);
        }),
        { numRuns: 150, seed: 20_260_601 },
      );
    },
  );

  it('holds for any plan length from 1 to 52 weeks', () => {
    fc.assert(
      fc.property(requests(fc.integer({ min: 1, max: 52 })), (request) => {
        const plan = planFor(request);
        checkSpacing(plan);
        checkTaper(plan);
        checkStructure(plan);
      }),
      { numRuns: 150, seed: 52 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(requests(fc.integer({ min: 1, max: 20 })), (request) => {
        expect(planFor(request)).toEqual(planFor(request));
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
