import { describe, expect, it } from 'vitest';
import { addDays } from '../training/dates.js';
import { summarizeCoachTraining } from './training-context.js';

// The coach reads its load figures from the same computation as readiness and plans: the
// whole training log, rolling and EWMA ACWR.

const session = (date: string, rpe: number, durationMinutes = 60) => ({
  date,
  rpe,
  durationMinutes,
});

describe('summarizeCoachTraining load figures', () => {
  it('gives the rolling and the EWMA ratio of the whole log', () => {
    // 21 days at 300 AU, then 7 days at 480 AU. Rolling: 480 / 300 = 1.6. EWMA, seeded with
    // the first week (300): (480 − 180·0.75⁷) / (480 − 180·(27/29)⁷) = 1.23.
    const sessions = Array.from({ length: 28 }, (_, day) =>
      session(addDays('2026-05-05', day), day < 21 ? 5 : 8),
    );
    const context = summarizeCoachTraining([], sessions, '2026-06-01');
    expect(context).toMatchObject({ acwr: 1.6, acwrEwma: 1.23, loadLast7Days: 7 * 480 });
  });

  it('has a ratio when day t−27 has no session but older ones exist', () => {
    // Sessions 40 to 32 and 22 to 12 days ago and in the last week; none on day t−27.
    const older = [
      ...Array.from({ length: 9 }, (_, day) => session(addDays('2026-04-22', day), 5)),
      ...Array.from({ length: 11 }, (_, day) => session(addDays('2026-05-10', day), 5)),
    ];
    const recent = Array.from({ length: 7 }, (_, day) => session(addDays('2026-05-26', day), 5));
    const context = summarizeCoachTraining([], [...older, ...recent], '2026-06-01');
    expect(context?.acwr).not.toBeNull();
    expect(context?.acwrEwma).not.toBeNull();
  });

  it('reads 1.0 on both methods for a constant load', () => {
    const sessions = Array.from({ length: 56 }, (_, day) => session(addDays('2026-04-07', day), 6));
    expect(summarizeCoachTraining([], sessions, '2026-06-01')).toMatchObject({
      acwr: 1,
      acwrEwma: 1,
    });
  });
});
