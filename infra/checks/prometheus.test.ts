import { createMetrics, metricLabels } from '@aria/metrics';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { isRecord, readRepoFile, readYaml } from './files.js';

// Syntax through the Prometheus project's own PromQL grammar (lezer); names and labels
// against the registry the server builds (`@aria/metrics`). promtool.test.ts runs promtool.

/** Every metric name the server's registry can expose, from its `# TYPE` lines. */
async function exportedMetrics(): Promise<Map<string, readonly string[]>> {
  const text = await createMetrics().render();
  const exported = new Map<string, readonly string[]>();
  for (const [, name = '', type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const labels: readonly string[] =
      (metricLabels as Record<string, readonly string[]>)[name] ?? [];
    exported.set(name, labels);
    if (type === 'histogram' || type === 'summary') {
      for (const suffix of ['_bucket', '_sum', '_count']) {
        exported.set(`${name}${suffix}`, suffix === '_bucket' ? [...labels, 'le'] : labels);
      }
    }
  }
  return exported;
}

/** Series Prometheus itself produces for every target. */
const prometheusSeries = new Set(['up']);
const targetLabels = ['job', 'instance'];

interface Selector {
  readonly metric: string;
  readonly labels: string[];
}

function analyse(expr: string): { errors: string[]; selectors: Selector[] } {
  const errors: string[] = [];
  const selectors: Selector[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError)
        errors.push(`syntax error at ${node.from}: "${expr.slice(node.from, node.to + 10)}"`);
      if (node.name === 'VectorSelector') {
        const selector: Selector = { metric: '', labels: [] };
        const cursor = node.node.cursor();
        cursor.iterate((child) => {
          const text = expr.slice(child.from, child.to);
          if (child.name === 'Identifier' && selector.metric === '') {
            selectors.push({ ...selector, metric: text });
          }
          if (child.name === 'LabelName') selectors.at(-1)?.labels.push(text);
        });
      }
    },
  });
  return { errors, selectors };
}

async function check(expr: string, where: string) {
  const exported = await exportedMetrics();
  const { errors, selectors } = analyse(expr);
  expect(errors, where).toEqual([]);
  expect(selectors.length, `${where} selects a series`).toBeGreaterThan(0);
  for (const { metric, labels } of selectors) {
    if (prometheusSeries.has(metric)) continue;
    expect([...exported.keys()], `${where}: ${metric}`).toContain(metric);
    const known = metric.startsWith('aria_') ? (exported.get(metric) ?? []) : labels;
    for (const label of labels)
      expect([...known, ...targetLabels], `${where}: ${metric}{${label}}`).toContain(label);
  }
}

interface Rule {
  readonly alert: string;
  readonly expr: string;
  readonly annotations: Record<string, string>;
}

async function rules(): Promise<Rule[]> {
  const file = await readYaml('infra/prometheus/alerts.yml');
  const groups = isRecord(file) && Array.isArray(file.groups) ? file.groups : [];
  return groups.flatMap((group) =>
    isRecord(group) && Array.isArray(group.rules) ? group.rules : [],
  ) as Rule[];
}

describe('Prometheus alert rules (infra/prometheus/alerts.yml)', async () => {
  const all = await rules();
  const runbook = await readRepoFile('infra/RUNBOOK.md');

  it('has rules', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it.each(all.map((rule) => [rule.alert, rule] as const))(
    '%s parses and uses exported series',
    async (_name, rule) => {
      await check(rule.expr, rule.alert);
    },
  );

  it.each(all.map((rule) => [rule.alert, rule] as const))(
    '%s is explained in the runbook',
    (name, rule) => {
      const anchor = rule.annotations.runbook?.split('#')[1];
      expect(anchor).toBe(name.toLowerCase());
      expect(runbook).toMatch(new RegExp(`^#+ ${name}$`, 'm'));
    },
  );

  it('rejects a broken expression and an unknown series (the check can fail)', async () => {
    expect(analyse('sum(rate(aria_http_requests_total[5m]) >').errors.length).toBeGreaterThan(0);
    await expect(check('rate(aria_no_such_series_total[5m])', 'negative')).rejects.toThrow();
    await expect(
      check('rate(aria_http_requests_total{nope="x"}[5m])', 'negative'),
    ).rejects.toThrow();
  });
});

describe('Grafana dashboard (infra/grafana/aria-api.json)', async () => {
  const dashboard = JSON.parse(await readRepoFile('infra/grafana/aria-api.json')) as {
    panels: { title: string; targets: { expr: string }[] }[];
  };
  const targets = dashboard.panels.flatMap((panel) =>
    panel.targets.map((target) => [`${panel.title}: ${target.expr}`, target.expr] as const),
  );

  it.each(targets)('%s', async (where, expr) => {
    await check(expr, where);
  });

  it('covers every series the server exports', async () => {
    const used = new Set(
      targets.flatMap(([, expr]) =>
        analyse(expr).selectors.map((s) => s.metric.replace(/_(bucket|sum|count)$/, '')),
      ),
    );
    for (const name of Object.keys(metricLabels)) expect([...used], name).toContain(name);
  });
});
