import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { expectJson } from '../testing/rest.js';
import { canonicalJson } from './testing/canonical-json.js';

/**
 * The partner contract as partners see it. A change to a route's declaration shows here as a
 * diff of the committed document; when the change is intended, accept it with
 * `pnpm exec vitest run src/rest/openapi-snapshot.test.ts -u` and commit the file with it.
 */
const snapshotFile = './testing/openapi.json.snap';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.deps.close());

describe('GET /openapi.json', () => {
  it('is the committed document (same keys and values, whatever the order of routes)', async () => {
    const document = await expectJson(await t.app.request('/openapi.json'), 200);
    await expect(canonicalJson(document)).toMatchFileSnapshot(snapshotFile);
  });
});
