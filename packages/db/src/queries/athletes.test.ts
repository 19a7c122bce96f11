import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { coachAthleteLinks, subscriptions } from '../schema/index.js';
import { describeEachDriver } from '../testing/index.js';
import {
  eraseAthlete,
  exportAthleteData,
  findAthlete,
  isCoachLinked,
  provisionAthlete,
  recordMoodReport,
  updateAthleteProfile,
} from './athletes.js';
import { usageByDay } from './billing.js';
import { linkCoach } from './coach-links.js';
import { consumeMonthlyQuota, quotaStanding, usageFor } from './usage.js';

describeEachDriver('athlete queries', (suite) => {
  it('provisions once, with a free subscription', async () => {
    const created = await provisionAthlete(suite.db, { id: 'ath-prov', name: 'Ada' });
    expect(created).toMatchObject({ id: 'ath-prov', name: 'Ada', coachMode: 'supportive' });
    expect(await provisionAthlete(suite.db, { id: 'ath-prov', name: 'Other' })).toBeUndefined();
    expect((await findAthlete(suite.db, 'ath-prov'))?.name).toBe('Ada');
    const [subscription] = await suite.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.athleteId, 'ath-prov'));
    expect(subscription?.tier).toBe('free');
  });

  it('updates the profile and its timestamp', async () => {
    const created = await provisionAthlete(suite.db, { id: 'ath-upd' });
    const updated = await updateAthleteProfile(suite.db, 'ath-upd', {
      personalBests: { '100m': 10.9 },
      coachMode: 'strict',
    });
    expect(updated).toMatchObject({ personalBests: { '100m': 10.9 }, coachMode: 'strict' });
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(created?.updatedAt.getTime() ?? 0);
    expect(await updateAthleteProfile(suite.db, 'nobody', { name: 'x' })).toBeUndefined();
  });

  it('records a mood report and sets the current mood together', async () => {
    await provisionAthlete(suite.db, { id: 'ath-mood' });
    const report = await recordMoodReport(suite.db, {
      athleteId: 'ath-mood',
      mood: 'tired',
      energy: 3,
    });
    expect(report).toMatchObject({ mood: 'tired', energy: 3, soreness: null });
    expect((await findAthlete(suite.db, 'ath-mood'))?.mood).toBe('tired');
  });

  it('exports everything stored about the athlete and nothing about others', async () => {
    await provisionAthlete(suite.db, { id: 'ath-exp', name: 'Exporter' });
    await provisionAthlete(suite.db, { id: 'ath-other' });
    await recordMoodReport(suite.db, { athleteId: 'ath-exp', mood: 'good' });
    await recordMoodReport(suite.db, { athleteId: 'ath-other', mood: 'sore' });
    await linkCoach(suite.db, { coachId: 'coach-1', athleteId: 'ath-exp', grantedBy: 'ath-exp' });
    const data = await exportAthleteData(suite.db, 'ath-exp');
    expect(data?.athlete.name).toBe('Exporter');
    expect(data?.subscription?.tier).toBe('free');
    expect(data?.moodReports.map((report) => report.mood)).toEqual(['good']);
    expect(data?.coachLinks.map((link) => link.coachId)).toEqual(['coach-1']);
    expect(await exportAthleteData(suite.db, 'nobody')).toBeUndefined();
  });

  it('erases the athlete, its children and the links where it coaches', async () => {
    await provisionAthlete(suite.db, { id: 'ath-erase' });
    await provisionAthlete(suite.db, { id: 'ath-coached' });
    await recordMoodReport(suite.db, { athleteId: 'ath-erase', mood: 'okay' });
    await linkCoach(suite.db, { coachId: 'ath-erase', athleteId: 'ath-coached', grantedBy: 'x' });
    expect(await eraseAthlete(suite.db, 'ath-erase')).toBe(true);
    expect(await findAthlete(suite.db, 'ath-erase')).toBeUndefined();
    expect(await isCoachLinked(suite.db, 'ath-erase', 'ath-coached')).toBe(false);
    const links = await suite.db
      .select()
      .from(coachAthleteLinks)
      .where(eq(coachAthleteLinks.coachId, 'ath-erase'));
    expect(links).toEqual([]);
    expect(await eraseAthlete(suite.db, 'ath-erase')).toBe(false);
  });

  it("keeps the month's usage through erasure and re-provisioning, and drops other periods", async () => {
    const at = new Date('2026-07-20T10:00:00Z');
    const id = 'ath-ledger';
    await provisionAthlete(suite.db, { id });
    const charge = (periodStart: string, subject?: string) =>
      consumeMonthlyQuota(suite.db, {
        athleteId: id,
        periodStart,
        kind: 'training_readiness',
        day: '2026-07-20',
        limit: -1,
        ...(subject ? { subject } : {}),
      });
    await charge('2026-07-01', '2026-07-20');
    await charge('2026-07-01');
    await charge('2026-06-01');
    expect(await eraseAthlete(suite.db, id, at)).toBe(true);
    await provisionAthlete(suite.db, { id });
    expect(await usageFor(suite.db, id, '2026-07-01')).toMatchObject({ training_readiness: 2 });
    expect(await usageFor(suite.db, id, '2026-06-01')).toMatchObject({ training_readiness: 0 });
    expect(await usageByDay(suite.db, id, '2026-07-01')).toEqual([
      { day: '2026-07-20', kind: 'training_readiness', used: 2 },
    ]);
    const key = { athleteId: id, periodStart: '2026-07-01', kind: 'training_readiness' } as const;
    expect(await quotaStanding(suite.db, { ...key, subject: '2026-07-20' })).toEqual({
      used: 2,
      alreadyPaid: true,
    });
  });
});
