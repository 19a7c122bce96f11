import type { TrackLitContextSkipReason } from '@aria/core';
import { trackLitContextFixture } from '@aria/core/coach-testing';
import { subscriptions } from '@aria/db';
import { describeOnDriver } from '@aria/db/testing';
import {
  createAiProvider,
  createTrackLitContextClient,
  type TrackLitContextClientOptions,
} from '@aria/integrations';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
} from '@aria/integrations/ai-testing';
import {
  type FakeTrackLit,
  refusedUrl,
  startFakeTrackLit,
} from '@aria/integrations/tracklit-testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiMetrics } from '../logger.js';
import { testConfig, testInternalApiKey } from '../testing/auth.js';
import { routerTestKit } from '../testing/router-kit.js';

// askEnhanced and plans.generate read the athlete's context from TrackLit (a local fake of
// its endpoint); TrackLit failing in any way never fails the call.

const trackLit: FakeTrackLit = await startFakeTrackLit({ apiKey: testInternalApiKey });
const openai: ChatCompletionsServer = await startChatCompletionsServer();
afterAll(() => Promise.all([trackLit.close(), openai.close()]));

// Short for the slow-TrackLit case only: on a loaded machine a healthy answer can take longer.
const slowCaseTimeoutMs = 300;
let breakerMs = 0;

function trackLitClient(changes: Partial<TrackLitContextClientOptions> = {}) {
  return createTrackLitContextClient({
    baseUrl: trackLit.url,
    apiKey: testInternalApiKey,
    timeoutMs: 5_000,
    cacheTtlMs: 60_000,
    breakerFailures: 2,
    breakerCooldownMs: 10_000,
    now: () => breakerMs,
    ...changes,
  });
}

function countingMetrics() {
  const skipped: TrackLitContextSkipReason[] = [];
  const metrics: ApiMetrics = {
    quotaRefundFailed: () => undefined,
    rateLimitDegraded: () => undefined,
    trackLitContextSkipped: (reason) => skipped.push(reason),
  };
  return { metrics, skipped };
}

const question = 'How should I train this week?';

beforeEach(() => {
  trackLit.answer({ kind: 'normal' });
  trackLit.requests.length = 0;
  openai.reset();
  breakerMs = 0;
});

describeOnDriver('pglite', 'askEnhanced with the TrackLit context', (suite) => {
  const star = async (kit: ReturnType<typeof routerTestKit>, id: string) => {
    const caller = await kit.asUser(id);
    await caller.athletes.get();
    await suite.db
      .update(subscriptions)
      .set({ tier: 'star' })
      .where(eq(subscriptions.athleteId, id));
    trackLit.setContext(id, trackLitContextFixture);
    return caller;
  };
  const withOpenAi = createAiProvider(
    testConfig({
      OPENAI_API_KEY: openai.apiKey,
      OPENAI_BASE_URL: openai.baseUrl,
      AI_MAX_RETRIES: '0',
    }),
  );

  describe('through OpenAI', () => {
    const kit = routerTestKit(() => suite.db, {
      ai: withOpenAi,
      trackLitContext: trackLitClient(),
    });

    it('puts the context in the data message and its closed values in the system prompt', async () => {
      const api = await star(kit, 'tl-openai');
      const answer = await api.coaching.askEnhanced({ question });
      expect(answer.provider).toBe('openai');
      const [system, data] = openai.requests[0]?.body.messages ?? [];
      expect(String(data?.content)).toContain('"trackLitContext"');
      expect(String(data?.content)).toContain('Block starts 6 × 30 m');
      expect(String(data?.content)).toContain('Regional Open');
      expect(String(system?.content)).toContain('TrackLit lists an active injury for the athlete');
      expect(String(system?.content)).toContain('has a competition in 5 days');
      expect(String(system?.content)).not.toContain('left hamstring');
      // The active injury makes the safety policy add the referral the model left out.
      expect(answer.recommendation).toContain('See a doctor or physiotherapist');
      expect(trackLit.requests).toEqual([
        { path: '/api/athletes/tl-openai/context', apiKey: testInternalApiKey },
      ]);
    });

    it('reuses the cached context: a second question sends no second request', async () => {
      const api = await star(kit, 'tl-cached');
      await api.coaching.askEnhanced({ question });
      await api.coaching.askEnhanced({ question: 'And next week?' });
      expect(trackLit.requests).toHaveLength(1);
      expect(String(openai.requests[1]?.body.messages[1]?.content)).toContain('Regional Open');
    });

    it('leaves a plain ask without it', async () => {
      const api = await star(kit, 'tl-plain');
      await api.coaching.ask({ question });
      expect(trackLit.requests).toHaveLength(0);
      expect(String(openai.requests[0]?.body.messages[1]?.content)).not.toContain(
        'trackLitContext',
      );
    });
  });

  it('sends exactly the messages of before when TRACKLIT_API_URL is unset', async () => {
    const without = routerTestKit(() => suite.db, { ai: withOpenAi });
    const api = await star(without, 'tl-unset');
    await api.coaching.askEnhanced({ question });
    const messages = openai.requests[0]?.body.messages ?? [];
    expect(String(messages[1]?.content)).not.toContain('trackLitContext');
    expect(String(messages[0]?.content)).not.toMatch(/TrackLit (lists|calendar)/);
    expect(trackLit.requests).toHaveLength(0);
  });

  it('lets the built-in coach apply the injury rule for an injury reported in TrackLit', async () => {
    const kit = routerTestKit(() => suite.db, { trackLitContext: trackLitClient() });
    const api = await star(kit, 'tl-builtin');
    const answer = await api.coaching.askEnhanced({ question: 'How do I improve my block start?' });
    expect(answer.analysis).toContain('TrackLit lists an active injury for you');
    expect(answer.recommendation).toContain('See a doctor or physiotherapist');
  });

  describe('when TrackLit fails', () => {
    it.each([
      ['refused', 'unreachable'],
      ['slow', 'timeout'],
      ['500', 'http_error'],
      ['malformed', 'invalid_response'],
    ] as const)(
      'still answers when TrackLit is %s, logged and counted as %s',
      async (how, reason) => {
        const baseUrl = how === 'refused' ? await refusedUrl() : trackLit.url;
        if (how === 'slow') trackLit.answer({ kind: 'slow', delayMs: 5_000 });
        if (how === '500') trackLit.answer({ kind: 'status', status: 500 });
        if (how === 'malformed') trackLit.answer({ kind: 'malformed' });
        const { metrics, skipped } = countingMetrics();
        const kit = routerTestKit(() => suite.db, {
          trackLitContext: trackLitClient({
            baseUrl,
            ...(how === 'slow' ? { timeoutMs: slowCaseTimeoutMs } : {}),
          }),
          metrics,
        });
        const api = await star(kit, `tl-${how}`);
        const started = performance.now();
        const answer = await api.coaching.askEnhanced({
          question: 'How do I improve my block start?',
        });
        expect(performance.now() - started).toBeLessThan(slowCaseTimeoutMs + 4_000);
        expect(answer.analysis).toMatch(/^Acceleration is a horizontal-force/);
        expect(skipped).toEqual([reason]);
        expect(kit.logged).toContainEqual({
          level: 'warn',
          message: 'TrackLit context skipped: going on without it',
          fields: expect.objectContaining({ athleteId: `tl-${how}`, reason }),
        });
      },
    );

    it('stops asking once the circuit opens, and asks again after the cool-down', async () => {
      trackLit.answer({ kind: 'status', status: 503 });
      const { metrics, skipped } = countingMetrics();
      const source = trackLitClient({ cacheTtlMs: 0 });
      const kit = routerTestKit(() => suite.db, { trackLitContext: source, metrics });
      const api = await star(kit, 'tl-breaker');
      for (let i = 0; i < 4; i++) await api.coaching.askEnhanced({ question });
      expect(trackLit.requests).toHaveLength(2);
      expect(skipped).toEqual(['http_error', 'http_error', 'circuit_open', 'circuit_open']);
      expect(source.circuit).toBe('open');

      trackLit.answer({ kind: 'normal' });
      breakerMs += 10_000;
      const answer = await api.coaching.askEnhanced({
        question: 'How do I improve my block start?',
      });
      expect(answer.analysis).toContain('TrackLit lists an active injury for you');
      expect(source.circuit).toBe('closed');
      expect(trackLit.requests).toHaveLength(3);
    });
  });
});

