import { startChatCompletionsServer } from '@aria/integrations/ai-testing';
import { startFakeStripe, startFakeTerra } from '@aria/integrations/testing';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { asService, asUser, type CallerHeaders, rest } from '../../testing/rest.js';

export type CallerName = 'athlete' | 'coach' | 'admin' | 'service' | 'anonymous';

export interface FuzzApp {
  readonly t: TestApp;
  readonly callers: Readonly<Record<CallerName, CallerHeaders>>;
  /** Moves the app's clock a minute on, so per-minute rate limits do not hide the handlers. */
  tick(): void;
  close(): Promise<void>;
}

export const fuzzAthleteId = 'fuzz-athlete';

/** The app with every integration configured (local fakes), an athlete on the top tier. */
export async function startFuzzApp(): Promise<FuzzApp> {
  const chat = await startChatCompletionsServer();
  const stripe = await startFakeStripe();
  const terraCredentials = { devId: 'fuzz-terra-dev', apiKey: 'fuzz-terra-key' };
  const terra = await startFakeTerra(terraCredentials);
  let now = Date.parse('2026-06-01T08:00:00Z');
  const t = await createTestApp(
    {
      OPENAI_API_KEY: chat.apiKey,
      OPENAI_BASE_URL: chat.baseUrl,
      ...stripe.env,
      TERRA_DEV_ID: terraCredentials.devId,
      TERRA_API_KEY: terraCredentials.apiKey,
      TERRA_API_URL: terra.url,
      LOG_LEVEL: 'fatal',
    },
    { stripe: { endpoint: stripe.endpoint }, now: () => new Date(now) },
  );
  const service = asService(t);
  const created = await rest(t, 'post', '/v1/athletes', {
    headers: service,
    body: { id: fuzzAthleteId, name: 'Fuzz' },
  });
  expect(created.status).toBe(201);
  const tier = await rest(t, 'put', '/v1/billing/tier', {
    headers: service,
    body: { athleteId: fuzzAthleteId, tier: 'star' },
  });
  expect(tier.status).toBe(200);
  return {
    t,
    callers: {
      athlete: await asUser(t, fuzzAthleteId),
      coach: await asUser(t, 'fuzz-coach', 'coach'),
      admin: await asUser(t, 'fuzz-admin', 'admin'),
      service,
      anonymous: {},
    },
    tick: () => {
      now += 61_000;
    },
    close: async () => {
      await t.deps.close();
      await Promise.all([chat.close(), stripe.close(), terra.close()]);
    },
  };
}

/** Runs per property; `RESILIENCE_RUNS` raises it for a longer local hunt. */
export const fuzzRuns = Number(process.env.RESILIENCE_RUNS ?? 12);
