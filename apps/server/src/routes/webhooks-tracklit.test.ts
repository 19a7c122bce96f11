import { testServices } from '@aria/config/testing';
import {
  applyStripeEvent,
  findAthlete,
  findSubscription,
  listParkedWebhooks,
  listTrainingSessions,
  outboxEvents,
} from '@aria/db';
import { createTestDatabase, type TestDatabase } from '@aria/db/testing';
import { signatureHeader } from '@aria/webhooks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { expectProblem } from '../testing/rest.js';

const secret = 'tracklit-webhook-test-secret';
const clock = 1_790_000_000;
const services = testServices();

for (const driver of ['pglite', 'postgres'] as const) {
  const unavailable = driver === 'postgres' && !services.databaseUrl && !services.required;
  describe.skipIf(unavailable)(`POST /webhooks/tracklit [${driver}]`, () => {
    let t: TestApp;
    let unconfigured: TestApp;
    let database: TestDatabase | undefined;
    let sequence = 0;

    beforeAll(async () => {
      database = driver === 'postgres' ? await createTestDatabase() : undefined;
      t = await createTestApp(
        { TRACKLIT_WEBHOOK_SECRET: secret, ...(database ? { DATABASE_URL: database.url } : {}) },
        { now: () => new Date(clock * 1000) },
      );
      unconfigured = await createTestApp();
    }, 60_000);
    afterAll(async () => {
      await Promise.all([t?.deps.close(), unconfigured?.deps.close()]);
      await database?.drop();
    }, 60_000);

    const event = (type: string, data: Record<string, unknown>, id = `evt_${++sequence}`) =>
      JSON.stringify({ id, type, createdAt: new Date(clock * 1000).toISOString(), data });

    const deliver = async (
      body: string,
      options: { signature?: string; app?: TestApp; signedAt?: number; key?: string } = {},
    ) => {
      const signature =
        options.signature ??
        (await signatureHeader(options.key ?? secret, body, options.signedAt ?? clock));
      return (options.app ?? t).app.request('/webhooks/tracklit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-TrackLit-Signature': signature },
        body,
      });
    };
    const outcomeOf = async (response: Response) => {
      expect(response.status).toBe(200);
      return ((await response.json()) as { outcome: string }).outcome;
    };

    it('user.updated creates or syncs the profile; a replay of an older delivery changes nothing', async () => {
      const first = event('user.updated', {
        userId: 'tl-ada',
        name: 'Ada',
        email: 'ada@example.com',
        birthDate: '1990-04-01',
        gender: 'female',
        events: ['100m', '200m'],
        personalBests: { '100m': 11.4 },
      });
      expect(await outcomeOf(await deliver(first))).toBe('applied');
      expect(
        await outcomeOf(await deliver(event('user.updated', { userId: 'tl-ada', name: 'Ada L.' }))),
      ).toBe('applied');
      // The first delivery again, freshly signed: already applied, so the newer name stays.
      expect(await outcomeOf(await deliver(first))).toBe('duplicate');
      expect(await findAthlete(t.deps.db, 'tl-ada')).toMatchObject({
        name: 'Ada L.',
        email: 'ada@example.com',
        birthDate: '1990-04-01',
        gender: 'female',
        eventFocus: ['100m', '200m'],
        personalBests: { '100m': 11.4 },
      });
    });

    it('refuses forged, tampered and stale deliveries, which change nothing', async () => {
      const body = event('user.updated', { userId: 'tl-forged', name: 'Mallory' });
      await expectProblem(await deliver(body, { key: 'not-the-secret' }), 400, 'BAD_REQUEST');
      const signature = await signatureHeader(secret, body, clock);
      await expectProblem(
        await deliver(body.replace('Mallory', 'Mallorz'), { signature }),
        400,
        'BAD_REQUEST',
      );
      await expectProblem(await deliver(body, { signedAt: clock - 301 }), 400, 'BAD_REQUEST');
      await expectProblem(await deliver(body, { signedAt: clock + 301 }), 400, 'BAD_REQUEST');
      await expectProblem(await deliver(body, { signature: 'v1=abc' }), 400, 'BAD_REQUEST');
      expect(await findAthlete(t.deps.db, 'tl-forged')).toBeUndefined();
      // Within the tolerance it goes through.
      expect(await outcomeOf(await deliver(body, { signedAt: clock - 299 }))).toBe('applied');
    });

    it('user.deleted erases the athlete; a replay is acknowledged and changes nothing', async () => {
      expect(
        await outcomeOf(await deliver(event('user.updated', { userId: 'tl-gone', name: 'G' }))),
      ).toBe('applied');
      const deletion = event('user.deleted', { userId: 'tl-gone' });
      expect(await outcomeOf(await deliver(deletion))).toBe('applied');
      expect(await findAthlete(t.deps.db, 'tl-gone')).toBeUndefined();
      expect(await outcomeOf(await deliver(deletion))).toBe('duplicate');
      expect(await outcomeOf(await deliver(event('user.deleted', { userId: 'tl-never' })))).toBe(
        'unmatched',
      );
    });

    it('training.completed logs one session per TrackLit session id', async () => {
      const session = {
        userId: 'tl-runner',
        sessionId: 'tls_1',
        date: '2026-11-30',
        type: 'speed',
      };
      expect(
        await outcomeOf(
          await deliver(event('training.completed', { ...session, durationMinutes: 60, rpe: 7 })),
        ),
      ).toBe('applied');
      // The same session again under a new delivery id (a correction): still one session.
      expect(
        await outcomeOf(
          await deliver(event('training.completed', { ...session, durationMinutes: 75, rpe: 8 })),
        ),
      ).toBe('applied');
      const sessions = await listTrainingSessions(t.deps.db, 'tl-runner', { to: '2026-12-31' });
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({
        durationMinutes: 75,
        rpe: 8,
        source: 'tracklit',
        externalId: 'tls_1',
      });
    });

    it('subscription.changed sets the tier when TrackLit bills, never over a live Stripe subscription', async () => {
      const change = (userId: string, tier: string, managedBy = 'tracklit') =>
        event('subscription.changed', { userId, tier, managedBy });
      expect(await outcomeOf(await deliver(change('tl-payer', 'pro')))).toBe('applied');
      expect((await findSubscription(t.deps.db, 'tl-payer'))?.tier).toBe('pro');
      const events = await t.deps.db
        .select()
        .from(outboxEvents)
        .where(eq(outboxEvents.athleteId, 'tl-payer'));
      expect(events.map((row) => row.payload)).toEqual([
        { tier: 'pro', status: 'active', source: 'tracklit' },
      ]);

      expect(await outcomeOf(await deliver(change('tl-payer', 'star', 'stripe')))).toBe('ignored');
      expect((await findSubscription(t.deps.db, 'tl-payer'))?.tier).toBe('pro');

      await applyStripeEvent(t.deps.db, {
        eventId: `evt_stripe_${driver}`,
        created: new Date(clock * 1000),
        athleteId: 'tl-payer',
        state: {
          tier: 'star',
          status: 'active',
          stripeCustomerId: 'cus_tl',
          stripeSubscriptionId: 'sub_tl',
          stripePriceId: 'price_star',
          currentPeriodStart: new Date(clock * 1000),
          currentPeriodEnd: null,
          cancelAtPeriodEnd: false,
        },
      });
      expect(await outcomeOf(await deliver(change('tl-payer', 'free')))).toBe('ignored');
      expect((await findSubscription(t.deps.db, 'tl-payer'))?.tier).toBe('star');
    });

    it('acknowledges unknown types, and parks content it cannot use instead of failing', async () => {
      expect(await outcomeOf(await deliver(event('user.poked', { userId: 'tl-x' })))).toBe(
        'ignored',
      );
      const unusable = [
        'not json at all',
        JSON.stringify({
          id: 'evt_no_user',
          type: 'user.updated',
          createdAt: '2026-12-01T00:00:00Z',
          data: {},
        }),
        event('training.completed', {
          userId: 'tl-x',
          sessionId: 's',
          date: '2026-13-45',
          type: 'speed',
        }),
        event('subscription.changed', { userId: 'tl-x', tier: 'platinum', managedBy: 'tracklit' }),
      ];
      for (const body of unusable) expect(await outcomeOf(await deliver(body))).toBe('parked');
      const parked = await listParkedWebhooks(t.deps.db, { limit: 10, offset: 0 });
      expect(parked.map((row) => row.body).sort()).toEqual([...unusable].sort());
      expect(await findAthlete(t.deps.db, 'tl-x')).toBeUndefined();
    });

    it('parks text PostgreSQL cannot store (NUL, lone surrogates, year 0) instead of failing', async () => {
      const unstorable = [
        event('user.updated', { userId: 'tl-nul', name: 'Ada\u0000' }),
        event('user.updated', { userId: 'tl-nul\u0000' }),
        event('training.completed', {
          userId: 'tl-nul',
          sessionId: 's\uD800',
          date: '2026-12-01',
          type: 'speed',
        }),
        event('training.completed', {
          userId: 'tl-nul',
          sessionId: 's',
          date: '0000-01-01',
          type: 'speed',
        }),
        'not json, with a NUL: \u0000',
      ];
      for (const body of unstorable) expect(await outcomeOf(await deliver(body))).toBe('parked');
      expect(await findAthlete(t.deps.db, 'tl-nul')).toBeUndefined();
    });

    it('answers 503 NOT_CONFIGURED without TRACKLIT_WEBHOOK_SECRET', async () => {
      const body = event('user.updated', { userId: 'tl-y' });
      await expectProblem(await deliver(body, { app: unconfigured }), 503, 'NOT_CONFIGURED');
    });
  });
}
