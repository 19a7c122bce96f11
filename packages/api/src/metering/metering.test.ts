import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '@aria/config';
import { AppError, type ErrorCode } from '@aria/core';
import {
  consumeMonthlyQuota,
  findTier,
  type NewSubscription,
  provisionAthlete,
  subscriptions,
  usageFor,
} from '@aria/db';
import { describeOnDriver } from '@aria/db/testing';
import {
  createBuiltinProvider,
  createRateLimiter,
  createUpstashRateLimiter,
  createUpstashStore,
  type KeyValueStore,
  withKeyPrefix,
} from '@aria/integrations';
import { upstashBridgeSuite } from '@aria/integrations/testing';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import type { Authenticator, Identity } from '../auth/identity.js';
import type { ApiDeps, Context } from '../context.js';
import type { ApiMetrics } from '../logger.js';
import { authedProcedure } from '../procedures.js';
import { type LoggedLine, recordingLogger } from '../testing/recording-logger.js';
import { createCallerFactory, router } from '../trpc.js';
import { metered, monthlyQuota } from './middleware.js';
import type { RateLimiter } from './types.js';

// The metering chain end to end: tRPC procedures over real Postgres and the real
// redis-server (through the Upstash REST bridge, @upstash/ratelimit 2.0.8).

const testRouter = router({
  ask: authedProcedure
    .input(z.object({ q: z.string().min(1) }))
    .use(metered({ bucket: 'ask', quota: 'ask' }))
    .mutation(({ input }) => {
      if (input.q === 'fail') throw new AppError('AI_UNAVAILABLE', 'The model is down.');
      return { answer: input.q };
    }),
  ping: authedProcedure.use(metered({ bucket: 'default' })).query(() => 'pong'),
  /** Fails after its database went away: the refund cannot reach it either. */
  askAndLoseDatabase: authedProcedure
    .use(metered({ bucket: 'ask', quota: 'ask' }))
    .mutation(async () => {
      await lostDatabase?.close();
      throw new AppError('AI_UNAVAILABLE', 'The model is down.');
    }),
  /** Acts for a named athlete: puts `athleteId` in ctx before the quota, as the contract says. */
  askFor: authedProcedure
    .input(z.object({ athleteId: z.string().min(1) }))
    .use(({ input, next }) => next({ ctx: { athleteId: input.athleteId } }))
    .use(monthlyQuota('generate_plan'))
    .mutation(() => 'planned'),
});
const createCaller = createCallerFactory(testRouter);
let lostDatabase: { close(): Promise<void> } | undefined;
type Caller = ReturnType<typeof createCaller>;

/** Stands in for the real authenticator: `athlete:<id>`, `admin:<id>` or `service`. */
const authenticator: Authenticator = {
  async authenticate({ bearerToken }): Promise<Identity | null> {
    if (bearerToken === 'service') return { kind: 'service' };
    const [role, userId] = (bearerToken ?? '').split(':');
    if ((role !== 'athlete' && role !== 'admin') || !userId) return null;
    return { kind: 'user', userId, role, via: 'jwt', scopes: ['read', 'write'] };
  },
};

interface Outcome<T> {
  readonly ok: boolean;
  readonly value?: T;
  readonly code?: ErrorCode;
  readonly status?: number;
  readonly headers: Headers;
}

const services = upstashBridgeSuite();

/** Waits until at least `marginMs` remain in the current clock minute (rate windows align). */
async function awayFromMinuteEnd(marginMs = 8_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await sleep(left + 50);
}

const count = (outcomes: readonly Outcome<unknown>[], code?: ErrorCode) =>
  outcomes.filter((outcome) => (code === undefined ? outcome.ok : outcome.code === code)).length;

