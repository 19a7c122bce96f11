import { Writable } from 'node:stream';
import { AppError } from '@aria/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asUser, expectProblem, rest } from '../testing/rest.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.deps.close());

describe('REST errors', () => {
  it('answers a call without credentials with a 401 problem', async () => {
    const problem = await expectProblem(
      await rest(t, 'get', '/v1/athletes/me'),
      401,
      'UNAUTHORIZED',
    );
    expect(problem).toMatchObject({
      type: 'urn:aria:problem:unauthorized',
      reason: 'credentials_missing',
    });
  });

  it('answers a bad token with a 401 problem naming the reason', async () => {
    const headers = { Authorization: 'Bearer not-a-jwt' };
    const problem = await expectProblem(
      await rest(t, 'get', '/v1/knowledge', { headers }),
      401,
      'UNAUTHORIZED',
    );
    expect(problem.reason).toBe('token_invalid');
  });

  it('answers an invalid body with BAD_REQUEST and field issues', async () => {
    const headers = await asUser(t, 'errors-ath');
    const response = await rest(t, 'patch', '/v1/athletes/me', {
      headers,
      body: { coachMode: 'harsh', eventFocus: 'sprints' },
    });
    const problem = await expectProblem(response, 400, 'BAD_REQUEST');
    expect(problem.detail).toBe('The input is not valid.');
    expect(problem.issues?.map((issue) => issue.path).sort()).toEqual(['coachMode', 'eventFocus']);
    for (const issue of problem.issues ?? []) expect(issue.message).toEqual(expect.any(String));
  });

  it('answers an invalid query or path parameter with BAD_REQUEST', async () => {
    const headers = await asUser(t, 'errors-ath');
    const query = await expectProblem(
      await rest(t, 'get', '/v1/knowledge?limit=lots', { headers }),
      400,
      'BAD_REQUEST',
    );
    expect(query.issues).toEqual([{ path: 'limit', message: expect.any(String) }]);
    const param = await expectProblem(
      await rest(t, 'get', '/v1/knowledge/not-a-uuid', { headers }),
      400,
      'BAD_REQUEST',
    );
    expect(param.issues?.map((issue) => issue.path)).toEqual(['id']);
  });

  it('answers malformed JSON with BAD_REQUEST', async () => {
    const response = await t.app.request('/v1/athletes/me/mood', {
      method: 'POST',
      headers: { ...(await asUser(t, 'errors-ath')), 'Content-Type': 'application/json' },
      body: '{"mood":',
    });
    await expectProblem(response, 400, 'BAD_REQUEST');
  });

  it('answers a body that is not JSON with UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await t.app.request('/v1/athletes/me/mood', {
      method: 'POST',
      headers: { ...(await asUser(t, 'errors-ath')), 'Content-Type': 'text/plain' },
      body: 'mood=good',
    });
    await expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown /v1 route with NOT_FOUND', async () => {
    await expectProblem(await rest(t, 'get', '/v1/nothing-here'), 404, 'NOT_FOUND');
  });
});

describe('REST rate limits', () => {
  it('send X-RateLimit-* on success and a 429 with Retry-After once the window is spent', async () => {
    const headers = await asUser(t, 'errors-rate');
    const first = await rest(t, 'get', '/v1/athletes/me', { headers });
    expect(first.status).toBe(200);
    const limit = Number(first.headers.get('x-ratelimit-limit'));
    expect(limit).toBeGreaterThan(0);
    expect(first.headers.get('x-ratelimit-remaining')).toBe(String(limit - 1));
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);

    for (let call = 2; call <= limit; call += 1) {
      expect((await rest(t, 'get', '/v1/athletes/me', { headers })).status).toBe(200);
    }
    const refused = await rest(t, 'get', '/v1/athletes/me', { headers });
    await expectProblem(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-limit')).toBe(String(limit));
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
  });
});

describe('REST failures inside a procedure', () => {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

  /** The app on the test deps, with an authenticator that fails as given. */
  function appWhoseAuthenticatorThrows(error: Error) {
    const deps = { ...t.deps, authenticator: { authenticate: () => Promise.reject(error) } };
    return createApp({ deps, logger: createLogger(t.config, silent), lifecycle: t.lifecycle });
  }

  it('keep the headers the procedure chain set (e.g. Retry-After)', async () => {
    const app = appWhoseAuthenticatorThrows(
      new AppError('RATE_LIMITED', 'Slow down.', {
        headers: { 'Retry-After': '7', 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0' },
      }),
    );
    const response = await app.request('/v1/knowledge', { headers: { 'X-API-Key': 'any' } });
    const problem = await expectProblem(response, 429, 'RATE_LIMITED');
    expect(problem.detail).toBe('Slow down.');
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-limit')).toBe('10');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('hide the message of an unexpected error', async () => {
    const app = appWhoseAuthenticatorThrows(new Error('password=hunter2 at db.internal'));
    const response = await app.request('/v1/knowledge', { headers: { 'X-API-Key': 'any' } });
    const problem = await expectProblem(response, 500, 'INTERNAL');
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(problem.detail).toBe('Internal server error');
  });
});
