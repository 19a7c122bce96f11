import type { TrackLitContextSummary, TrackLitInjury } from '../../tracklit/context.js';
import type { GeneratedPlan } from './types.js';

function injuryText(injury: TrackLitInjury): string {
  return injury.reportedOn === null ? injury.area : `${injury.area}, reported ${injury.reportedOn}`;
}

function injuryNotes(summary: TrackLitContextSummary): string[] {
  const active = summary.openInjuries.filter((injury) => injury.status === 'active');
  const recovering = summary.openInjuries.filter((injury) => injury.status === 'recovering');
  const notes: string[] = [];
  if (active.length > 0) {
    notes.push(
      `TrackLit lists an active injury (${active.map(injuryText).join('; ')}): see a doctor or ` +
        'physiotherapist and be cleared before any acceleration, speed, speed-endurance or race ' +
        'session of this plan; until then keep to pain-free work.',
    );
  }
  if (recovering.length > 0) {
    notes.push(
      `TrackLit lists an injury you are recovering from (${recovering.map(injuryText).join('; ')}): ` +
        'build into the fast sessions gradually and stop any rep that hurts.',
    );
  }
  return notes;
}

function competitionNotes(
  summary: TrackLitContextSummary,
  plan: Pick<GeneratedPlan, 'startDate' | 'competitionDate'>,
): string[] {
  const target = summary.upcomingCompetitions.find((meet) => meet.date === plan.competitionDate);
  const earlier = summary.upcomingCompetitions.filter(
    (meet) => meet.date >= plan.startDate && meet.date < plan.competitionDate,
  );
  const notes: string[] = [];
  if (target) notes.push(`The race on ${plan.competitionDate} is ${target.name} (TrackLit).`);
  if (earlier.length > 0) {
    const meets = earlier.map((meet) => `${meet.name} on ${meet.date}`).join(', ');
    notes.push(
      `TrackLit lists ${earlier.length === 1 ? 'an earlier meet' : 'earlier meets'}: ${meets}. ` +
        'Race them as training races inside the plan and keep the day before each one easy.',
    );
  }
  return notes;
}

/**
 * What a new plan's narrative says about the athlete's TrackLit context: open injuries (an
 * active one needs clearing before the fast sessions) and the meets on their calendar within
 * the plan, up to its race. The plan itself is not changed: it stays the deterministic one.
 */
export function trackLitPlanNotes(
  summary: TrackLitContextSummary,
  plan: Pick<GeneratedPlan, 'startDate' | 'competitionDate'>,
): string[] {
  return [...injuryNotes(summary), ...competitionNotes(summary, plan)];
}
