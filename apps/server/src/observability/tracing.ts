import type { Config } from '@aria/config';
import { AzureMonitorTraceExporter } from '@azure/monitor-opentelemetry-exporter';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  type Span,
  type SpanExporter,
  type SpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export interface Tracing {
  /** Which exporters are on, for the start-up log line. */
  readonly exporters: readonly string[];
  /** Flushes pending spans and stops exporting; call after the HTTP server drained. */
  shutdown(): Promise<void>;
}

const urlAttributes = ['url.full', 'http.url'] as const;

/**
 * Query strings can carry search terms (`GET /v1/knowledge?q=`), tRPC inputs (`?input=…`)
 * and, on outgoing calls, provider parameters; spans keep the path only, like the request
 * log does.
 */
class QueryStringRedactor implements SpanProcessor {
  onStart(span: Span): void {
    for (const name of urlAttributes) {
      const value = span.attributes[name];
      if (typeof value === 'string' && value.includes('?')) {
        span.setAttribute(name, value.slice(0, value.indexOf('?')));
      }
    }
    const query = span.attributes['url.query'];
    if (typeof query === 'string' && query !== '') span.setAttribute('url.query', '[redacted]');
  }
  onEnd(): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function exportersFor(telemetry: Config['telemetry']): Map<string, SpanExporter> {
  const exporters = new Map<string, SpanExporter>();
  if (telemetry.otlpTracesUrl) {
    exporters.set(
      'otlp',
      new OTLPTraceExporter({
        url: telemetry.otlpTracesUrl,
        headers: { ...telemetry.otlpHeaders },
      }),
    );
  }
  if (telemetry.azureMonitorConnectionString) {
    exporters.set(
      'azure-monitor',
      new AzureMonitorTraceExporter({
        connectionString: telemetry.azureMonitorConnectionString,
      }),
    );
  }
  return exporters;
}

/** Whether an exporter is configured; without one the span middleware is not even mounted. */
export function tracingConfigured(telemetry: Config['telemetry']): boolean {
  return (
    telemetry.otlpTracesUrl !== undefined || telemetry.azureMonitorConnectionString !== undefined
  );
}

/**
 * Registers the global tracer provider when an exporter is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT and/or APPLICATIONINSIGHTS_CONNECTION_STRING); otherwise
 * returns `undefined` and every span in the app stays a no-op.
 *
 * What produces spans: `@hono/otel` (one server span per HTTP request, W3C trace context
 * from the caller), `trpc-spans.ts` (tRPC procedures), `database.ts` (queries), the
 * undici instrumentation (outgoing `fetch`: OpenAI, Terra, TrackLit) and the
 * Upstash requester's own client spans (Redis over the REST protocol, on `node:http`).
 * All of them work from a bundle: none needs a module-load hook.
 */
export function startTracing(config: Pick<Config, 'nodeEnv' | 'telemetry'>): Tracing | undefined {
  const { telemetry } = config;
  const exporters = exportersFor(telemetry);
  if (exporters.size === 0) return undefined;

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: telemetry.serviceName,
      [ATTR_SERVICE_VERSION]: telemetry.serviceVersion,
      'deployment.environment.name': config.nodeEnv,
    }),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(telemetry.sampleRatio),
    }),
    spanProcessors: [
      new QueryStringRedactor(),
      ...[...exporters.values()].map((exporter) => new BatchSpanProcessor(exporter)),
    ],
  });
  provider.register();
  const stopInstrumentations = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new UndiciInstrumentation()],
  });

  return {
    exporters: [...exporters.keys()],
    async shutdown() {
      stopInstrumentations();
      await provider.shutdown();
    },
  };
}
