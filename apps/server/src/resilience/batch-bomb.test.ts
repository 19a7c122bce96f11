import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asUser, createAthlete } from '../testing/rest.js';
import { expectSound } from './testing/leaks.js';

// One small request naming a thousand tRPC calls: answered (refused or not) quickly, without
// a 5xx or internals, and the server serves the next caller at once. The batch cap itself
// belongs to the tRPC transport; this only checks that a bomb cannot hurt.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createAthlete(t, 'batch-bomber');
});
afterAll(() => t.deps.close());

async function batch(calls: number, headers: Record<string, string>) {
  const paths = Array.from({ length: calls }, () => 'knowledge.list').join(',');
  const input = JSON.stringify(
    Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, {}])),
  );
  const startedAt = performance.now();
  const response = await t.app.request(
    `/trpc/${paths}?batch=1&input=${encodeURIComponent(input)}`,
    { headers },
  );
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - startedAt };
}

describe('batch bomb', () => {
  it.each([
    ['anonymous', async () => ({})],
    ['an athlete', async () => asUser(t, 'batch-bomber')],
  ])('from %s', async (_, headersOf) => {
    const answer = await batch(1_000, await headersOf());
    expectSound('batch of 1000', answer);
    expect(answer.ms).toBeLessThan(20_000);
    const next = await t.app.request('/health/live');
    expect(next.status).toBe(200);
  });
});
