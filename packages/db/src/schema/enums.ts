import { pgEnum } from 'drizzle-orm/pg-core';

export const coachModeEnum = pgEnum('coach_mode', ['strict', 'supportive', 'friendly']);
export const subscriptionTierEnum = pgEnum('subscription_tier', ['free', 'pro', 'star']);
export const usageKindEnum = pgEnum('usage_kind', [
  'ask',
  'ask_media',
  'generate_plan',
  'training_readiness',
]);
export const messageRoleEnum = pgEnum('message_role', ['user', 'assistant', 'system']);
/** queued → running → completed | failed; a retry runs again from `running`. */
export const analysisStatusEnum = pgEnum('analysis_status', [
  'queued',
  'running',
  'completed',
  'failed',
]);

export type CoachMode = (typeof coachModeEnum.enumValues)[number];
export type SubscriptionTier = (typeof subscriptionTierEnum.enumValues)[number];
export type UsageKind = (typeof usageKindEnum.enumValues)[number];
export type MessageRole = (typeof messageRoleEnum.enumValues)[number];
export type AnalysisStatus = (typeof analysisStatusEnum.enumValues)[number];
