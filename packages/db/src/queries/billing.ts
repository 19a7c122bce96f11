import { and, asc, eq, or } from 'drizzle-orm';
import type { AriaDatabase, AriaTransaction } from '../client.js';
import { athletes } from '../schema/athletes.js';
import { dailyUsage, type Subscription, subscriptions } from '../schema/billing.js';
import type { SubscriptionTier, UsageKind } from '../schema/enums.js';
import { recordOutboxEvent } from './outbox.js';
import { thenForgetTierRow } from './tier-cache.js';
import { recordWebhookEvent } from './webhook-events.js';

/** What Stripe says about an athlete's subscription, as stored in `subscriptions`. */
export interface StripeSubscriptionState {
  /** The tier the subscription grants now (free once Stripe no longer counts it as live). */
  readonly tier: SubscriptionTier;
  readonly status: string;
  readonly stripeCustomerId: string;
  readonly stripeSubscriptionId: string;
  readonly stripePriceId: string | null;
  readonly currentPeriodStart: Date | null;
  readonly currentPeriodEnd: Date | null;
  readonly cancelAtPeriodEnd: boolean;
}

/**
 * What became of a webhook event: `applied`; `duplicate` (delivered before: nothing changes);
 * `stale` (older than the last event applied); `superseded` (a subscription that is over and
 * is not the athlete's current one); `unmatched` (no such athlete); `second_subscription` (a
 * live subscription while the athlete already has another live one: to cancel, and the event
 * id is not recorded, so a redelivery tries again). All but `duplicate` and
 * `second_subscription` record the event id, so a replay is a duplicate.
 */
export type StripeEventOutcome =
  | 'applied'
  | 'duplicate'
  | 'stale'
  | 'superseded'
  | 'unmatched'
  | 'second_subscription';

class SecondSubscription extends Error {}

export interface StripeEventEffect {
  readonly eventId: string;
  /** The event's `created`: a row that already applied a later event ignores it. */
  readonly created: Date;
  readonly athleteId: string;
  readonly state: StripeSubscriptionState;
}

/**
 * Applies a Stripe event's effect and records its id in one transaction, with the athlete's
 * subscription row locked: a replay finds the id and changes nothing, and of two deliveries
 * racing for one athlete the later `created` wins whichever commits first.
 */
export async function applyStripeEvent(
  db: AriaDatabase,
  effect: StripeEventEffect,
): Promise<StripeEventOutcome> {
  const { athleteId, state } = effect;
  const applied: Promise<StripeEventOutcome> = db
    .transaction(async (tx): Promise<StripeEventOutcome> => {
      if (!(await recordWebhookEvent(tx, 'stripe', effect.eventId))) return 'duplicate';
      const [athlete] = await tx
        .select({ id: athletes.id })
        .from(athletes)
        .where(eq(athletes.id, athleteId));
      if (!athlete) return 'unmatched';
      const row = await lockSubscriptionRow(tx, athleteId);
      const another = row?.stripeSubscriptionId !== state.stripeSubscriptionId;
      // Rolls back, event id included: the caller cancels it, then records the event.
      if (another && state.tier !== 'free' && hasLiveStripeSubscription(row)) {
        throw new SecondSubscription();
      }
      if (row?.lastEventAt && effect.created < row.lastEventAt) return 'stale';
      if (state.tier === 'free' && another) return 'superseded';
      await tx
        .update(subscriptions)
        .set({ ...state, lastEventAt: effect.created })
        .where(eq(subscriptions.athleteId, athleteId));
      if (row?.tier !== state.tier || row.status !== state.status) {
        await recordSubscriptionChanged(tx, athleteId, state, 'stripe');
      }
      return 'applied';
    })
    .catch((error: unknown) => {
      if (error instanceof SecondSubscription) return 'second_subscription';
      throw error;
    });
  return thenForgetTierRow(db, athleteId, applied);
}

/**
 * Runs `work` with the athlete's subscription row (created free if missing) locked until the
 * transaction ends: concurrent callers for one athlete take turns (e.g. checkouts, so only one
 * creates the Stripe customer). Keep `work` short; it holds a connection.
 */
export async function withSubscriptionLocked<T>(
  db: AriaDatabase,
  athleteId: string,
  work: (tx: AriaTransaction, row: Subscription) => Promise<T>,
): Promise<T> {
  return thenForgetTierRow(
    db,
    athleteId,
    db.transaction(async (tx) => work(tx, await lockSubscriptionRow(tx, athleteId))),
  );
}

/** The athlete's subscription row (created free if missing), locked until the transaction ends. */
async function lockSubscriptionRow(tx: AriaTransaction, athleteId: string): Promise<Subscription> {
  await tx.insert(subscriptions).values({ athleteId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.athleteId, athleteId))
    .for('update');
  if (!row) throw new Error(`no subscription row for athlete ${athleteId}`);
  return row;
}

/** Records the athlete's Stripe customer (inside withSubscriptionLocked). */
export async function saveStripeCustomer(
  db: AriaDatabase,
  athleteId: string,
  stripeCustomerId: string,
): Promise<void> {
  await db
    .update(subscriptions)
    .set({ stripeCustomerId })
    .where(eq(subscriptions.athleteId, athleteId));
}

