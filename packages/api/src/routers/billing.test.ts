import { describeOnDriver } from '@aria/db/testing';
import { expect, it } from 'vitest';
import { routerTestKit } from '../test-support.js';

describeOnDriver('pglite', 'billing.tiers', (suite) => {
  const kit = routerTestKit(() => suite.db);

  it('is public and shows the tier table', async () => {
    const { tiers } = await kit.anonymous().billing.tiers();
    expect(
      tiers.map((tier) => [tier.tier, tier.priceUsd, tier.monthly.ask, tier.perMinute.ask]),
    ).toEqual([
      ['free', 0, 1, 1],
      ['pro', 4.99, 15, 5],
      ['star', 9.99, -1, 30],
    ]);
  });
});
