import { addDays, dateRange, type IsoDate, isoWeekday, weekdayNames } from '../dates.js';
import { allocatePhases, phaseOfWeek } from './phases.js';
import {
  competitionPrescription,
  type Prescription,
  prescribe,
  targetSecondsPerRep,
} from './prescriptions.js';
import { cutVolume, volumeMetres } from './taper.js';
import {
  cnsDemandOf,
  type GeneratedPlan,
  type PlannedSession,
  type PlanPhase,
  type PlanRequest,
  type PlanWeek,
  type SessionType,
} from './types.js';
import { weekTypes } from './week-pattern.js';

export const maximumPlanWeeks = 52;

function toSession(
  date: IsoDate,
  type: SessionType,
  prescription: Prescription,
  request: PlanRequest,
): PlannedSession {
  const { title, notes, ...dose } = prescription;
  return {
    date,
    weekday: weekdayNames[isoWeekday(date)] ?? '',
    type,
    cns: cnsDemandOf[type],
    title,
    ...dose,
    volumeMetres: volumeMetres(prescription),
    targetSecondsPerRep: targetSecondsPerRep(
      type,
      prescription.distanceMetres,
      prescription.intensityPercent,
      request.targets,
    ),
    notes,
  };
}

function regularSession(
  date: IsoDate,
  phase: Exclude<PlanPhase, 'taper'>,
  weekInPhase: number,
  request: PlanRequest,
): PlannedSession {
  const type = weekTypes(request.event, phase, request.daysPerWeek)[isoWeekday(date)] ?? 'rest';
  const context = { event: request.event, phase, level: request.experienceLevel, weekInPhase };
  return toSession(date, type, prescribe(type, context), request);
}

function restDay(date: IsoDate, request: PlanRequest, notes: string): PlannedSession {
  const rest = prescribe('rest', {
    event: request.event,
    phase: 'competition',
    level: request.experienceLevel,
    weekInPhase: 0,
  });
  return toSession(date, 'rest', { ...rest, notes }, request);
}

/** Race week: the competition-phase week at half volume, rest the day before, then the race. */
function raceWeekSession(date: IsoDate, request: PlanRequest): PlannedSession {
  const { competitionDate } = request;
  if (date === competitionDate) {
    return toSession(date, 'competition', competitionPrescription(request.event), request);
  }
  if (date === addDays(competitionDate, -1)) {
    return restDay(date, request, 'Rest the day before racing (a short walk and mobility).');
  }
  const base = regularSession(date, 'competition', 0, request);
  return base.type === 'rest' ? base : cutVolume(base);
}

function planRules(request: PlanRequest): string[] {
  const longSprint = request.event === '200m' || request.event === '400m';
  return [
    'High–low: at least 48 h between high-CNS days (sprints, special endurance, racing).',
    'Near-maximal sprints rest about 1 minute per 10 m; tempo at 60–79% is a low day.',
    'Race week: each session at 40–60% of its volume the week before, same intensity; rest the day before the race.',
    ...(longSprint ? [`${request.event}: special endurance leads the high days.`] : []),
    request.targets
      ? `Target times from the Dick 1987 estimators (${request.targets.basis}).`
      : 'No personal best with an estimator: no target times.',
  ];
}

function validate(request: PlanRequest): void {
  const { daysPerWeek, weeks } = request;
  if (!Number.isInteger(daysPerWeek) || daysPerWeek < 2 || daysPerWeek > 6) {
    throw new RangeError('daysPerWeek must be an integer from 2 to 6');
  }
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > maximumPlanWeeks) {
    throw new RangeError(`weeks must be an integer from 1 to ${maximumPlanWeeks}`);
  }
}

/**
 * A periodized sprint plan whose last week ends on the competition date. Deterministic: the
 * same request always gives the same plan.
 */
export function generatePlan(request: PlanRequest): GeneratedPlan {
  validate(request);
  const startDate = addDays(request.competitionDate, -(7 * request.weeks - 1));
  const phases = allocatePhases(request.weeks);
  const days = dateRange(startDate, request.competitionDate).map((date, index) => {
    const { phase, weekInPhase } = phaseOfWeek(phases, Math.floor(index / 7) + 1);
    return phase === 'taper'
      ? raceWeekSession(date, request)
      : regularSession(date, phase, weekInPhase, request);
  });
  const schedule: PlanWeek[] = phases.flatMap((span) =>
    Array.from({ length: span.toWeek - span.fromWeek + 1 }, (_, offset) => {
      const week = span.fromWeek + offset;
      const sessions = days.slice((week - 1) * 7, week * 7);
      return {
        week,
        phase: span.phase,
        startDate: addDays(startDate, (week - 1) * 7),
        endDate: addDays(startDate, week * 7 - 1),
        volumeMetres: sessions
          .filter((session) => session.type !== 'competition')
          .reduce((sum, session) => sum + session.volumeMetres, 0),
        sessions,
      };
    }),
  );
  return {
    version: 1,
    event: request.event,
    experienceLevel: request.experienceLevel,
    daysPerWeek: request.daysPerWeek,
    competitionDate: request.competitionDate,
    startDate,
    weeks: request.weeks,
    phases,
    targets: request.targets,
    schedule,
    rules: planRules(request),
  };
}
