import type { UserRole } from '@aria/api';
import { forgetTierRow, type SubscriptionTier, subscriptions } from '@aria/db';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from './app.js';

/** Request headers of one kind of caller. */
export type CallerHeaders = Record<string, string>;

export const anonymous: CallerHeaders = {};

export function asService(t: TestApp): CallerHeaders {
  return { 'X-API-Key': t.internalApiKey };
}

export async function asUser(
  t: TestApp,
  sub: string,
  role: UserRole = 'athlete',
): Promise<CallerHeaders> {
  return { Authorization: `Bearer ${await t.tokenFor(sub, role)}` };
}

export interface RestRequest {
  readonly headers?: CallerHeaders;
  readonly body?: unknown;
}

/** One REST call against the in-process app, JSON in. */
export async function rest(
  t: TestApp,
  method: string,
  path: string,
  { headers = {}, body }: RestRequest = {},
): Promise<Response> {
  return t.app.request(path, {
    method: method.toUpperCase(),
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The JSON of a successful answer, after checking its status. */
export async function expectJson(response: Response, status: number): Promise<unknown> {
  const body: unknown = await response.json();
  expect({ status: response.status, body }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toContain('application/json');
  return body;
}

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId: string;
  readonly issues?: readonly { path: string; message: string }[];
  readonly reason?: string;
}

/** The contract problem of a failed answer, after checking status, code and media type. */
export async function expectProblem(
  response: Response,
  status: number,
  code: string,
): Promise<ProblemBody> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = (await response.json()) as ProblemBody;
  expect(body).toMatchObject({ status, code, requestId: response.headers.get('x-request-id') });
  expect(response.status).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return body;
}

export async function createAthlete(t: TestApp, id: string, name = 'Test Sprinter') {
  const response = await rest(t, 'post', '/v1/athletes', {
    headers: asService(t),
    body: { id, name },
  });
  expect(response.status).toBe(201);
}

export const sampleArticle = {
  title: 'Acceleration mechanics in the first 10 m',
  summary: 'Shin angles, push-off and step frequency in the early acceleration of sprinting.',
  tags: ['acceleration', 'sprint'],
  url: 'https://example.org/acceleration',
  body: 'Sprint starts reward a long ground contact with a forward-leaning shin.',
};

/** A knowledge article, created through REST by the service; answers its id. */
export async function createArticle(t: TestApp, title = sampleArticle.title): Promise<string> {
  const response = await rest(t, 'post', '/v1/knowledge', {
    headers: asService(t),
    body: { ...sampleArticle, title },
  });
  const body = (await expectJson(response, 201)) as { id: string };
  return body.id;
}

/**
 * Puts an existing athlete on `tier` by writing the table directly, as an operator would,
 * then tells the app (which keeps tier rows briefly; an operator's write shows within
 * TIER_CACHE_TTL_MS).
 */
export async function putOnTier(t: TestApp, id: string, tier: SubscriptionTier): Promise<void> {
  await t.deps.db.update(subscriptions).set({ tier }).where(eq(subscriptions.athleteId, id));
  forgetTierRow(t.deps.db, id);
}

/** An athlete provisioned by its first call, then put on `tier` directly in the database. */
export async function athleteOnTier(
  t: TestApp,
  id: string,
  tier: SubscriptionTier,
): Promise<CallerHeaders> {
  const headers = await asUser(t, id);
  expect((await rest(t, 'get', '/v1/athletes/me', { headers })).status).toBe(200);
  await putOnTier(t, id, tier);
  return headers;
}
