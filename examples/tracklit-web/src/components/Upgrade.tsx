import { isAriaError } from '@aria/client';

/** The paywall: shown for a 402, with the tier, usage and limit the problem carries. */
export function Upgrade({ error }: { readonly error: unknown }) {
  if (!isAriaError(error, 'QUOTA_EXCEEDED')) return null;
  const { tier, usage, limit } = error.data;
  return (
    <aside data-testid="upgrade" role="alert">
      <strong>Upgrade to keep going.</strong> Your {tier} plan includes {limit} of these a month and
      you have used {usage}. <a href="/billing">See plans</a>
    </aside>
  );
}
