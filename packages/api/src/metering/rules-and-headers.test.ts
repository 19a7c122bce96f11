import { describe, expect, it } from 'vitest';
import { rateLimitedUser } from './enforce-rate.js';
import { rateLimitHeaders, secondsUntil } from './rate-headers.js';
import { rateRulesFor } from './rate-rules.js';

describe('rateRulesFor', () => {
  it('reads per-minute limits, and per-hour ones where the tier table has them', () => {
    expect(rateRulesFor('free', 'ask')).toEqual([{ limit: 1, windowSeconds: 60 }]);
    expect(rateRulesFor('free', 'default')).toEqual([
      { limit: 10, windowSeconds: 60 },
      { limit: 50, windowSeconds: 3_600 },
    ]);
    expect(rateRulesFor('pro', 'ask')).toEqual([{ limit: 5, windowSeconds: 60 }]);
    expect(rateRulesFor('star', 'default')).toEqual([
      { limit: 50, windowSeconds: 60 },
      { limit: 200, windowSeconds: 3_600 },
    ]);
  });
});

describe('rateLimitHeaders', () => {
  it('gives the reset as whole seconds from now, rounded up, at least 1', () => {
    const decision = { success: true, limit: 10, remaining: 4, reset: 120_000 };
    expect(rateLimitHeaders(decision, 60_001)).toEqual({
      'X-RateLimit-Limit': '10',
      'X-RateLimit-Remaining': '4',
      'X-RateLimit-Reset': '60',
    });
    expect(secondsUntil(120_000, 119_999)).toBe(1);
    expect(secondsUntil(120_000, 120_500)).toBe(1);
    expect(secondsUntil(120_000, 60_000)).toBe(60);
  });
});

describe('rateLimitedUser', () => {
  it('exempts the service role and admins', () => {
    const user = { kind: 'user', via: 'jwt', scopes: ['read', 'write'], userId: 'u1' } as const;
    expect(rateLimitedUser({ ...user, role: 'athlete' })).toBe('u1');
    expect(rateLimitedUser({ ...user, role: 'coach' })).toBe('u1');
    expect(rateLimitedUser({ ...user, role: 'admin' })).toBeUndefined();
    expect(rateLimitedUser({ kind: 'service' })).toBeUndefined();
  });
});
