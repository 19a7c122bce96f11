/** What Aria sends to TrackLit (`X-Aria-Signature`), one event per POST. */
export interface AriaEventEnvelope<Type extends string, Data> {
  /** Stable across redeliveries: deduplicate on it. */
  readonly id: string;
  readonly type: Type;
  /** ISO 8601, when the change happened. */
  readonly createdAt: string;
  readonly data: Data & { readonly athleteId: string };
}

export interface PlanGeneratedData {
  readonly planId: string;
  readonly event: string;
}

export interface ReadinessUpdatedData {
  /** `YYYY-MM-DD` days whose wearable metrics changed; readiness for them is worth re-reading. */
  readonly dates: readonly string[];
  readonly source: string;
}

export interface AnalysisCompletedData {
  readonly analysisId: string;
  readonly status: 'completed' | 'failed';
}

export interface SubscriptionChangedData {
  readonly tier: 'free' | 'pro' | 'star';
  readonly status: string;
  /** Who decided the change: Stripe, an operator or TrackLit itself. */
  readonly source: 'stripe' | 'direct' | 'tracklit';
}

export interface InsightCreatedData {
  readonly conversationId: string;
  readonly messageId: string;
}

export interface AriaEventDataByType {
  readonly 'plan.generated': PlanGeneratedData;
  readonly 'readiness.updated': ReadinessUpdatedData;
  readonly 'analysis.completed': AnalysisCompletedData;
  readonly 'subscription.changed': SubscriptionChangedData;
  readonly 'insight.created': InsightCreatedData;
}

export type AriaEventType = keyof AriaEventDataByType;

/** Any event Aria sends; narrow on `type`. */
export type AriaEvent = {
  [Type in AriaEventType]: AriaEventEnvelope<Type, AriaEventDataByType[Type]>;
}[AriaEventType];

export const ariaEventTypes: readonly AriaEventType[] = [
  'plan.generated',
  'readiness.updated',
  'analysis.completed',
  'subscription.changed',
  'insight.created',
];

/** What TrackLit sends to Aria (`X-TrackLit-Signature`). */
export interface TrackLitEventEnvelope {
  readonly id: string;
  readonly type: string;
  readonly createdAt: string;
  readonly data: { readonly userId: string } & Record<string, unknown>;
}
