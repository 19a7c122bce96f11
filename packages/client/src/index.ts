// For TrackLit's receiver of Aria's events: the payload types and verifyAriaWebhook.
export * from '@aria/webhooks';
export {
  type AskCoachOptions,
  type AskCoachResult,
  type AskInput,
  type AskStreamEvent,
  askCoach,
  type CoachAnswer,
} from './ask.js';
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
export {
  type AriaClientError,
  type AriaProblemError,
  isAriaError,
  type ProblemMembers,
  type ProblemOf,
  problemOf,
} from './errors.js';
export {
  isStreamingUnsupported,
  StreamingUnsupportedError,
  streamingProcedures,
} from './streaming.js';
export type {
  AppRouter,
  ErrorCode,
  Problem,
  ProblemIssue,
  RouterInputs,
  RouterOutputs,
} from './types.js';
