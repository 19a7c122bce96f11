import { AppError } from '@aria/core';
import type { UnauthorizedReason } from './identity.js';

/** One fixed detail per reason: it says what failed, never which part of a secret was close. */
const details: Record<UnauthorizedReason, string> = {
  credentials_missing: 'Authentication is required.',
  credentials_ambiguous: 'Send either a bearer token or an API key, not both.',
  token_invalid: 'The bearer token is not valid.',
  token_expired: 'The bearer token has expired.',
  token_revoked: 'The bearer token has been revoked.',
  api_key_invalid: 'The API key is not valid.',
  api_key_expired: 'The API key has expired.',
  api_key_revoked: 'The API key has been revoked.',
};

/** The 401 of the contract, with its stable `reason`. */
export function unauthorized(reason: UnauthorizedReason): AppError {
  return new AppError('UNAUTHORIZED', details[reason], { reason });
}
