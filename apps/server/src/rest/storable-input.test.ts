import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import {
  asService,
  asUser,
  type CallerHeaders,
  createAthlete,
  expectProblem,
  rest,
} from '../testing/rest.js';

// Input PostgreSQL cannot hold (NUL, half a surrogate pair, year 0) or that overflows date
// arithmetic (the far future) reached the database and answered 500. Each is a 400 now,
// with the contract's problem body and nothing written.

const nul = 'a\u0000b';
const lone = 'a\ud800b';
const yearZero = '0000-01-01';
const farFuture = '9999-12-31';

interface Case {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly as: 'athlete' | 'service' | 'admin';
  readonly body?: unknown;
}

const athleteId = 'storable-athlete';

const cases: Case[] = [
  {
    name: 'athlete name',
    method: 'post',
    path: '/v1/athletes',
    as: 'service',
    body: { id: 'x1', name: nul },
  },
  {
    name: 'athlete id',
    method: 'post',
    path: '/v1/athletes',
    as: 'service',
    body: { id: `x${nul}` },
  },
  {
    name: 'lone surrogate name',
    method: 'patch',
    path: '/v1/athletes/me',
    as: 'athlete',
    body: { name: lone },
  },
  {
    name: 'personal-best event',
    method: 'patch',
    path: '/v1/athletes/me',
    as: 'athlete',
    body: { personalBests: { [nul]: 10.5 } },
  },
  {
    name: 'event focus',
    method: 'patch',
    path: '/v1/athletes/me',
    as: 'athlete',
    body: { eventFocus: [lone] },
  },
  {
    name: 'birth date in year 0',
    method: 'patch',
    path: '/v1/athletes/me',
    as: 'athlete',
    body: { birthDate: yearZero },
  },
  {
    name: 'birth date far ahead',
    method: 'patch',
    path: '/v1/athletes/me',
    as: 'athlete',
    body: { birthDate: farFuture },
  },
  { name: 'path id', method: 'get', path: '/v1/athletes/a%00b', as: 'service' },
  {
    name: 'mood note',
    method: 'post',
    path: '/v1/athletes/me/mood',
    as: 'athlete',
    body: { mood: 'good', note: nul },
  },
  {
    name: 'question',
    method: 'post',
    path: '/v1/coaching/ask',
    as: 'athlete',
    body: { question: `Why${nul}?` },
  },
  { name: 'search text', method: 'get', path: '/v1/knowledge?q=a%00b', as: 'athlete' },
  {
    name: 'article body',
    method: 'post',
    path: '/v1/knowledge',
    as: 'admin',
    body: { title: 't', summary: 's', tags: [], body: nul },
  },
  {
    name: 'article url',
    method: 'post',
    path: '/v1/knowledge',
    as: 'admin',
    body: { title: 't', summary: 's', tags: [], url: 'https://a.example/x%00\u0000' },
  },
  {
    name: 'API key name',
    method: 'post',
    path: '/v1/api-keys',
    as: 'athlete',
    body: { name: nul },
  },
  {
    name: 'API key expiry in year 0',
    method: 'post',
    path: '/v1/api-keys',
    as: 'athlete',
    body: { name: 'k', expiresAt: '0000-01-01T00:00:00Z' },
  },
  {
    name: 'coach id',
    method: 'post',
    path: '/v1/coach/athletes',
    as: 'athlete',
    body: { coachId: nul },
  },
  {
    name: 'session notes',
    method: 'post',
    path: '/v1/training/sessions',
    as: 'athlete',
    body: { date: '2026-06-01', type: 'tempo', durationMinutes: 30, rpe: 5, notes: nul },
  },
  {
    name: 'session date in year 0',
    method: 'post',
    path: '/v1/training/sessions',
    as: 'athlete',
    body: { date: yearZero, type: 'tempo', durationMinutes: 30, rpe: 5 },
  },
  {
    name: 'load date far ahead',
    method: 'get',
    path: `/v1/training/load?date=${farFuture}`,
    as: 'athlete',
  },
  {
    name: 'metrics date in year 0',
    method: 'post',
    path: '/v1/wearables/metrics',
    as: 'athlete',
    body: { date: yearZero, restingHr: 50 },
  },
  {
    name: 'daily metrics far ahead',
    method: 'get',
    path: `/v1/wearables/daily?date=${farFuture}`,
    as: 'athlete',
  },
  {
    name: 'readiness in year 0',
    method: 'get',
    path: `/v1/wearables/readiness?date=${yearZero}`,
    as: 'athlete',
  },
  {
    name: 'plan far ahead',
    method: 'post',
    path: '/v1/plans',
    as: 'athlete',
    body: {
      event: '100m',
      experienceLevel: 'beginner',
      daysPerWeek: 3,
      competitionDate: farFuture,
    },
  },
  {
    name: 'a metric too small for a real column',
    method: 'post',
    path: '/v1/wearables/metrics',
    as: 'athlete',
    body: { date: '2026-06-01', hrvRmssd: 5e-324 },
  },
  {
    name: 'an RPE too small for a real column',
    method: 'post',
    path: '/v1/training/sessions',
    as: 'athlete',
    body: { date: '2026-06-01', type: 'tempo', durationMinutes: 30, rpe: 1e-40 },
  },
  {
    name: 'wearable language',
    method: 'post',
    path: '/v1/wearables/connect',
    as: 'athlete',
    body: { language: `en${nul}` },
  },
];

describe('input PostgreSQL cannot hold is a 400', () => {
  let t: TestApp;
  const headers: Record<Case['as'], CallerHeaders> = { athlete: {}, service: {}, admin: {} };

  beforeAll(async () => {
    t = await createTestApp();
    await createAthlete(t, athleteId);
    headers.athlete = await asUser(t, athleteId);
    headers.admin = await asUser(t, 'storable-admin', 'admin');
    headers.service = asService(t);
  });
  afterAll(() => t.deps.close());

  it.each(cases)('$name', async ({ method, path, as, body }) => {
    const response = await rest(t, method, path, { headers: headers[as], body });
    const problem = await expectProblem(response, 400, 'BAD_REQUEST');
    expect(problem.issues?.length ?? 0).toBeGreaterThan(0);
  });

  it('wrote nothing', async () => {
    const exported = await rest(t, 'get', '/v1/athletes/me/export', { headers: headers.athlete });
    const text = await exported.text();
    expect(exported.status).toBe(200);
    expect(text).not.toContain('\\u0000');
    expect(text).not.toContain('0000-01-01');
    expect((await rest(t, 'get', '/v1/athletes/x1', { headers: headers.service })).status).toBe(
      404,
    );
  });
});
