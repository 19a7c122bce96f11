import { type PlanRequest, useGeneratePlan, usePlans } from '../hooks.js';
import { Failure } from './Failure.js';

const defaultRequest: PlanRequest = {
  event: '100m',
  experienceLevel: 'intermediate',
  daysPerWeek: 4,
  competitionDate: new Date(Date.now() + 10 * 7 * 86_400_000).toISOString().slice(0, 10),
};

/** Generate a plan and render its weeks; the plan list refreshes after generating. */
export function Plans() {
  const plans = usePlans();
  const generate = useGeneratePlan();
  const plan = generate.data;
  return (
    <section>
      <h2>Training plan</h2>
      <button
        type="button"
        disabled={generate.isPending}
        onClick={() => generate.mutate(defaultRequest)}
      >
        Generate a 100 m plan
      </button>
      <Failure error={generate.error} />
      <p data-testid="plan-count">{plans.data ? `${plans.data.items.length} plans` : ''}</p>
      {plan && (
        <div data-testid="plan" data-plan-id={plan.id}>
          <p>{plan.narrative}</p>
          {plan.plan.schedule.map((week) => (
            <details key={week.week} data-testid="plan-week">
              <summary>
                Week {week.week} · {week.phase.replaceAll('_', ' ')} · {week.volumeMetres} m
              </summary>
              <ul>
                {week.sessions.map((session) => (
                  <li key={session.date}>
                    {session.weekday}: {session.title}
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      )}
    </section>
  );
}
