import { conversations } from '@aria/db';
import { eq } from 'drizzle-orm';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../http-server.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { browserAvailability, chromiumArgs, chromiumPath } from '../testing/chromium.js';

/**
 * /docs in a real browser (Debian's Chromium driven by playwright-core): the page must work
 * with nothing but this server, under its Content-Security-Policy, and "Try it out" must
 * send an authenticated call that the API answers.
 */
const { run } = browserAvailability();
const stepTimeout = 20_000;

describe.runIf(run)('/docs in Chromium', () => {
  let t: TestApp;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl = '';

  beforeAll(async () => {
    t = await createTestApp();
    server = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${server.port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
      timeout: 30_000,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close(1_000);
    await t?.deps.close();
  });

  it('browses the coaching routes and asks a question through "Try it out"', async () => {
    const athleteId = 'docs-browser-athlete';
    const token = await t.tokenFor(athleteId);
    const page = await browser.newPage();
    page.setDefaultTimeout(stepTimeout);

    // Any request that leaves this server is refused and recorded: the page must not need it.
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${baseUrl}/`)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const refusedByPolicy: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) {
        refusedByPolicy.push(message.text());
      }
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${baseUrl}/docs`);
    await expect.poll(() => page.title()).toBe('Aria API reference');

    const coaching = page.locator('.opblock-tag-section').filter({
      has: page.locator('.opblock-tag', { hasText: /^Coaching/ }),
    });
    await coaching.locator('.opblock-tag').waitFor();
    const ask = page.locator('.opblock-summary-path[data-path="/v1/coaching/ask"]');
    await ask.waitFor();
    // One block per documented coaching operation, however many the document has.
    const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
    const coachingOperations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/coaching/'))
      .flatMap(([, item]) => Object.keys(item).filter((key) => methods.has(key)));
    expect(coachingOperations.length).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.opblock-summary-path[data-path^="/v1/coaching/"]').count()).toBe(
      coachingOperations.length,
    );

    // Authorize with the bearer scheme, as a TrackLit user would.
    await page.locator('.auth-wrapper button.authorize').click();
    const bearer = page.locator('.auth-container').filter({ hasText: 'bearerAuth' });
    await bearer.locator('input').fill(token);
    await bearer.locator('button.authorize').click();
    await bearer.locator('button.btn-done').click();

    const operation = page.locator('.opblock').filter({ has: ask });
    await ask.click();
    await operation.locator('button.try-out__btn').click();
    await operation
      .locator('textarea.body-param__text')
      .fill(JSON.stringify({ question: 'How should I warm up for a 100 m race?' }));
    await operation.locator('button.execute').click();

    const status = operation.locator('.live-responses-table .response .response-col_status');
    await expect.poll(() => status.first().textContent(), { timeout: stepTimeout }).toMatch(/200/);
    const body = await operation
      .locator('.live-responses-table .response-col_description pre')
      .first()
      .textContent();
    expect(body).toContain('recommendation');

    // The call was the athlete's own: the server stored the conversation under that id.
    const stored = await t.deps.db
      .select()
      .from(conversations)
      .where(eq(conversations.athleteId, athleteId));
    expect(stored).toHaveLength(1);

    expect(outside).toEqual([]);
    expect(refusedByPolicy).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
