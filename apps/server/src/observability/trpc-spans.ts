import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { procedurePathsOf, trpcProcedurePaths } from './trpc-procedures.js';

const tracer = trace.getTracer('aria-trpc');
const maxBatch = 20;

/**
 * One span per tRPC procedure, child of the HTTP server span, named `trpc <path>`
 * (`rpc.system=trpc`, `rpc.method=<path>`). A single call's span is active while the
 * procedure runs, so its database and outgoing spans nest under it. The members of a batch
 * run concurrently inside one HTTP request: each gets a sibling span over the whole batch,
 * and their queries nest under the HTTP span. tRPC has no per-procedure hook a transport
 * can use, so per-member timing and status of a batch are not available here.
 */
export function trpcProcedureSpans(endpoint: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const paths = procedurePathsOf(c.req.path, endpoint).slice(0, maxBatch);
    if (paths.length === 0) return next();
    const spans = paths.map((path) => {
      const known = trpcProcedurePaths.has(path);
      return tracer.startSpan(`trpc ${known ? path : '(unknown)'}`, {
        kind: SpanKind.INTERNAL,
        attributes: {
          'rpc.system': 'trpc',
          'rpc.method': path.slice(0, 200),
          'trpc.batch_size': paths.length,
          'http.request.method': c.req.method,
        },
      });
    });
    const [first] = spans;
    try {
      if (spans.length === 1 && first) {
        await context.with(trace.setSpan(context.active(), first), next);
      } else {
        await next();
      }
    } finally {
      const status = c.res.status;
      for (const span of spans) {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    }
  });
}
