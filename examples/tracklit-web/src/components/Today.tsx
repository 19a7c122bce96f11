import { usePlans, useReadiness, useToday } from '../hooks.js';
import { Failure } from './Failure.js';

/** Today's session of the latest plan, and readiness with the factors behind its score. */
export function Today() {
  const plans = usePlans();
  const latest = plans.data?.items[0];
  const today = useToday(latest?.id);
  const readiness = useReadiness();
  return (
    <section>
      <h2>Today</h2>
      {today.data && (
        <p data-testid="today">
          {today.data.session
            ? `${today.data.session.title}${today.data.adapted ? ' (adapted to readiness)' : ''}`
            : 'No session planned today.'}
        </p>
      )}
      <Failure error={today.error} />
      <Failure error={readiness.error} />
      {readiness.data && (
        <div data-testid="readiness">
          <p>
            {readiness.data.score === null
              ? 'Readiness: not enough data yet'
              : `Readiness ${Math.round(readiness.data.score)}/100 (${readiness.data.band})`}
            : {readiness.data.summary}
          </p>
          <ul>
            {readiness.data.factors.map((factor) => (
              <li key={factor.key} data-testid="readiness-factor">
                {factor.label}: {factor.value ?? '–'} {factor.unit} ({factor.points}/
                {factor.maxPoints})
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
