import type { GeneratedPlan, PlanPhase } from './types.js';

const phaseNames: Record<PlanPhase, string> = {
  general_preparation: 'general preparation (tempo and short accelerations)',
  specific_preparation: 'specific preparation (flies, speed and special endurance)',
  competition: 'competition (race-specific speed at full intensity)',
  taper: 'taper (race week at half volume, same intensity)',
};

/** A plain-words summary of a plan; deterministic, so the structure is the only source. */
export function describePlan(plan: GeneratedPlan): string {
  const phases = plan.phases
    .map((span) => {
      const weeks =
        span.fromWeek === span.toWeek
          ? `week ${span.fromWeek}`
          : `weeks ${span.fromWeek}–${span.toWeek}`;
      return `${weeks}: ${phaseNames[span.phase]}`;
    })
    .join('; ');
  const targets = plan.targets
    ? ` Targets from your ${plan.targets.basis}: 30 m ${plan.targets.thirtyMetres} s and 60 m ${plan.targets.sixtyMetres} s hand-timed, 100 m ${plan.targets.hundredMetres} s, 200 m ${plan.targets.twoHundredMetres} s.`
    : '';
  return (
    `${plan.weeks}-week ${plan.event} plan for an ${plan.experienceLevel} sprinter, ` +
    `${plan.daysPerWeek} days a week, peaking on ${plan.competitionDate}. ${phases}.${targets}`
  ).replace(' an beginner', ' a beginner');
}
