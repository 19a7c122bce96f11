import { isAriaError } from '@aria/client';
import { describeFailure } from '../errors.js';
import { Upgrade } from './Upgrade.js';

export function Failure({ error }: { readonly error: unknown }) {
  if (!error) return null;
  if (isAriaError(error, 'QUOTA_EXCEEDED')) return <Upgrade error={error} />;
  return (
    <p role="alert" data-testid="failure">
      {describeFailure(error)}
    </p>
  );
}
