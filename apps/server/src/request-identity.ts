import type { Identity } from '@aria/api';

/** How a caller is named in the request log: a user id, or `service`. */
export function userIdOf(identity: Identity): string {
  return identity.kind === 'service' ? 'service' : identity.userId;
}
