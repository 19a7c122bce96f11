import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDriver } from '../testing/index.js';
import { provisionAthlete } from './athletes.js';
import {
  consumeMonthlyQuota,
  type QuotaKey,
  quotaStanding,
  refundMonthlyQuota,
  usageFor,
} from './usage.js';

const periodStart = '2026-05-01';

describeEachDriver('monthly quota queries', (suite) => {
  let athleteId: string;
  beforeEach(async () => {
    athleteId = `athlete-${randomUUID()}`;
    await provisionAthlete(suite.db, { id: athleteId });
  });
  const key = (kind: QuotaKey['kind'] = 'ask'): QuotaKey => ({ athleteId, periodStart, kind });
  const consumeConcurrently = (times: number, limit: number) =>
    Promise.all(
      Array.from({ length: times }, () => consumeMonthlyQuota(suite.db, { ...key(), limit })),
    );

  it('allows exactly one of 50 concurrent calls with a limit of 1', async () => {
    const outcomes = await consumeConcurrently(50, 1);
    expect(outcomes.filter((outcome) => outcome.allowed)).toEqual([{ allowed: true, used: 1 }]);
    expect(outcomes.filter((outcome) => !outcome.allowed)).toHaveLength(49);
    for (const refused of outcomes.filter((outcome) => !outcome.allowed)) {
      expect(refused.used).toBe(1);
    }
    expect((await usageFor(suite.db, athleteId, periodStart)).ask).toBe(1);
  });

  it('allows exactly 15 of 50 concurrent calls with a limit of 15', async () => {
    const outcomes = await consumeConcurrently(50, 15);
    const allowed = outcomes.filter((outcome) => outcome.allowed).map((outcome) => outcome.used);
    expect(allowed.sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect((await usageFor(suite.db, athleteId, periodStart)).ask).toBe(15);
  });

  it('refuses everything with a limit of 0 and still creates the counter', async () => {
    expect(await consumeMonthlyQuota(suite.db, { ...key('ask_media'), limit: 0 })).toEqual({
      allowed: false,
      used: 0,
    });
    expect(await usageFor(suite.db, athleteId, periodStart)).toEqual({
      ask: 0,
      ask_media: 0,
      generate_plan: 0,
      training_readiness: 0,
    });
  });

  it('always allows an unlimited quota (-1), and still counts every call', async () => {
    const outcomes = await consumeConcurrently(50, -1);
    expect(outcomes.every((outcome) => outcome.allowed)).toBe(true);
    expect(new Set(outcomes.map((outcome) => outcome.used)).size).toBe(50);
    expect((await usageFor(suite.db, athleteId, periodStart)).ask).toBe(50);
  });

  it('refunds one call at a time and never below 0', async () => {
    await consumeMonthlyQuota(suite.db, { ...key(), limit: 1 });
    expect(await consumeMonthlyQuota(suite.db, { ...key(), limit: 1 })).toEqual({
      allowed: false,
      used: 1,
    });
    expect(await refundMonthlyQuota(suite.db, key())).toBe(0);
    expect(await refundMonthlyQuota(suite.db, key())).toBe(0);
    expect(await refundMonthlyQuota(suite.db, key('generate_plan'))).toBe(0);
    expect(await consumeMonthlyQuota(suite.db, { ...key(), limit: 1 })).toEqual({
      allowed: true,
      used: 1,
    });
  });

  it('keeps kinds, periods and athletes apart', async () => {
    await consumeMonthlyQuota(suite.db, { ...key('ask'), limit: 5 });
    await consumeMonthlyQuota(suite.db, { ...key('generate_plan'), limit: 5 });
    await consumeMonthlyQuota(suite.db, { ...key('generate_plan'), limit: 5 });
    await consumeMonthlyQuota(suite.db, { ...key(), periodStart: '2026-06-01', limit: 5 });
    expect(await usageFor(suite.db, athleteId, periodStart)).toEqual({
      ask: 1,
      ask_media: 0,
      generate_plan: 2,
      training_readiness: 0,
    });
    expect((await usageFor(suite.db, athleteId, '2026-06-01')).ask).toBe(1);
    expect((await usageFor(suite.db, 'nobody', periodStart)).ask).toBe(0);
  });

  it('rejects limits that are neither ≥ 0 nor -1', async () => {
    for (const limit of [-2, 1.5, Number.NaN]) {
      await expect(consumeMonthlyQuota(suite.db, { ...key(), limit })).rejects.toThrow(RangeError);
    }
  });

  it('charges a subject once: repeats are free, a refund frees the subject again', async () => {
    const daily = { ...key('training_readiness'), subject: '2026-05-03', limit: 5 };
    const first = await Promise.all(
      Array.from({ length: 6 }, () => consumeMonthlyQuota(suite.db, daily)),
    );
    expect(first.every((outcome) => outcome.allowed)).toBe(true);
    expect(first.filter((outcome) => outcome.alreadyPaid === undefined)).toHaveLength(1);
    expect(await quotaStanding(suite.db, daily)).toEqual({ used: 1, alreadyPaid: true });
    await refundMonthlyQuota(suite.db, daily);
    expect(await quotaStanding(suite.db, daily)).toEqual({ used: 0, alreadyPaid: false });
    // A subject refused for a spent quota is not marked as paid.
    const spent = { ...daily, subject: '2026-05-04', limit: 0 };
    expect(await consumeMonthlyQuota(suite.db, spent)).toEqual({ allowed: false, used: 0 });
    expect((await quotaStanding(suite.db, spent)).alreadyPaid).toBe(false);
  });
});
