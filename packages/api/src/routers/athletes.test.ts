import { subscriptions } from '@aria/db';
import { describeEachDriver } from '@aria/db/testing';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';

describeEachDriver('athletes router', (suite) => {
  const kit = routerTestKit(() => suite.db);

  it('provisions an unknown athlete on its first call, with an empty profile', async () => {
    const athlete = await kit.asUser('first-call');
    expect(await athlete.athletes.get()).toMatchObject({
      id: 'first-call',
      name: null,
      eventFocus: [],
      personalBests: {},
      coachMode: 'supportive',
    });
  });

  it('lets an athlete update its own profile and refuses bad input', async () => {
    const athlete = await kit.asUser('self-editor');
    const updated = await athlete.athletes.update({
      name: 'Sam Sprint',
      personalBests: { '100m': 11.2 },
      coachMode: 'friendly',
    });
    expect(updated).toMatchObject({ name: 'Sam Sprint', coachMode: 'friendly' });
    expect((await athlete.athletes.get()).personalBests).toEqual({ '100m': 11.2 });
    await expect(athlete.athletes.update({ email: 'not-an-email' })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
  });

  it('keeps an IANA time zone, UTC until set, and refuses anything else', async () => {
    const athlete = await kit.asUser('zoned');
    expect((await athlete.athletes.get()).timeZone).toBe('UTC');
    expect(await athlete.athletes.update({ timeZone: 'america/los_angeles' })).toMatchObject({
      timeZone: 'America/Los_Angeles',
    });
    for (const timeZone of ['Mars/Olympus', '+02:00', 'EST', '', 'Europe/Berlin; drop']) {
      await expect(athlete.athletes.update({ timeZone })).rejects.toMatchObject(
        trpcFailure('BAD_REQUEST'),
      );
    }
    expect((await athlete.athletes.get()).timeZone).toBe('America/Los_Angeles');
  });

  it('never lets an athlete reach another athlete, existing or not', async () => {
    await (await kit.asUser('victim')).athletes.update({ name: 'Victim' });
    const intruder = await kit.asUser('intruder');
    for (const athleteId of ['victim', 'no-such-athlete']) {
      await expect(intruder.athletes.get({ athleteId })).rejects.toMatchObject(
        trpcFailure('NOT_FOUND'),
      );
      await expect(intruder.athletes.update({ athleteId, name: 'x' })).rejects.toMatchObject(
        trpcFailure('NOT_FOUND'),
      );
      await expect(intruder.athletes.export({ athleteId })).rejects.toMatchObject(
        trpcFailure('NOT_FOUND'),
      );
      await expect(intruder.athletes.delete({ athleteId })).rejects.toMatchObject(
        trpcFailure('NOT_FOUND'),
      );
    }
    expect((await kit.asService().athletes.get({ athleteId: 'victim' })).name).toBe('Victim');
  });

  it('lets the service create athletes, once, and act for any of them', async () => {
    const service = kit.asService();
    const created = await service.athletes.create({
      id: 'svc-made',
      name: 'Made',
      eventFocus: ['200m'],
    });
    expect(created).toMatchObject({ id: 'svc-made', name: 'Made', eventFocus: ['200m'] });
    await expect(service.athletes.create({ id: 'svc-made' })).rejects.toMatchObject(
      trpcFailure('CONFLICT'),
    );
    await expect(service.athletes.get()).rejects.toMatchObject(trpcFailure('BAD_REQUEST'));
    const athlete = await kit.asUser('plain-athlete');
    await expect(athlete.athletes.create({ id: 'sneaky' })).rejects.toMatchObject(
      trpcFailure('FORBIDDEN'),
    );
  });

  it('lets a linked coach read but not write, and an unlinked coach see nothing', async () => {
    const athlete = await kit.asUser('coached-one');
    await athlete.coach.link({ coachId: 'coach-reader' });
    const coach = await kit.asUser('coach-reader', 'coach');
    expect((await coach.athletes.get({ athleteId: 'coached-one' })).id).toBe('coached-one');
    await expect(
      coach.athletes.update({ athleteId: 'coached-one', name: 'x' }),
    ).rejects.toMatchObject(trpcFailure('FORBIDDEN'));
    const stranger = await kit.asUser('coach-stranger', 'coach');
    await expect(stranger.athletes.get({ athleteId: 'coached-one' })).rejects.toMatchObject(
      trpcFailure('NOT_FOUND'),
    );
  });

  it('records mood and exports every record', async () => {
    const athlete = await kit.asUser('exporter');
    const report = await athlete.athletes.reportMood({
      mood: 'sore',
      soreness: 7,
      note: 'hamstrings',
    });
    expect(report).toMatchObject({ athleteId: 'exporter', mood: 'sore', soreness: 7 });
    const exported = await athlete.athletes.export();
    expect(exported.athlete).toMatchObject({ id: 'exporter', mood: 'sore' });
    expect(exported.exportedAt).toBeInstanceOf(Date);
    expect(exported.records).toMatchObject({
      moodReports: [expect.objectContaining({ note: 'hamstrings' })],
      subscription: expect.objectContaining({ tier: 'free' }),
    });
  });

  it('erases an athlete fully; a later call starts from an empty profile', async () => {
    const athlete = await kit.asUser('eraser');
    await athlete.athletes.update({ name: 'Gone Soon' });
    expect(await athlete.athletes.delete()).toEqual({ id: 'eraser', erased: true });
    await expect(kit.asService().athletes.get({ athleteId: 'eraser' })).rejects.toMatchObject(
      trpcFailure('NOT_FOUND'),
    );
    expect((await athlete.athletes.get()).name).toBeNull();
  });

  it('keeps the monthly quota through self-erasure and re-provisioning', async () => {
    const athlete = await kit.asUser('quota-eraser');
    await athlete.coaching.ask({ question: 'How do I start from blocks?' });
    kit.clock.advance(61_000);
    await expect(athlete.coaching.ask({ question: 'And my arms?' })).rejects.toMatchObject(
      trpcFailure('PAYMENT_REQUIRED'),
    );
    expect(await athlete.athletes.delete()).toEqual({ id: 'quota-eraser', erased: true });
    kit.clock.advance(61_000);
    // The next call re-provisions the athlete on free: the month's ask is still used.
    await expect(athlete.coaching.ask({ question: 'And my arms?' })).rejects.toMatchObject(
      trpcFailure('PAYMENT_REQUIRED'),
    );
    expect((await athlete.billing.usage()).byKind).toMatchObject({ ask: { used: 1, limit: 1 } });
  });

  it('refuses to erase an athlete Stripe bills when no Stripe settings can cancel it', async () => {
    const athlete = await kit.asUser('stripe-billed');
    await athlete.athletes.get(); // provisions it
    await suite.db
      .update(subscriptions)
      .set({
        tier: 'pro',
        status: 'active',
        stripeCustomerId: 'cus_billed',
        stripeSubscriptionId: 'sub_billed',
      })
      .where(eq(subscriptions.athleteId, 'stripe-billed'));
    const refused = athlete.athletes.delete();
    await expect(refused).rejects.toMatchObject(trpcFailure('CONFLICT'));
    await expect(refused).rejects.toThrow(/cancel the subscription in Stripe/);
    expect(await athlete.athletes.get()).toMatchObject({ id: 'stripe-billed' });
  });

  it('refuses anonymous callers', async () => {
    await expect(kit.anonymous().athletes.get()).rejects.toMatchObject(trpcFailure('UNAUTHORIZED'));
  });
});
