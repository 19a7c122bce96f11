import { outboxEventTypes } from '@aria/db';
import { ariaEventTypes } from '@aria/webhooks';
import { expect, it } from 'vitest';

it('writes to the outbox exactly the event types the published payload types describe', () => {
  expect([...outboxEventTypes].sort()).toEqual([...ariaEventTypes].sort());
});
