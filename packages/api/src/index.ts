export { actingFor, resolveActingFor } from './access.js';
export {
  type AnalysisRunnerDeps,
  createAnalysisRunner,
} from './analysis/run-analysis.js';
export { type AuthenticatorOptions, createAuthenticator } from './auth/authenticator.js';
export { identifyOnce, type RequestIdentity, requireCaller } from './auth/identify-once.js';
export * from './auth/identity.js';
export { revokeToken, revokeUserTokensBefore } from './auth/revocation.js';
export type { ApiDeps, Context } from './context.js';
export { problemFromTrpcError, toTrpcError, zodIssues } from './errors.js';
export type { ApiMetrics, ProcedureLogger } from './logger.js';
export type { RateLimitDecision, RateLimiter, RateLimitRule } from './metering/types.js';
export * from './resilience/degradation.js';
export { failOpenRateLimiter } from './resilience/fail-open-rate-limiter.js';
export { type AppRouter, appRouter, type RouterInputs, type RouterOutputs } from './router.js';
export {
  handleStripeWebhook,
  type StripeWebhookResult,
} from './routers/billing/stripe-webhook.js';
export {
  handleTerraWebhook,
  type TerraWebhookResult,
} from './routers/wearables/terra-webhook.js';
export * from './schemas/admin.js';
export * from './schemas/analyses.js';
export * from './schemas/api-keys.js';
export * from './schemas/athletes.js';
export * from './schemas/billing.js';
export * from './schemas/coach.js';
export * from './schemas/coaching.js';
export * from './schemas/common.js';
export * from './schemas/knowledge.js';
export * from './schemas/plan-document.js';
export * from './schemas/plans.js';
export * from './schemas/primitives.js';
export * from './schemas/training.js';
export * from './schemas/wearables.js';
export {
  handleTrackLitWebhook,
  type TrackLitWebhookResult,
} from './tracklit/webhook.js';
export { createCallerFactory } from './trpc.js';
export type * from './views/analyses.js';
export type * from './views/billing.js';
export type * from './views/coaching.js';
export type * from './views/plans.js';
export type * from './views/training.js';
export type * from './views/wearables.js';