describeOnDriver('pglite', 'plans.generate with the TrackLit context', (suite) => {
  const request = {
    event: '100m',
    experienceLevel: 'intermediate',
    daysPerWeek: 5,
    competitionDate: '2026-07-04',
    personalBest: 10.85,
  } as const;
  const planner = async (kit: ReturnType<typeof routerTestKit>, id: string) => {
    await kit.asService().athletes.create({ id });
    await suite.db
      .insert(subscriptions)
      .values({ athleteId: id, tier: 'pro' })
      .onConflictDoUpdate({
        target: subscriptions.athleteId,
        set: { tier: 'pro' },
      });
    trackLit.setContext(id, trackLitContextFixture);
    return kit.asUser(id);
  };

  it('adds the injury and the meets to the narrative; the plan itself is the same', async () => {
    const kit = routerTestKit(() => suite.db, { trackLitContext: trackLitClient() });
    const without = routerTestKit(() => suite.db);
    const withContext = await (await planner(kit, 'tl-planner')).plans.generate(request);
    const plain = await (await planner(without, 'tl-planner-plain')).plans.generate(request);
    expect(withContext.plan).toEqual(plain.plan);
    expect(withContext.narrative).toBe(
      `${plain.narrative} TrackLit lists an active injury (left hamstring strain, reported ` +
        '2026-05-28): see a doctor or physiotherapist and be cleared before any acceleration, ' +
        'speed, speed-endurance or race session of this plan; until then keep to pain-free work. ' +
        'The race on 2026-07-04 is National Championships (TrackLit). TrackLit lists an earlier ' +
        'meet: Regional Open on 2026-06-06. Race them as training races inside the plan and keep ' +
        'the day before each one easy.',
    );
  });

  it('generates the plan as before when TrackLit is down, and logs it', async () => {
    const { metrics, skipped } = countingMetrics();
    const kit = routerTestKit(() => suite.db, {
      trackLitContext: trackLitClient({ baseUrl: await refusedUrl() }),
      metrics,
    });
    const without = routerTestKit(() => suite.db);
    const plan = await (await planner(kit, 'tl-planner-down')).plans.generate(request);
    const plain = await (await planner(without, 'tl-planner-down-plain')).plans.generate(request);
    expect(plan.narrative).toBe(plain.narrative);
    expect(skipped).toEqual(['unreachable']);
    expect(kit.logged.map((line) => line.message)).toContain(
      'TrackLit context skipped: going on without it',
    );
  });
});
