import { describe, expect, it } from 'vitest';
import { createMetrics, metricLabels, metricNames } from './metrics.js';

describe('createMetrics', () => {
  it('exports every named series with the labels declared for it', async () => {
    const metrics = createMetrics({ version: 'test' });
    metrics.httpRequests.inc({ method: 'GET', route: '/health/live', status: '200' });
    const text = await metrics.render();
    const typed = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map(([, name]) => name));
    for (const name of Object.values(metricNames)) expect([...typed], name).toContain(name);
    expect(Object.keys(metricLabels).sort()).toEqual(Object.values(metricNames).sort());
    expect(text).toContain('aria_build_info{version="test"} 1');
    expect(text).toContain(
      'aria_http_requests_total{method="GET",route="/health/live",status="200"} 1',
    );
    // prom-client's process metrics, which the alert rules also use.
    expect(typed).toContain('process_start_time_seconds');
  });

  it('starts every TrackLit context skip reason at 0, so the series exist before an outage', async () => {
    const text = await createMetrics().render();
    for (const reason of [
      'timeout',
      'unreachable',
      'http_error',
      'invalid_response',
      'circuit_open',
    ]) {
      expect(text).toContain(`aria_tracklit_context_skipped_total{reason="${reason}"} 0`);
    }
  });

  it('gives each app its own registry', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.aiTokens.inc({ provider: 'builtin', kind: 'prompt' }, 5);
    expect(await second.render()).not.toContain('aria_ai_tokens_total{');
  });
});
