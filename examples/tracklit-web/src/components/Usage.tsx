import { useUsage } from '../hooks.js';
import { Failure } from './Failure.js';

export function Usage() {
  const usage = useUsage();
  if (usage.error) return <Failure error={usage.error} />;
  if (!usage.data) return <p>Loading usage…</p>;
  const { tier, byKind } = usage.data;
  const limitOf = (limit: number) => (limit < 0 ? 'unlimited' : String(limit));
  return (
    <section>
      <h2>Usage</h2>
      <p data-testid="tier">Tier: {tier}</p>
      <ul data-testid="usage">
        <li>
          Questions: {byKind.ask.used} of {limitOf(byKind.ask.limit)}
        </li>
        <li>
          Plans: {byKind.generate_plan.used} of {limitOf(byKind.generate_plan.limit)}
        </li>
        <li>
          Readiness: {byKind.training_readiness.used} of {limitOf(byKind.training_readiness.limit)}
        </li>
      </ul>
    </section>
  );
}
