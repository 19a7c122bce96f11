import { consumeMonthlyQuota, findTier, utcDay } from '@aria/db';
import { describeOnDriver } from '@aria/db/testing';
import { expect, it } from 'vitest';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';

const appFailure = (code: string) => ({ name: 'TRPCError', cause: { code } });

describeOnDriver('pglite', 'billing router without Stripe', (suite) => {
  const kit = routerTestKit(() => suite.db);
  /** An athlete, provisioned by its first call. */
  const newAthlete = async (id: string) => {
    const athlete = await kit.asUser(id);
    await athlete.billing.subscription();
    return athlete;
  };

  it('billing.tiers is public and shows the tier table', async () => {
    const { tiers } = await kit.anonymous().billing.tiers();
    expect(
      tiers.map((tier) => [tier.tier, tier.priceUsd, tier.monthly.ask, tier.perMinute.ask]),
    ).toEqual([
      ['free', 0, 1, 1],
      ['pro', 4.99, 15, 5],
      ['star', 9.99, -1, 30],
    ]);
  });

  it('starts every athlete on free, with the calendar month as its quota period', async () => {
    const athlete = await kit.asUser('billing-new');
    expect(await athlete.billing.subscription()).toEqual({
      athleteId: 'billing-new',
      tier: 'free',
      status: 'active',
      managedBy: 'direct',
      currentPeriodStart: null,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      quotaPeriod: { start: '2026-06-01', resetsAt: new Date('2026-07-01T00:00:00.000Z') },
      usage: {
        ask: { used: 0, limit: 1, remaining: 1 },
        ask_media: { used: 0, limit: 0, remaining: 0 },
        generate_plan: { used: 0, limit: 0, remaining: 0 },
        training_readiness: { used: 0, limit: 0, remaining: 0 },
      },
    });
  });

  it('shows usage and remaining by kind, and this period by day', async () => {
    await newAthlete('billing-usage');
    await kit.asService().billing.setTier({ athleteId: 'billing-usage', tier: 'pro' });
    kit.clock.advance(2 * 86_400_000); // 2026-06-03
    const athlete = await kit.asUser('billing-usage');
    const { periodStart } = await findTier(suite.db, 'billing-usage', kit.clock.now());
    const consume = (kind: 'ask' | 'generate_plan', day: string) =>
      consumeMonthlyQuota(suite.db, {
        athleteId: 'billing-usage',
        periodStart,
        kind,
        day,
        limit: 15,
      });
    await consume('ask', '2026-06-01');
    await consume('ask', '2026-06-03');
    await consume('generate_plan', '2026-06-03');

    const subscription = await athlete.billing.subscription();
    expect(subscription.usage.ask).toEqual({ used: 2, limit: 15, remaining: 13 });
    expect(subscription.usage.generate_plan).toEqual({ used: 1, limit: 3, remaining: 2 });

    const usage = await athlete.billing.usage();
    expect(usage.quotaPeriod.start).toBe('2026-06-01');
    expect(usage.byKind.ask.used).toBe(2);
    expect(usage.byDay).toEqual([
      {
        date: '2026-06-01',
        calls: { ask: 1, ask_media: 0, generate_plan: 0, training_readiness: 0 },
      },
      {
        date: '2026-06-02',
        calls: { ask: 0, ask_media: 0, generate_plan: 0, training_readiness: 0 },
      },
      {
        date: '2026-06-03',
        calls: { ask: 1, ask_media: 0, generate_plan: 1, training_readiness: 0 },
      },
    ]);
    expect(usage.byDay.at(-1)?.date).toBe(utcDay(kit.clock.now()));
  });

  it('answers -1 for the unlimited kinds of star', async () => {
    await newAthlete('billing-star');
    const set = await kit.asService().billing.setTier({ athleteId: 'billing-star', tier: 'star' });
    expect(set.tier).toBe('star');
    expect(set.usage.ask).toEqual({ used: 0, limit: -1, remaining: -1 });
  });

  it('lets only admin and service set a tier, for an athlete that exists', async () => {
    const athlete = await newAthlete('billing-self');
    await expect(
      athlete.billing.setTier({ athleteId: 'billing-self', tier: 'star' }),
    ).rejects.toMatchObject(trpcFailure('FORBIDDEN'));
    const admin = await kit.asUser('billing-admin', 'admin');
    expect((await admin.billing.setTier({ athleteId: 'billing-self', tier: 'pro' })).tier).toBe(
      'pro',
    );
    await expect(
      admin.billing.setTier({ athleteId: 'nobody-here', tier: 'pro' }),
    ).rejects.toMatchObject(trpcFailure('NOT_FOUND'));
    await expect(
      admin.billing.setTier({ athleteId: 'billing-self', tier: 'platinum' as 'pro' }),
    ).rejects.toMatchObject(trpcFailure('BAD_REQUEST'));
  });

  it('answers NOT_CONFIGURED (503) for checkout, cancel and portal without Stripe', async () => {
    const athlete = await kit.asUser('billing-unconfigured');
    for (const call of [
      () => athlete.billing.checkout({ tier: 'pro' }),
      () => athlete.billing.cancel(),
      () => athlete.billing.portal(),
    ]) {
      await expect(call()).rejects.toMatchObject(appFailure('NOT_CONFIGURED'));
    }
    await expect(athlete.billing.checkout({ tier: 'pro' })).rejects.toMatchObject(
      trpcFailure('SERVICE_UNAVAILABLE'),
    );
  });

  it('lets a coach read a linked athlete, never change it', async () => {
    const athlete = await kit.asUser('billing-coached');
    await athlete.coach.link({ coachId: 'billing-coach' });
    const coach = await kit.asUser('billing-coach', 'coach');
    expect((await coach.billing.subscription({ athleteId: 'billing-coached' })).tier).toBe('free');
    await expect(
      coach.billing.checkout({ athleteId: 'billing-coached', tier: 'pro' }),
    ).rejects.toMatchObject(trpcFailure('FORBIDDEN'));
  });
});
