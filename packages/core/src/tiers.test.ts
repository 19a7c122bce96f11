import { describe, expect, it } from 'vitest';
import { calendarPeriodStart, monthlyLimit, tierTable, UNLIMITED } from './tiers.js';

describe('tier table (original Aria service)', () => {
  it('prices the tiers', () => {
    expect([tierTable.free.priceUsd, tierTable.pro.priceUsd, tierTable.star.priceUsd]).toEqual([
      0, 4.99, 9.99,
    ]);
  });

  it.each([
    ['free', [1, 0, 0, 0]],
    ['pro', [15, 2, 3, 5]],
    ['star', [UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED]],
  ] as const)('gives %s its monthly quotas', (tier, expected) => {
    const kinds = ['ask', 'ask_media', 'generate_plan', 'training_readiness'] as const;
    expect(kinds.map((kind) => monthlyLimit(tier, kind))).toEqual(expected);
  });

  it('gives each tier its rates', () => {
    expect(tierTable.free).toMatchObject({
      perMinute: { ask: 1, default: 10 },
      perHour: { default: 50 },
    });
    expect(tierTable.pro).toMatchObject({
      perMinute: { ask: 5, default: 20 },
      perHour: { default: 100 },
    });
    expect(tierTable.star).toMatchObject({
      perMinute: { ask: 30, default: 50 },
      perHour: { default: 200 },
    });
  });
});

describe('calendarPeriodStart', () => {
  it('is the first of the UTC month', () => {
    expect(calendarPeriodStart(new Date('2026-11-30T23:59:59Z'))).toBe('2026-11-01');
    expect(calendarPeriodStart(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});
