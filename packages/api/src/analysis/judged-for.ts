import { type ExperienceLevel, experienceLevels, type SprintEvent, sprintEvents } from '@aria/core';
import { findAthlete, listTrainingPlans } from '@aria/db';
import type { ApiDeps } from '../context.js';

export interface JudgedFor {
  readonly event: SprintEvent | null;
  readonly experienceLevel: ExperienceLevel | null;
}

const isEvent = (value: unknown): value is SprintEvent =>
  sprintEvents.some((event) => event === value);
const isLevel = (value: unknown): value is ExperienceLevel =>
  experienceLevels.some((level) => level === value);

/**
 * The event and level a sprint is judged for: as the caller gave them, else the first sprint
 * event of the athlete's profile and the level of their latest plan (its event too, when the
 * profile names none). Null where nothing says.
 */
export async function judgedFor(
  deps: Pick<ApiDeps, 'db'>,
  athleteId: string,
  given: {
    readonly event?: SprintEvent | undefined;
    readonly experienceLevel?: ExperienceLevel | undefined;
  },
): Promise<JudgedFor> {
  if (given.event && given.experienceLevel) {
    return { event: given.event, experienceLevel: given.experienceLevel };
  }
  const [athlete, [plan]] = await Promise.all([
    findAthlete(deps.db, athleteId),
    listTrainingPlans(deps.db, athleteId, { limit: 1, offset: 0 }),
  ]);
  const planLevel = plan?.inputs.experienceLevel;
  const event =
    given.event ?? athlete?.eventFocus.find(isEvent) ?? (isEvent(plan?.event) ? plan.event : null);
  return {
    event: event ?? null,
    experienceLevel: given.experienceLevel ?? (isLevel(planLevel) ? planLevel : null),
  };
}
