import { trackLitContextFixture } from '@aria/core/coach-testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTrackLitContextClient,
  type TrackLitContextClientOptions,
} from './context-client.js';
import { type FakeTrackLit, refusedUrl, startFakeTrackLit } from './testing/index.js';

const apiKey = 'internal-key-for-the-tracklit-fake-0123456789';
const trackLit: FakeTrackLit = await startFakeTrackLit({ apiKey });
afterAll(() => trackLit.close());

let ms = 0;
const clock = {
  now: () => ms,
  advance: (by: number) => {
    ms += by;
  },
};

function client(changes: Partial<TrackLitContextClientOptions> = {}) {
  return createTrackLitContextClient({
    baseUrl: trackLit.url,
    apiKey,
    // Long enough for a healthy answer on a loaded machine; the slow case sets its own.
    timeoutMs: 5_000,
    cacheTtlMs: 10_000,
    breakerFailures: 3,
    breakerCooldownMs: 5_000,
    now: clock.now,
    ...changes,
  });
}

beforeEach(() => {
  trackLit.answer({ kind: 'normal' });
  trackLit.requests.length = 0;
  ms = 0;
});

describe('the TrackLit context client', () => {
  it('reads the context with the internal key, and validates it', async () => {
    trackLit.setContext('ath/1', trackLitContextFixture);
    const lookup = await client().lookup('ath/1');
    expect(lookup).toEqual({ outcome: 'fetched', context: trackLitContextFixture });
    expect(trackLit.requests).toEqual([{ path: '/api/athletes/ath%2F1/context', apiKey }]);
  });

  it('keeps the context it understands: unknown keys dropped, long text cut, dates trimmed', async () => {
    trackLit.setContext('loose', {
      athleteId: 'loose',
      recentSessions: [
        {
          date: '2026-05-30T18:00:00+02:00',
          title: 'Hills',
          completed: true,
          notes: 'x'.repeat(2_000),
          heartRate: 150,
        },
      ],
    });
    const lookup = await client().lookup('loose');
    expect(lookup.context).toEqual({
      recentSessions: [
        {
          date: '2026-05-30',
          title: 'Hills',
          completed: true,
          durationMinutes: null,
          rpe: null,
          feeling: null,
          notes: 'x'.repeat(500),
        },
      ],
      upcomingCompetitions: [],
      recentResults: [],
      injuries: [],
    });
  });

  it('answers a cached context for the TTL without asking TrackLit again', async () => {
    trackLit.setContext('cached', trackLitContextFixture);
    const source = client();
    expect((await source.lookup('cached')).outcome).toBe('fetched');
    clock.advance(9_999);
    expect(await source.lookup('cached')).toEqual({
      outcome: 'cached',
      context: trackLitContextFixture,
    });
    expect(trackLit.requests).toHaveLength(1);
    clock.advance(1);
    expect((await source.lookup('cached')).outcome).toBe('fetched');
    expect(trackLit.requests).toHaveLength(2);
  });

  it('sends one request for concurrent lookups of one athlete', async () => {
    trackLit.setContext('busy', trackLitContextFixture);
    trackLit.answer({ kind: 'slow', delayMs: 50 });
    const source = client();
    const lookups = await Promise.all([source.lookup('busy'), source.lookup('busy')]);
    expect(lookups.map((lookup) => lookup.outcome)).toEqual(['fetched', 'fetched']);
    expect(trackLit.requests).toHaveLength(1);
  });

  it('holds no more athletes than its bound, dropping the oldest first', async () => {
    for (const id of ['a', 'b', 'c']) trackLit.setContext(id, trackLitContextFixture);
    const source = client({ cacheMaxEntries: 2 });
    for (const id of ['a', 'b', 'c']) await source.lookup(id);
    expect((await source.lookup('c')).outcome).toBe('cached');
    expect((await source.lookup('a')).outcome).toBe('fetched');
  });

  it('caches "TrackLit knows no such athlete" as no context, not as a failure', async () => {
    const source = client({ breakerFailures: 1 });
    expect(await source.lookup('stranger')).toEqual({ outcome: 'fetched', context: null });
    expect(await source.lookup('stranger')).toEqual({ outcome: 'cached', context: null });
    expect(source.circuit).toBe('closed');
  });

  it.each([
    [{ kind: 'status', status: 500 } as const, 'http_error', 'TrackLit answered 500'],
    [{ kind: 'status', status: 401 } as const, 'http_error', 'TrackLit answered 401'],
    [{ kind: 'malformed' } as const, 'invalid_response', 'body is not JSON'],
    [{ kind: 'wrong_shape' } as const, 'invalid_response', 'recentSessions'],
    [{ kind: 'slow', delayMs: 2_000 } as const, 'timeout', 'no answer within the timeout'],
  ])('answers no context for %j (%s), and caches nothing', async (mode, reason, detail) => {
    trackLit.setContext('troubled', trackLitContextFixture);
    trackLit.answer(mode);
    const source = client(mode.kind === 'slow' ? { timeoutMs: 300 } : {});
    const started = performance.now();
    const lookup = await source.lookup('troubled');
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(lookup).toMatchObject({ outcome: 'skipped', context: null, reason });
    expect(lookup.outcome === 'skipped' && lookup.detail).toContain(detail);
    trackLit.answer({ kind: 'normal' });
    expect((await source.lookup('troubled')).outcome).toBe('fetched');
  });

  it('refuses a body larger than its limit', async () => {
    trackLit.setContext('huge', { ...trackLitContextFixture, padding: 'y'.repeat(5_000) });
    const lookup = await client({ maxBodyBytes: 1_000 }).lookup('huge');
    expect(lookup).toMatchObject({ outcome: 'skipped', reason: 'invalid_response' });
  });

  it('answers no context when nothing listens (connection refused)', async () => {
    const lookup = await client({ baseUrl: await refusedUrl() }).lookup('anyone');
    expect(lookup).toMatchObject({ outcome: 'skipped', reason: 'unreachable' });
  });

  it('opens the circuit after N failures, then sends nothing until the cool-down', async () => {
    trackLit.setContext('down', trackLitContextFixture);
    trackLit.answer({ kind: 'status', status: 503 });
    const source = client();
    for (let i = 0; i < 3; i++) {
      expect(await source.lookup('down')).toMatchObject({ reason: 'http_error' });
    }
    expect(source.circuit).toBe('open');
    trackLit.answer({ kind: 'normal' });
    for (let i = 0; i < 5; i++) {
      expect(await source.lookup('down')).toMatchObject({ reason: 'circuit_open' });
    }
    expect(trackLit.requests).toHaveLength(3);

    clock.advance(5_000);
    expect(await source.lookup('down')).toMatchObject({ outcome: 'fetched' });
    expect(source.circuit).toBe('closed');
    expect(trackLit.requests).toHaveLength(4);
  });

  it('opens again when the trial after the cool-down fails', async () => {
    trackLit.answer({ kind: 'status', status: 500 });
    const source = client({ breakerFailures: 1, cacheTtlMs: 0 });
    await source.lookup('flaky');
    clock.advance(5_000);
    expect(await source.lookup('flaky')).toMatchObject({ reason: 'http_error' });
    expect(source.circuit).toBe('open');
    expect(await source.lookup('flaky')).toMatchObject({ reason: 'circuit_open' });
    expect(trackLit.requests).toHaveLength(2);
  });
});
