import { markOutboxEventFailed, recordOutboxEvent } from '@aria/db';
import { type AriaJobs, silentLogger, startJobs } from '@aria/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLifecycle } from '../lifecycle.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import {
  asService,
  asUser,
  createAthlete,
  expectJson,
  expectProblem,
  rest,
} from '../testing/rest.js';

let t: TestApp;
let jobs: AriaJobs;
let withJobs: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  jobs = await startJobs({
    config: t.config,
    database: t.deps.database,
    logger: silentLogger,
    runWorkers: false,
  });
  const lifecycle = createLifecycle();
  lifecycle.markStarted();
  const app = createApp({
    deps: { ...t.deps, jobs: jobs.engine },
    logger: createLogger(t.config),
    lifecycle,
  });
  withJobs = { ...t, app };
  await createAthlete(t, 'admin-target', 'Target');
}, 60_000);
afterAll(async () => {
  await jobs?.stop(2_000);
  await t?.deps.close();
}, 60_000);

const asAdmin = () => asUser(t, 'operator-1', 'admin');

async function parkedEvent(athleteId: string) {
  const row = await recordOutboxEvent(t.deps.db, {
    type: 'plan.generated',
    athleteId,
    data: { planId: 'p', event: '100m' },
  });
  await markOutboxEventFailed(t.deps.db, row.id, {
    error: 'receiver answered 500',
    retryInMs: 0,
    park: true,
  });
  return row.eventId;
}

describe('/v1/admin operator tools', () => {
  it('are for the admin role only', async () => {
    for (const headers of [
      await asUser(t, 'admin-target'),
      await asUser(t, 'c1', 'coach'),
      asService(t),
    ]) {
      await expectProblem(
        await rest(t, 'get', '/v1/admin/events/parked', { headers }),
        403,
        'FORBIDDEN',
      );
      await expectProblem(
        await rest(t, 'post', '/v1/admin/caches/clear', { headers }),
        403,
        'FORBIDDEN',
      );
    }
    await expectProblem(await rest(t, 'get', '/v1/admin/audit-log'), 401, 'UNAUTHORIZED');
  });

  it('lists parked events and replays one, once, with an audit entry', async () => {
    const eventId = await parkedEvent('admin-target');
    const headers = await asAdmin();
    const listed = (await expectJson(
      await rest(t, 'get', '/v1/admin/events/parked', { headers }),
      200,
    )) as {
      events: { eventId: string; lastError: string }[];
    };
    expect(listed.events).toContainEqual(
      expect.objectContaining({
        eventId,
        lastError: 'receiver answered 500',
        type: 'plan.generated',
      }),
    );
    await expectJson(await rest(t, 'post', `/v1/admin/events/${eventId}/replay`, { headers }), 200);
    await expectProblem(
      await rest(t, 'post', `/v1/admin/events/${eventId}/replay`, { headers }),
      404,
      'NOT_FOUND',
    );
    await expectProblem(
      await rest(t, 'post', '/v1/admin/events/not-a-uuid/replay', { headers }),
      400,
      'BAD_REQUEST',
    );
    const audit = (await expectJson(
      await rest(t, 'get', '/v1/admin/audit-log', { headers }),
      200,
    )) as {
      entries: { actorId: string; action: string; target: string }[];
    };
    expect(audit.entries.filter((entry) => entry.action === 'events.replay')).toEqual([
      expect.objectContaining({ actorId: 'operator-1', target: eventId }),
    ]);
  });

  it("resets an athlete's rate limits", async () => {
    const key = 'default:user:admin-target';
    const rule = { limit: 2, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) await t.deps.rateLimiter.limit(key, rule);
    expect((await t.deps.rateLimiter.limit(key, rule)).success).toBe(false);
    const headers = await asAdmin();
    await expectJson(
      await rest(t, 'post', '/v1/admin/athletes/admin-target/rate-limits/reset', { headers }),
      200,
    );
    expect((await t.deps.rateLimiter.limit(key, rule)).success).toBe(true);
  });

  it("revokes all of a user's tokens", async () => {
    const athlete = await asUser(t, 'admin-target');
    await expectJson(await rest(t, 'get', '/v1/athletes/admin-target', { headers: athlete }), 200);
    const headers = await asAdmin();
    await expectJson(
      await rest(t, 'post', '/v1/admin/users/admin-target/tokens/revoke', { headers }),
      200,
    );
    await expectProblem(
      await rest(t, 'get', '/v1/athletes/admin-target', { headers: athlete }),
      401,
      'UNAUTHORIZED',
    );
  });

  it('refuses a token id PostgreSQL could not store in the audit log, and keeps nothing', async () => {
    const headers = await asAdmin();
    const body = { userId: 'someone', jti: 'jti\u0000', expiresAt: new Date().toISOString() };
    await expectProblem(
      await rest(t, 'post', '/v1/admin/tokens/revoke', { headers, body }),
      400,
      'BAD_REQUEST',
    );
  });

  it('clears caches, revokes one token, and writes both to the audit log', async () => {
    const headers = await asAdmin();
    await expectJson(await rest(t, 'post', '/v1/admin/caches/clear', { headers }), 200);
    const body = {
      userId: 'someone',
      jti: 'jti-1',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    await expectJson(await rest(t, 'post', '/v1/admin/tokens/revoke', { headers, body }), 200);
    const audit = (await expectJson(
      await rest(t, 'get', '/v1/admin/audit-log', { headers }),
      200,
    )) as {
      entries: { action: string }[];
    };
    expect(audit.entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'caches.clear',
        'tokens.revoke',
        'tokens.revoke-all',
        'rate-limits.reset',
      ]),
    );
  });

  it('shows the queues and the outbox where a job engine runs, and 503 where none does', async () => {
    const headers = await asAdmin();
    const state = (await expectJson(
      await rest(withJobs, 'get', '/v1/admin/jobs', { headers }),
      200,
    )) as {
      queues: { name: string }[];
      outbox: { parked: number };
    };
    expect(state.queues.map((queue) => queue.name)).toEqual([
      'tracklit.deliver-events',
      'coaching.analyze-media',
    ]);
    expect(state.outbox.parked).toBeGreaterThanOrEqual(0);
    await expectProblem(
      await rest(
        withJobs,
        'post',
        '/v1/admin/jobs/dead/00000000-0000-4000-8000-000000000000/replay',
        { headers },
      ),
      404,
      'NOT_FOUND',
    );
    await expectProblem(await rest(t, 'get', '/v1/admin/jobs', { headers }), 503, 'NOT_CONFIGURED');
  });
});
