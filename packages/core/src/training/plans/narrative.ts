import { doseText } from './prescriptions.js';
import type { GeneratedPlan, PlannedSession, PlanPhase, PlanWeek, SessionType } from './types.js';

const phaseNames: Record<PlanPhase, string> = {
  general_preparation: 'general preparation',
  specific_preparation: 'specific preparation',
  competition: 'competition',
  taper: 'race week',
};

/** How the narrative names each session type; nothing else in it names a session. */
export const sessionTypeNames: Readonly<Record<SessionType, string>> = {
  acceleration: 'acceleration',
  max_velocity: 'maximal velocity (flies)',
  speed_endurance: 'speed endurance',
  special_endurance: 'special endurance',
  tempo: 'extensive tempo',
  strength: 'strength',
  strides: 'strides',
  rest: 'rest',
  competition: 'the race',
};

const trainingOf = (weeks: readonly PlanWeek[]) =>
  weeks.flatMap((week) => week.sessions).filter((session) => session.type !== 'rest');

/** Session types in order of first appearance, each with its largest dose. */
function typesIn(sessions: readonly PlannedSession[]): string {
  const seen = new Map<SessionType, PlannedSession>();
  for (const session of sessions) {
    const known = seen.get(session.type);
    if (!known || session.volumeMetres > known.volumeMetres) seen.set(session.type, session);
  }
  return [...seen.values()]
    .map((session) =>
      session.type === 'competition'
        ? sessionTypeNames.competition
        : `${sessionTypeNames[session.type]} (up to ${doseText(session)})`,
    )
    .join(', ');
}

function weeksText(from: number, to: number): string {
  return from === to ? `week ${from}` : `weeks ${from}–${to}`;
}

function raceWeekText(week: PlanWeek): string {
  const days = week.sessions.map((session) =>
    session.type === 'rest'
      ? `${session.weekday} rest`
      : session.type === 'competition'
        ? `${session.weekday} the race`
        : `${session.weekday} ${sessionTypeNames[session.type]} (${doseText(session)})`,
  );
  return `race week: ${days.join(', ')}`;
}

/**
 * A plain-words summary written from the scheduled sessions: each phase names only the
 * session types it holds, with their largest dose; then deload weeks, race week day by day,
 * and the targets (or why there are none).
 */
export function describePlan(plan: GeneratedPlan): string {
  const phases = plan.phases
    .filter((span) => span.phase !== 'taper')
    .map((span) => {
      const weeks = plan.schedule.filter(
        (week) => week.week >= span.fromWeek && week.week <= span.toWeek,
      );
      return `${weeksText(span.fromWeek, span.toWeek)}, ${phaseNames[span.phase]}: ${typesIn(trainingOf(weeks))}`;
    });
  const raceWeek = plan.schedule.at(-1);
  const deloads = plan.schedule.filter((week) => week.deload).map((week) => week.week);
  const deloadText =
    deloads.length === 0
      ? ''
      : ` Deload ${deloads.length === 1 ? 'week' : 'weeks'} ${deloads.join(', ')}: about 60% of the volume at the same intensity.`;
  const targets = plan.targets
    ? ` Targets from your ${plan.targets.basis}: 30 m ${plan.targets.thirtyMetres} s and 60 m ${plan.targets.sixtyMetres} s hand-timed, 100 m ${plan.targets.hundredMetres} s, 200 m ${plan.targets.twoHundredMetres} s.`
    : '';
  const note = plan.targetsNote ? ` ${plan.targetsNote}` : '';
  const parts = [...phases, ...(raceWeek ? [raceWeekText(raceWeek)] : [])].join('; ');
  return (
    `${plan.weeks}-week ${plan.event} plan for an ${plan.experienceLevel} sprinter, ` +
    `${plan.daysPerWeek} days a week including the race, peaking on ${plan.competitionDate}. ` +
    `${parts}.${deloadText}${targets}${note}`
  ).replace(' an beginner', ' a beginner');
}