describeOnDriver('postgres', 'metering through tRPC', (suite) => {
  let deps: ApiDeps;
  let kv: KeyValueStore;
  let rateLimiter: RateLimiter;
  let logged: LoggedLine[] = [];
  const counted: Array<[keyof ApiMetrics, string]> = [];
  const metrics: ApiMetrics = {
    quotaRefundFailed: (kind) => counted.push(['quotaRefundFailed', kind]),
    rateLimitDegraded: (bucket) => counted.push(['rateLimitDegraded', bucket]),
    trackLitContextSkipped: (reason) => counted.push(['trackLitContextSkipped', reason]),
  };

  beforeAll(async () => {
    await services.setup();
    if (services.skipReason !== undefined) return;
    const bridge = services.current();
    const upstash = createUpstashStore(bridge, { retry: false });
    const prefix = `test:${randomUUID()}:`;
    kv = withKeyPrefix(upstash, prefix);
    rateLimiter = createRateLimiter(upstash, { prefix: `${prefix}ratelimit` });
    deps = {
      config: loadConfig({ NODE_ENV: 'test' }),
      db: suite.db,
      kv,
      authenticator,
      rateLimiter,
      ai: createBuiltinProvider(),
      now: () => new Date(),
      metrics,
    };
  });
  beforeEach(services.guard);
  beforeEach(() => {
    logged = [];
    counted.length = 0;
  });
  afterAll(async () => {
    await kv?.deleteByPrefix('');
    await services.teardown();
  });

  async function call<T>(
    token: string,
    run: (caller: Caller) => Promise<T>,
    using: ApiDeps = deps,
  ): Promise<Outcome<T>> {
    const logger = recordingLogger(logged);
    const ctx: Context = {
      requestId: randomUUID(),
      deps: using,
      credentials: { bearerToken: token },
      resHeaders: new Headers(),
      logger,
    };
    try {
      return { ok: true, value: await run(createCaller(ctx)), headers: ctx.resHeaders };
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const cause = error.cause instanceof AppError ? error.cause : undefined;
      return {
        ok: false,
        code: cause?.code ?? (error.code === 'BAD_REQUEST' ? 'BAD_REQUEST' : 'INTERNAL'),
        ...(cause ? { status: cause.status } : {}),
        headers: ctx.resHeaders,
      };
    }
  }
  const concurrently = <T>(times: number, token: string, run: (caller: Caller) => Promise<T>) =>
    Promise.all(Array.from({ length: times }, () => call(token, run)));

  async function newAthlete(subscription: Partial<NewSubscription> = {}): Promise<string> {
    const id = `athlete-${randomUUID()}`;
    await provisionAthlete(suite.db, { id });
    if (Object.keys(subscription).length > 0) {
      await suite.db
        .insert(subscriptions)
        .values({ ...subscription, athleteId: id })
        .onConflictDoUpdate({ target: subscriptions.athleteId, set: subscription });
    }
    return id;
  }
  const askUsage = async (athleteId: string) => {
    const { periodStart } = await findTier(suite.db, athleteId);
    return (await usageFor(suite.db, athleteId, periodStart)).ask;
  };

  it('lets a free athlete ask once of 50 concurrent asks; the rest get 429, or 402 once spent', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete();
    const outcomes = await concurrently(50, `athlete:${athleteId}`, (c) => c.ask({ q: 'hi' }));
    expect(count(outcomes)).toBe(1);
    expect(count(outcomes, 'RATE_LIMITED') + count(outcomes, 'QUOTA_EXCEEDED')).toBe(49);
    const passed = outcomes.find((outcome) => outcome.ok);
    expect(passed?.value).toEqual({ answer: 'hi' });
    expect(Object.fromEntries(passed?.headers ?? [])).toEqual({
      'x-subscription-tier': 'free',
      'x-monthly-usage': '1',
      'x-monthly-limit': '1',
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': expect.stringMatching(/^\d+$/),
    });
    const reset = Number(passed?.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(60);
    for (const refused of outcomes.filter((outcome) => outcome.code === 'QUOTA_EXCEEDED')) {
      // 402 only once the one answered ask had spent the quota.
      expect(refused.status).toBe(402);
      expect(refused.headers.get('x-monthly-usage')).toBe('1');
      expect(refused.headers.get('retry-after')).toBeNull();
    }
    expect(await askUsage(athleteId)).toBe(1);
    // The quota is spent: the next ask is 402 whatever the rate says.
    await sleep(0);
    const next = await call(`athlete:${athleteId}`, (c) => c.ask({ q: 'again' }));
    expect(next).toMatchObject({ ok: false, code: 'QUOTA_EXCEEDED', status: 402 });
    expect(next.headers.get('x-monthly-usage')).toBe('1');
    expect(next.headers.get('x-subscription-tier')).toBe('free');
  });

  it('lets 10 of 50 concurrent default calls through for a free athlete; 40 get 429', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete();
    const outcomes = await concurrently(50, `athlete:${athleteId}`, (c) => c.ping());

    expect(count(outcomes)).toBe(10);
    expect(count(outcomes, 'RATE_LIMITED')).toBe(40);
    const remaining = outcomes
      .filter((outcome) => outcome.ok)
      .map((outcome) => Number(outcome.headers.get('x-ratelimit-remaining')));
    expect(remaining.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const refused of outcomes.filter((outcome) => !outcome.ok)) {
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get('x-ratelimit-reset')).toBe(String(retryAfter));
      expect(refused.headers.get('x-ratelimit-limit')).toBe('10');
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(refused.headers.get('x-monthly-usage')).toBeNull();
    }
  });

  it('consumes neither quota nor rate for an input that fails validation', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete();
    const refused = await call(`athlete:${athleteId}`, (c) => c.ask({ q: '' }));
    expect(refused).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect([...refused.headers]).toEqual([]);
    expect(await askUsage(athleteId)).toBe(0);

    // A free athlete may ask once a minute and once a month: this ask is still the first.
    const asked = await call(`athlete:${athleteId}`, (c) => c.ask({ q: 'now valid' }));
    expect(asked.ok).toBe(true);
    expect(asked.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(asked.headers.get('x-monthly-usage')).toBe('1');
  });

  it('refunds the quota when the handler fails', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete();
    const failed = await call(`athlete:${athleteId}`, (c) => c.ask({ q: 'fail' }));
    expect(failed).toMatchObject({ ok: false, code: 'AI_UNAVAILABLE' });
    expect(failed.headers.get('x-monthly-usage')).toBe('0');
    expect(await askUsage(athleteId)).toBe(0);
  });

  it('gives a pro athlete 5 asks a minute and charges only the calls the rate lets through', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete({ tier: 'pro' });
    const outcomes = await concurrently(50, `athlete:${athleteId}`, (c) => c.ask({ q: 'hi' }));
    expect(count(outcomes)).toBe(5);
    // 10 of 15 remain afterwards: none of the refusals may claim the quota is spent.
    expect(count(outcomes, 'RATE_LIMITED')).toBe(45);
    expect(count(outcomes, 'QUOTA_EXCEEDED')).toBe(0);
    for (const passed of outcomes.filter((outcome) => outcome.ok)) {
      expect(passed.headers.get('x-subscription-tier')).toBe('pro');
      expect(passed.headers.get('x-monthly-limit')).toBe('15');
      expect(passed.headers.get('x-ratelimit-limit')).toBe('5');
    }
    expect(await askUsage(athleteId)).toBe(5);
  });

  it('lets exactly the remaining quota through and answers 402 only for calls it really lacks', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete({ tier: 'pro' });
    const { periodStart } = await findTier(suite.db, athleteId);
    for (let i = 0; i < 12; i += 1) {
      await consumeMonthlyQuota(suite.db, { athleteId, periodStart, kind: 'ask', limit: 15 });
    }
    const outcomes = await concurrently(50, `athlete:${athleteId}`, (c) => c.ask({ q: 'hi' }));
    expect(count(outcomes)).toBe(3);
    // At most 5 pass the rate; those finding no unit left, and any call that reads the
    // quota once it is spent, answer 402, and only then.
    expect(count(outcomes, 'QUOTA_EXCEEDED')).toBeGreaterThanOrEqual(2);
    expect(count(outcomes, 'RATE_LIMITED') + count(outcomes, 'QUOTA_EXCEEDED')).toBe(47);
    for (const refused of outcomes.filter((outcome) => outcome.code === 'QUOTA_EXCEEDED')) {
      expect(refused.headers.get('x-monthly-usage')).toBe('15');
    }
    expect(await askUsage(athleteId)).toBe(15);
  });

  it('writes nothing to PostgreSQL for a call the rate refuses', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete({ tier: 'pro' });
    const token = `athlete:${athleteId}`;
    for (let i = 0; i < 5; i += 1)
      expect((await call(token, (c) => c.ask({ q: 'hi' }))).ok).toBe(true);
    const versions = () =>
      suite.db.execute(sql`
        select 'monthly' as "table", xmin::text as version from monthly_usage where athlete_id = ${athleteId}
        union all
        select 'daily', xmin::text from daily_usage where athlete_id = ${athleteId}`);
    const before = JSON.stringify(await versions());
    expect(before).toMatch(/monthly.*daily/);
    const refused = await call(token, (c) => c.ask({ q: 'sixth this minute' }));
    expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED', status: 429 });
    // Neither counter row was written (a charge and a refund would leave new row versions).
    expect(JSON.stringify(await versions())).toBe(before);
    expect(await askUsage(athleteId)).toBe(5);
  });

  it('reads the tier once per metered call', async () => {
    await awayFromMinuteEnd();
    const tierReads: string[] = [];
    const handle = await suite.openDatabase({
      queryLogger: {
        logQuery(query) {
          if (/^select\b/i.test(query) && query.includes('"subscriptions"')) tierReads.push(query);
        },
      },
    });
    const using: ApiDeps = { ...deps, db: handle.db };
    const athleteId = `athlete-${randomUUID()}`;
    await provisionAthlete(handle.db, { id: athleteId });
    await handle.db.update(subscriptions).set({ tier: 'pro' });
    const token = `athlete:${athleteId}`;
    const asked = await call(token, (c) => c.ask({ q: 'hi' }), using);
    expect(asked.ok).toBe(true);
    expect(tierReads).toHaveLength(1);
    tierReads.length = 0;
    const pinged = await call(token, (c) => c.ping(), using);
    expect(pinged.ok).toBe(true);
    expect(tierReads).toHaveLength(1);
  });

  it('logs and counts a refund that fails, and still answers the original error', async () => {
    await awayFromMinuteEnd();
    const handle = await suite.openDatabase();
    const athleteId = `athlete-${randomUUID()}`;
    await provisionAthlete(handle.db, { id: athleteId });
    lostDatabase = handle;
    const failed = await call(`athlete:${athleteId}`, (c) => c.askAndLoseDatabase(), {
      ...deps,
      db: handle.db,
    });
    expect(failed).toMatchObject({ ok: false, code: 'AI_UNAVAILABLE' });
    expect(counted).toEqual([['quotaRefundFailed', 'ask']]);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({ athleteId, kind: 'ask', err: expect.any(Error) }),
      }),
    ]);
  });

  it('lets a call through without rate headers, logged and counted, when Redis does not answer', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const store = createUpstashStore(
        { url: `http://127.0.0.1:${port}`, token: 't' },
        { retry: false },
      );
      const slowLimiter = createUpstashRateLimiter(store.redis, { prefix: 'rl', timeoutMs: 50 });
      const athleteId = await newAthlete();
      const outcome = await call(`athlete:${athleteId}`, (c) => c.ping(), {
        ...deps,
        rateLimiter: slowLimiter,
      });
      expect(outcome.ok).toBe(true);
      expect(outcome.headers.get('x-ratelimit-limit')).toBeNull();
      expect(outcome.headers.get('x-ratelimit-remaining')).toBeNull();
      expect(counted).toEqual([['rateLimitDegraded', 'default']]);
      expect(logged).toEqual([
        expect.objectContaining({
          level: 'warn',
          fields: { bucket: 'default', userId: athleteId },
        }),
      ]);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('gives a pro athlete 15 asks a month', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete({ tier: 'pro' });
    const { periodStart } = await findTier(suite.db, athleteId);
    for (let i = 0; i < 14; i += 1) {
      await consumeMonthlyQuota(suite.db, { athleteId, periodStart, kind: 'ask', limit: 15 });
    }
    const last = await call(`athlete:${athleteId}`, (c) => c.ask({ q: 'fifteenth' }));
    expect(last.ok).toBe(true);
    expect(last.headers.get('x-monthly-usage')).toBe('15');

    const over = await call(`athlete:${athleteId}`, (c) => c.ask({ q: 'sixteenth' }));
    expect(over).toMatchObject({ ok: false, code: 'QUOTA_EXCEEDED', status: 402 });
    expect(over.headers.get('x-monthly-usage')).toBe('15');
    expect(over.headers.get('x-monthly-limit')).toBe('15');
    expect(over.headers.get('x-subscription-tier')).toBe('pro');
    // The quota is checked first: the rate (4 of 5 left) was not touched.
    expect(over.headers.get('x-ratelimit-remaining')).toBeNull();
    const next = await call(`athlete:${athleteId}`, (c) => c.ping());
    expect(next.headers.get('x-ratelimit-limit')).toBe('20');
  });

  it('gives a pro athlete 20 default calls a minute', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete({ tier: 'pro' });
    const outcomes = await concurrently(50, `athlete:${athleteId}`, (c) => c.ping());
    expect(count(outcomes)).toBe(20);
    expect(count(outcomes, 'RATE_LIMITED')).toBe(30);
  });

  it('gives a star athlete unlimited asks, 30 a minute, and counts only those answered', async () => {
    await awayFromMinuteEnd();
    const athleteId = await newAthlete({ tier: 'star' });
    const outcomes = await concurrently(50, `athlete:${athleteId}`, (c) => c.ask({ q: 'hi' }));
    expect(count(outcomes)).toBe(30);
    expect(count(outcomes, 'RATE_LIMITED')).toBe(20);
    expect(outcomes.find((outcome) => outcome.ok)?.headers.get('x-monthly-limit')).toBe('-1');
    expect(await askUsage(athleteId)).toBe(30);
  });

  it('does not rate limit the service role or admins', async () => {
    for (const token of ['service', `admin:admin-${randomUUID()}`]) {
      const outcomes = await concurrently(30, token, (c) => c.ping());
      expect(count(outcomes)).toBe(30);
      expect(outcomes.every((outcome) => outcome.headers.get('x-ratelimit-limit') === null)).toBe(
        true,
      );
    }
  });

  it('charges the athlete named in ctx.athleteId, not the caller', async () => {
    const athleteId = await newAthlete({ tier: 'pro' });
    const outcomes = await concurrently(5, 'service', (c) => c.askFor({ athleteId }));
    expect(count(outcomes)).toBe(3); // pro: 3 plans a month
    expect(count(outcomes, 'QUOTA_EXCEEDED')).toBe(2);
    const { periodStart } = await findTier(suite.db, athleteId);
    expect((await usageFor(suite.db, athleteId, periodStart)).generate_plan).toBe(3);

    const unknown = await call('service', (c) => c.askFor({ athleteId: 'no-such-athlete' }));
    expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
