import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One span as it arrived over OTLP/HTTP JSON, with attributes flattened to plain values. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client. */
  readonly kind: number;
  readonly scope: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly resource: Readonly<Record<string, unknown>>;
}

export interface OtlpReceiver {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT (the exporter appends `/v1/traces`). */
  readonly url: string;
  readonly spans: readonly ReceivedSpan[];
  /** Requests that were not a JSON POST to /v1/traces. */
  readonly rejected: readonly string[];
  close(): Promise<void>;
}

interface OtlpKeyValue {
  key: string;
  value?: Record<string, unknown>;
}

function flatten(attributes: readonly OtlpKeyValue[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of attributes ?? []) {
    const [first] = Object.values(value ?? {});
    out[key] = first;
  }
  return out;
}

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function spansOf(body: unknown): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  const payload = body as { resourceSpans?: unknown };
  for (const resourceSpans of asArray<Record<string, unknown>>(payload.resourceSpans)) {
    const resource = flatten(
      (resourceSpans.resource as { attributes?: OtlpKeyValue[] } | undefined)?.attributes,
    );
    for (const scopeSpans of asArray<Record<string, unknown>>(resourceSpans.scopeSpans)) {
      const scope = String((scopeSpans.scope as { name?: string } | undefined)?.name ?? '');
      for (const span of asArray<Record<string, unknown>>(scopeSpans.spans)) {
        spans.push({
          traceId: String(span.traceId),
          spanId: String(span.spanId),
          parentSpanId: span.parentSpanId ? String(span.parentSpanId) : undefined,
          name: String(span.name),
          kind: Number(span.kind),
          scope,
          attributes: flatten(span.attributes as OtlpKeyValue[] | undefined),
          resource,
        });
      }
    }
  }
  return spans;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  const body = Buffer.concat(chunks);
  return request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}

/** A local OTLP/HTTP (JSON) trace receiver on 127.0.0.1, for tests. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const rejected: string[] = [];
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => {
        const json = /json/.test(request.headers['content-type'] ?? '');
        if (request.method !== 'POST' || request.url !== '/v1/traces' || !json) {
          rejected.push(`${request.method} ${request.url} ${request.headers['content-type']}`);
          response.writeHead(415).end();
          return;
        }
        spans.push(...spansOf(JSON.parse(body.toString('utf8'))));
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      })
      .catch((error: unknown) => {
        rejected.push(String(error));
        response.writeHead(400).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    rejected,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
