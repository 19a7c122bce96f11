import { limitEachInTurn } from '@aria/integrations';
import { describe, expect, it } from 'vitest';
import type { RateLimitDecision, RateLimiter } from '../metering/types.js';
import { createDegradation, type DegradedUse } from './degradation.js';
import { failOpenRateLimiter } from './fail-open-rate-limiter.js';

const rule = { limit: 10, windowSeconds: 60 };
const at = Date.UTC(2026, 5, 1, 12, 0, 30);

function limiterAnswering(answer: () => Promise<RateLimitDecision>): RateLimiter {
  return {
    limit: answer,
    limitEach: (_key, rules) => limitEachInTurn(() => answer(), rules),
    reset: async () => {},
  };
}

describe('failOpenRateLimiter', () => {
  const run = async (
    inner: RateLimiter,
    call: (limiter: RateLimiter) => Promise<RateLimitDecision> = (limiter) =>
      limiter.limit('k', rule),
  ) => {
    const degradation = createDegradation();
    const reported: DegradedUse[] = [];
    degradation.subscribe((use) => reported.push(use));
    const decision = await call(failOpenRateLimiter(inner, degradation, () => at));
    return { decision, reported };
  };
  const allowed = { success: true, limit: 10, remaining: 10, reset: Date.UTC(2026, 5, 1, 12, 1) };

  it('passes real decisions through, refusals included', async () => {
    const refusal = { success: false, limit: 10, remaining: 0, reset: at + 30_000 };
    expect(await run(limiterAnswering(async () => refusal))).toEqual({
      decision: refusal,
      reported: [],
    });
  });

  it('lets the call through and reports it when the store fails', async () => {
    const failing = limiterAnswering(async () => {
      throw new Error('fetch failed');
    });
    expect(await run(failing)).toEqual({ decision: allowed, reported: ['rate_limit'] });
  });

  it("treats @upstash/ratelimit's own timeout answer (limit 0) as a failure", async () => {
    const timedOut = limiterAnswering(async () => ({
      success: true,
      limit: 0,
      remaining: 0,
      reset: 0,
    }));
    expect(await run(timedOut)).toEqual({ decision: allowed, reported: ['rate_limit'] });
  });

  describe('limitEach', () => {
    const hour = { limit: 50, windowSeconds: 3_600 };
    const runEach = (inner: RateLimiter) =>
      run(inner, (limiter) => limiter.limitEach('k', [rule, hour]));

    it('passes a real refusal through', async () => {
      const refusal = { success: false, limit: 10, remaining: 0, reset: at + 30_000 };
      expect(await runEach(limiterAnswering(async () => refusal))).toEqual({
        decision: refusal,
        reported: [],
      });
    });

    it('lets the call through with the tightest window when the store fails or times out', async () => {
      const failing = limiterAnswering(async () => {
        throw new Error('fetch failed');
      });
      const timedOut = limiterAnswering(async () => ({
        success: true,
        limit: 0,
        remaining: 0,
        reset: 0,
        degraded: true,
      }));
      for (const inner of [failing, timedOut]) {
        expect(await runEach(inner)).toEqual({ decision: allowed, reported: ['rate_limit'] });
      }
    });
  });
});
