// For TrackLit's receiver of Aria's events: the payload types and verifyAriaWebhook.
export * from '@aria/webhooks';
export {
  type AriaClient,
  type AriaClientBaseOptions,
  type AriaClientOptions,
  type AriaEventSource,
  type AriaEventSourceInit,
  type AriaFetch,
  createAriaClient,
  type EventSourceFetch,
  type EventSourceFetchInit,
  transformer,
} from './client.js';
export type { AriaCredentials, HeadersSource, TokenSource } from './credentials.js';
export { type AriaClientError, type AriaProblemError, isAriaError, problemOf } from './errors.js';
export type {
  AppRouter,
  ErrorCode,
  Problem,
  ProblemIssue,
  RouterInputs,
  RouterOutputs,
} from './types.js';
