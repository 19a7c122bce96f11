import { appRouter, createCallerFactory, type ProcedureLogger } from '@aria/api';
import { demoAthleteId, listTrainingPlans, seedDevelopmentData } from '@aria/db';
import type { ServerDeps } from '../deps.js';

const createCaller = createCallerFactory(appRouter);

function addWeeks(day: string, weeks: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7 * weeks);
  return date.toISOString().slice(0, 10);
}

export interface Demo {
  /** Whether this start inserted anything (first run, or a new day of history). */
  readonly seeded: boolean;
  /** The star demo athlete's latest plan, for `plans.today`. */
  readonly planId: string | undefined;
}

/**
 * Development data, kept current: the seeded athletes and their history (see
 * `seedDevelopmentData`), and a 100 m plan for the star athlete made through the real
 * `plans.generate` procedure, called as the service role, when the athlete has none.
 */
export async function prepareDemo(deps: ServerDeps, logger: ProcedureLogger): Promise<Demo> {
  const today = deps.now().toISOString().slice(0, 10);
  const seeded = await seedDevelopmentData(deps.db, { today });
  const [latest] = await listTrainingPlans(deps.db, demoAthleteId, { limit: 1, offset: 0 });
  if (latest) return { seeded, planId: latest.id };
  const api = createCaller({
    requestId: 'development-demo',
    deps,
    credentials: { apiKey: deps.config.auth.internalApiKey },
    resHeaders: new Headers(),
    logger,
  });
  const plan = await api.plans.generate({
    athleteId: demoAthleteId,
    event: '100m',
    experienceLevel: 'intermediate',
    daysPerWeek: 4,
    competitionDate: addWeeks(today, 10),
  });
  return { seeded: true, planId: plan.id };
}
