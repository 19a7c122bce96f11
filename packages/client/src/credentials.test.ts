import { describe, expect, it } from 'vitest';
import { assertCredentials, resolveHeaders } from './credentials.js';

describe('resolveHeaders', () => {
  it('sends a static token as a bearer token', async () => {
    expect(await resolveHeaders({ token: 'jwt-1' })).toEqual({ Authorization: 'Bearer jwt-1' });
  });

  it('asks a token function again for every request, so it can refresh', async () => {
    let issued = 0;
    const token = async () => `jwt-${++issued}`;
    expect(await resolveHeaders({ token })).toEqual({ Authorization: 'Bearer jwt-1' });
    expect(await resolveHeaders({ token })).toEqual({ Authorization: 'Bearer jwt-2' });
  });

  it('sends an API key as X-API-Key', async () => {
    expect(await resolveHeaders({ apiKey: 'aria_sk_1' })).toEqual({ 'X-API-Key': 'aria_sk_1' });
  });

  it('keeps the caller headers and lets the credential replace theirs', async () => {
    const headers = await resolveHeaders({
      apiKey: 'aria_sk_1',
      headers: async () => ({ 'x-trace': 't1', authorization: 'Bearer stale', 'X-Api-Key': 'old' }),
    });
    expect(headers).toEqual({ 'x-trace': 't1', 'X-API-Key': 'aria_sk_1' });
  });

  it('sends no credential for public calls or a signed-out token function', async () => {
    expect(await resolveHeaders({ headers: { 'x-trace': 't1' } })).toEqual({ 'x-trace': 't1' });
    expect(await resolveHeaders({ token: () => '' })).toEqual({});
  });
});

describe('assertCredentials', () => {
  it('refuses a token and an API key together', () => {
    expect(() => assertCredentials({ token: 'jwt', apiKey: 'aria_sk_1' })).toThrow(/not both/);
  });

  it('refuses an empty API key', () => {
    expect(() => assertCredentials({ apiKey: '' })).toThrow(/must not be empty/);
  });

  it('accepts one credential or none', () => {
    expect(() => assertCredentials({})).not.toThrow();
    expect(() => assertCredentials({ token: () => 'jwt' })).not.toThrow();
    expect(() => assertCredentials({ apiKey: 'aria_sk_1' })).not.toThrow();
  });
});
