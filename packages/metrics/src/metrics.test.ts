import { describe, expect, it } from 'vitest';
import { createMetrics, metricLabels, metricNames } from './metrics.js';
import type { QueueHealthSample } from './queue-health.js';

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

describe('the job and outbox gauges', () => {
  const sample: QueueHealthSample = {
    queues: [
      {
        name: 'tracklit.deliver-events',
        queued: 3,
        active: 1,
        failed: 2,
        dead: 1,
        oldestQueuedSeconds: 42,
      },
    ],
    outbox: { pending: 5, parked: 2, oldestPendingSeconds: 90 },
  };
  const samplesOf = (text: string, name: string) =>
    text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

  it('have no samples until a source is attached', async () => {
    const text = await createMetrics().render();
    expect(text).toContain(`# TYPE ${metricNames.jobs} gauge`);
    expect(samplesOf(text, metricNames.jobs)).toEqual([]);
    expect(samplesOf(text, metricNames.outboxOldestPendingAge)).toEqual([]);
  });

  it('report each queue by state, the oldest ages and the outbox, with the declared labels', async () => {
    const metrics = createMetrics();
    metrics.collectQueueHealth({ read: async () => sample, cacheMs: 5_000 });
    const text = await metrics.render();
    const queue = 'queue="tracklit.deliver-events"';
    expect(samplesOf(text, metricNames.jobs)).toEqual([
      `aria_jobs{${queue},state="queued"} 3`,
      `aria_jobs{${queue},state="active"} 1`,
      `aria_jobs{${queue},state="failed"} 2`,
      `aria_jobs{${queue},state="dead"} 1`,
    ]);
    expect(samplesOf(text, metricNames.jobsOldestQueuedAge)).toEqual([
      `aria_jobs_oldest_queued_age_seconds{${queue}} 42`,
    ]);
    expect(samplesOf(text, metricNames.outboxEvents)).toEqual([
      'aria_outbox_events{state="pending"} 5',
      'aria_outbox_events{state="parked"} 2',
    ]);
    expect(samplesOf(text, metricNames.outboxOldestPendingAge)).toEqual([
      'aria_outbox_oldest_pending_age_seconds 90',
    ]);
    for (const name of [
      metricNames.jobs,
      metricNames.jobsOldestQueuedAge,
      metricNames.outboxEvents,
    ]) {
      for (const line of samplesOf(text, name)) {
        const labels = [...line.matchAll(/(\w+)="/g)].map(([, label]) => label);
        expect(labels, line).toEqual([...metricLabels[name]]);
      }
    }
  });

  it('read the database once per cache window, however many gauges and scrapes', async () => {
    let ms = 0;
    let reads = 0;
    const metrics = createMetrics();
    metrics.collectQueueHealth({
      read: async () => {
        reads++;
        return sample;
      },
      cacheMs: 5_000,
      now: () => ms,
    });
    await metrics.render();
    ms += 4_999;
    await metrics.render();
    expect(reads).toBe(1);
    ms += 1;
    await metrics.render();
    expect(reads).toBe(2);
  });

  it('leave the series empty when the read fails, say so once, and read again next window', async () => {
    const errors: unknown[] = [];
    let ms = 0;
    let fail = true;
    const metrics = createMetrics();
    metrics.collectQueueHealth({
      read: async () => {
        if (fail) throw new Error('database down');
        return sample;
      },
      cacheMs: 5_000,
      onError: (error) => errors.push(error),
      now: () => ms,
    });
    const failed = await metrics.render();
    expect(samplesOf(failed, metricNames.jobs)).toEqual([]);
    expect(samplesOf(failed, metricNames.outboxOldestPendingAge)).toEqual([]);
    expect(failed).toContain('aria_build_info');
    expect(errors).toHaveLength(1);
    fail = false;
    ms += 5_000;
    expect(samplesOf(await metrics.render(), metricNames.jobs)).toHaveLength(4);
    expect(errors).toHaveLength(1);
  });
});
