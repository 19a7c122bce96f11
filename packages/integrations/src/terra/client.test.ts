import { loadConfig } from '@aria/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTerraClient, TerraRequestError, terraClientFromConfig } from './client.js';
import { type FakeTerra, startFakeTerra } from './testing/fake-terra-server.js';

// Terra's widget API (docs.tryterra.co): "Widget: `POST /v2/auth/generateWidgetSession` with headers `dev-id`,
// `x-api-key`; body `{reference_id, providers, language, auth_success_redirect_url,
// auth_failure_redirect_url}` → `{session_id, url, status, expires_in}`."

const credentials = { devId: 'aria-dev', apiKey: 'terra-key-for-tests' };
let terra: FakeTerra;

beforeAll(async () => {
  terra = await startFakeTerra(credentials);
});
afterAll(() => terra.close());

describe('createTerraClient', () => {
  it('asks Terra for a widget session over HTTP and answers its URL', async () => {
    const client = createTerraClient({ ...credentials, baseUrl: `${terra.url}/` });
    const session = await client.generateWidgetSession({
      referenceId: 'athlete-1',
      providers: ['OURA', 'GARMIN'],
      successRedirectUrl: 'https://tracklit.app/wearables/done',
      failureRedirectUrl: 'https://tracklit.app/wearables/failed',
    });
    expect(session).toMatchObject({ expiresInSeconds: 900 });
    expect(session.url).toBe(`https://widget.tryterra.co/session/${session.sessionId}`);
    const request = terra.requests.at(-1);
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v2/auth/generateWidgetSession',
      headers: { 'dev-id': 'aria-dev', 'x-api-key': 'terra-key-for-tests' },
      body: {
        reference_id: 'athlete-1',
        providers: 'OURA,GARMIN',
        language: 'en',
        auth_success_redirect_url: 'https://tracklit.app/wearables/done',
        auth_failure_redirect_url: 'https://tracklit.app/wearables/failed',
      },
    });
  });

  it('turns a refusal into a TerraRequestError with the status', async () => {
    const client = createTerraClient({ ...credentials, apiKey: 'wrong', baseUrl: terra.url });
    const failure = client.generateWidgetSession({ referenceId: 'athlete-1' });
    await expect(failure).rejects.toBeInstanceOf(TerraRequestError);
    await expect(failure).rejects.toMatchObject({ status: 401 });
  });

  it('reports an unreachable Terra as status 0', async () => {
    const client = createTerraClient({ ...credentials, baseUrl: 'http://127.0.0.1:9' });
    await expect(client.generateWidgetSession({ referenceId: 'a' })).rejects.toMatchObject({
      status: 0,
    });
  });
});

describe('terraClientFromConfig', () => {
  it('is undefined until TERRA_DEV_ID and TERRA_API_KEY are both set', () => {
    expect(terraClientFromConfig(loadConfig({ TERRA_DEV_ID: 'dev' }))).toBeUndefined();
    expect(
      terraClientFromConfig(loadConfig({ TERRA_DEV_ID: 'dev', TERRA_API_KEY: 'key' })),
    ).toBeDefined();
  });
});
