import {
  addDays,
  dateRange,
  daysBetween,
  type IsoDate,
  isoWeekday,
  weekdayNames,
} from '../dates.js';
import { allocatePhases, phaseOfWeek } from './phases.js';
import { sessionVolumeCaps } from './prescription-tables.js';
import {
  competitionPrescription,
  type Prescription,
  prescribe,
  shortAccelerationsPrescription,
  stridesPrescription,
  targetSecondsPerRep,
} from './prescriptions.js';
import { cutVolume, deloadVolume, volumeMetres } from './taper.js';
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
/** No speed, speed endurance or special endurance this many days before a race. */
export const lastHardSessionDays = 5;
/** The last 48 h before a race hold only short accelerations, strides or rest. */
export const preRaceDays = 2;
/** A deload week after every three loading weeks (weeks 4, 8, 12, …). */
export const deloadEvery = 4;

/** Speed (max velocity) and the endurance runs, kept out of the last five days. */
const hardTypes: ReadonlySet<SessionType> = new Set([
  'max_velocity',
  'speed_endurance',
  'special_endurance',
]);

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

/**
 * One race-week day from the competition-phase session of its weekday: six days out it stands
 * at about half volume; from five days out speed and endurance runs give way to strides; in
 * the last 48 h a high day holds short accelerations, a low day strides, and the day before
 * is rest. No lifting in race week.
 */
function raceWeekDay(date: IsoDate, request: PlanRequest): PlannedSession {
  const { competitionDate } = request;
  const daysOut = daysBetween(date, competitionDate);
  if (daysOut === 0) {
    return toSession(date, 'competition', competitionPrescription(request.event), request);
  }
  if (daysOut === 1) {
    return restDay(date, request, 'Rest the day before racing (a short walk and mobility).');
  }
  const base = regularSession(date, 'competition', 0, request);
  if (base.type === 'rest') return base;
  if (base.type === 'strength') {
    return restDay(date, request, 'Race week: no lifting; mobility and an easy walk.');
  }
  if (daysOut <= preRaceDays) {
    return base.cns === 'high'
      ? toSession(date, 'acceleration', shortAccelerationsPrescription(), request)
      : toSession(date, 'strides', stridesPrescription(), request);
  }
  if (daysOut <= lastHardSessionDays && hardTypes.has(base.type)) {
    return toSession(date, 'strides', stridesPrescription(), request);
  }
  return cutVolume(base);
}

const isTraining = (session: PlannedSession) => session.type !== 'rest';

/**
 * The race counts as a training day: while race week holds more training days than the
 * athlete trains, the lowest-demand, earliest ones become rest.
 */
function fitRaceWeek(sessions: PlannedSession[], request: PlanRequest): PlannedSession[] {
  const rank = (session: PlannedSession) =>
    session.type === 'competition' ? 3 : session.cns === 'high' ? 2 : 1;
  const removable = sessions
    .filter((session) => isTraining(session) && session.type !== 'competition')
    .sort((a, b) => rank(a) - rank(b) || a.date.localeCompare(b.date));
  let excess = sessions.filter(isTraining).length - request.daysPerWeek;
  const dropped = new Set<IsoDate>();
  for (const session of removable) {
    if (excess <= 0) break;
    dropped.add(session.date);
    excess -= 1;
  }
  return sessions.map((session) =>
    dropped.has(session.date)
      ? restDay(session.date, request, 'Race week: the race counts as one of your training days.')
      : session,
  );
}

function planRules(request: PlanRequest): string[] {
  const longSprint = request.event === '200m' || request.event === '400m';
  const level = request.experienceLevel;
  return [
    'High–low: at least 48 h between high-CNS days (sprints, special endurance, racing).',
    'Near-maximal sprints rest about 1 minute per 10 m; tempo at 60–79% is a low day.',
    `Per session (${level}): speed endurance up to ${sessionVolumeCaps.speed_endurance[level]} m, special endurance up to ${sessionVolumeCaps.special_endurance[level]} m and once a week, extensive tempo up to ${sessionVolumeCaps.tempo[level]} m.`,
    'Strength is sets × reps at a % of one-repetition maximum, the same for every level.',
    `A deload week (about 60% of the volume, same intensity) every ${deloadEvery}th week.`,
    'Race week: the race counts as a training day; the last speed or endurance session is at least 6 days out at about half volume; the last 5 days hold no speed or special endurance, the last 48 h only short accelerations, strides or rest, and the day before is rest.',
    ...(longSprint ? [`${request.event}: special endurance leads the high days.`] : []),
    request.targets
      ? `Target times from the Dick 1987 estimators (${request.targets.basis}).`
      : (request.targetsNote ?? 'No personal best with an estimator: no target times.'),
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

/** Whether 1-based `week` of a plan is a deload week (never the race week). */
export function isDeloadWeek(week: number, weeks: number): boolean {
  return week < weeks && week % deloadEvery === 0;
}

/**
 * A periodized sprint plan whose last week ends on the competition date. Deterministic: the
 * same request always gives the same plan.
 */
export function generatePlan(request: PlanRequest): GeneratedPlan {
  validate(request);
  const startDate = addDays(request.competitionDate, -(7 * request.weeks - 1));
  const phases = allocatePhases(request.weeks);
  const schedule: PlanWeek[] = Array.from({ length: request.weeks }, (_, index) => {
    const week = index + 1;
    const { phase, weekInPhase } = phaseOfWeek(phases, week);
    const deload = isDeloadWeek(week, request.weeks);
    const dates = dateRange(addDays(startDate, index * 7), addDays(startDate, index * 7 + 6));
    const sessions =
      phase === 'taper'
        ? fitRaceWeek(
            dates.map((date) => raceWeekDay(date, request)),
            request,
          )
        : dates.map((date) => {
            if (!deload) return regularSession(date, phase, weekInPhase, request);
            // A deload lightens the week before it; it does not build on it.
            const session = regularSession(date, phase, Math.max(0, weekInPhase - 1), request);
            return isTraining(session) ? deloadVolume(session) : session;
          });
    return {
      week,
      phase,
      startDate: dates[0] ?? startDate,
      endDate: dates[6] ?? startDate,
      deload,
      volumeMetres: sessions
        .filter((session) => session.type !== 'competition')
        .reduce((sum, session) => sum + session.volumeMetres, 0),
      sessions,
    };
  });
  return {
    version: 2,
    event: request.event,
    experienceLevel: request.experienceLevel,
    daysPerWeek: request.daysPerWeek,
    competitionDate: request.competitionDate,
    startDate,
    weeks: request.weeks,
    phases,
    targets: request.targets,
    targetsNote: request.targetsNote ?? null,
    schedule,
    rules: planRules(request),
  };
}