/**
 * Stores what Stripe answered to a call Aria made (e.g. cancel at period end) when it concerns
 * the athlete's current subscription; `lastEventAt` is left alone (no event was applied).
 */
export async function saveStripeSubscription(
  db: AriaDatabase,
  athleteId: string,
  state: StripeSubscriptionState,
): Promise<Subscription | undefined> {
  const [row] = await thenForgetTierRow(
    db,
    athleteId,
    db
      .update(subscriptions)
      .set(state)
      .where(
        and(
          eq(subscriptions.athleteId, athleteId),
          eq(subscriptions.stripeSubscriptionId, state.stripeSubscriptionId),
        ),
      )
      .returning(),
  );
  return row;
}

export async function findSubscription(
  db: AriaDatabase,
  athleteId: string,
): Promise<Subscription | undefined> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.athleteId, athleteId));
  return row;
}

/** The athlete a Stripe subscription or customer belongs to, as recorded so far. */
export async function findAthleteIdByStripeIds(
  db: AriaDatabase,
  ids: { readonly subscriptionId?: string | undefined; readonly customerId?: string | undefined },
): Promise<string | undefined> {
  const conditions = [
    ids.subscriptionId ? eq(subscriptions.stripeSubscriptionId, ids.subscriptionId) : undefined,
    ids.customerId ? eq(subscriptions.stripeCustomerId, ids.customerId) : undefined,
  ].filter((condition) => condition !== undefined);
  if (conditions.length === 0) return undefined;
  const [row] = await db
    .select({ athleteId: subscriptions.athleteId })
    .from(subscriptions)
    .where(or(...conditions))
    .limit(1);
  return row?.athleteId;
}

/** Whether Stripe currently bills the athlete (its subscription grants a paid tier). */
export function hasLiveStripeSubscription(row: Subscription | undefined): boolean {
  return row?.stripeSubscriptionId != null && row.tier !== 'free';
}

/** Who changed a tier, as the `subscription.changed` event tells TrackLit. */
export type TierSource = 'stripe' | 'direct' | 'tracklit';

function recordSubscriptionChanged(
  db: AriaDatabase,
  athleteId: string,
  subscription: Pick<Subscription, 'tier' | 'status'>,
  source: TierSource,
) {
  return recordOutboxEvent(db, {
    type: 'subscription.changed',
    athleteId,
    data: { tier: subscription.tier, status: subscription.status, source },
  });
}

export type SetTierOutcome =
  | { readonly kind: 'set'; readonly subscription: Subscription }
  | { readonly kind: 'stripe_managed'; readonly subscription: Subscription };

/**
 * Sets a tier directly (support, TrackLit-managed billing, the embedded default): quotas then
 * follow the calendar month. Refused while Stripe bills the athlete, so the tier cannot drift
 * from Stripe; the Stripe customer is kept for a later checkout.
 */
export async function setTierDirectly(
  db: AriaDatabase,
  athleteId: string,
  tier: SubscriptionTier,
  source: Exclude<TierSource, 'stripe'> = 'direct',
): Promise<SetTierOutcome> {
  const outcome = db.transaction(async (tx): Promise<SetTierOutcome> => {
    await tx.insert(subscriptions).values({ athleteId }).onConflictDoNothing();
    const [current] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.athleteId, athleteId))
      .for('update');
    if (current && hasLiveStripeSubscription(current)) {
      return { kind: 'stripe_managed', subscription: current };
    }
    const [updated] = await tx
      .update(subscriptions)
      .set({
        tier,
        status: 'active',
        stripeSubscriptionId: null,
        stripePriceId: null,
        currentPeriodStart: null,
        currentPeriodEnd: null,
        cancelAtPeriodEnd: false,
      })
      .where(eq(subscriptions.athleteId, athleteId))
      .returning();
    if (!updated) throw new Error(`no subscription row for athlete ${athleteId}`);
    if (current?.tier !== updated.tier || current.status !== updated.status) {
      await recordSubscriptionChanged(tx, athleteId, updated, source);
    }
    return { kind: 'set', subscription: updated };
  });
  return thenForgetTierRow(db, athleteId, outcome);
}

export interface DailyUsageRow {
  /** `YYYY-MM-DD` (UTC). */
  readonly day: string;
  readonly kind: UsageKind;
  readonly used: number;
}

/** The period's metered calls by UTC day and kind, oldest day first; unused days are absent. */
export async function usageByDay(
  db: AriaDatabase,
  athleteId: string,
  periodStart: string,
): Promise<DailyUsageRow[]> {
  return db
    .select({ day: dailyUsage.day, kind: dailyUsage.kind, used: dailyUsage.used })
    .from(dailyUsage)
    .where(and(eq(dailyUsage.athleteId, athleteId), eq(dailyUsage.periodStart, periodStart)))
    .orderBy(asc(dailyUsage.day), asc(dailyUsage.kind));
}
