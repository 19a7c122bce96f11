import { describeEachDriver } from '@aria/db/testing';
import { expect, it } from 'vitest';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';

describeEachDriver('coach router', (suite) => {
  const kit = routerTestKit(() => suite.db);

  it('lets an athlete grant and revoke a coach, and both sides list the link', async () => {
    const athlete = await kit.asUser('link-athlete');
    const link = await athlete.coach.link({ coachId: 'link-coach' });
    expect(link).toMatchObject({ coachId: 'link-coach', athleteId: 'link-athlete' });

    const coach = await kit.asUser('link-coach', 'coach');
    expect((await coach.coach.list()).athletes.map((row) => row.athleteId)).toEqual([
      'link-athlete',
    ]);
    expect((await athlete.coach.list()).coaches.map((row) => row.coachId)).toEqual(['link-coach']);

    await athlete.coach.unlink({ coachId: 'link-coach' });
    expect((await coach.coach.list()).athletes).toEqual([]);
    await expect(athlete.coach.unlink({ coachId: 'link-coach' })).rejects.toMatchObject(
      trpcFailure('NOT_FOUND'),
    );
  });

  it('never lets a coach link itself', async () => {
    await kit.asUser('target-athlete');
    const coach = await kit.asUser('pushy-coach', 'coach');
    await expect(
      coach.coach.link({ coachId: 'pushy-coach', athleteId: 'target-athlete' }),
    ).rejects.toMatchObject(trpcFailure('FORBIDDEN'));
  });

  it('lets a coach remove itself', async () => {
    await (await kit.asUser('leaving-athlete')).coach.link({ coachId: 'leaving-coach' });
    const coach = await kit.asUser('leaving-coach', 'coach');
    await coach.coach.unlink({ athleteId: 'leaving-athlete' });
    expect((await coach.coach.list()).athletes).toEqual([]);
  });

  it('lets the service link any existing athlete, and only existing ones', async () => {
    const service = kit.asService();
    await service.athletes.create({ id: 'svc-linked' });
    await service.coach.link({ coachId: 'svc-coach', athleteId: 'svc-linked' });
    expect((await service.coach.list({ coachId: 'svc-coach' })).athletes).toHaveLength(1);
    await expect(
      service.coach.link({ coachId: 'svc-coach', athleteId: 'ghost' }),
    ).rejects.toMatchObject(trpcFailure('NOT_FOUND'));
    await expect(service.coach.link({ coachId: 'svc-coach' })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
  });

  it('refuses an athlete linking for someone else or coaching itself', async () => {
    const athlete = await kit.asUser('selfish');
    await expect(athlete.coach.link({ coachId: 'c', athleteId: 'other' })).rejects.toMatchObject(
      trpcFailure('NOT_FOUND'),
    );
    await expect(athlete.coach.link({ coachId: 'selfish' })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
  });
});
