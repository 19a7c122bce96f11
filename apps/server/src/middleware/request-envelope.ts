import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { handleError } from '../http-errors.js';
import type { Lifecycle } from '../lifecycle.js';
import type { Logger } from '../logger.js';
import type { AriaMetrics } from '../observability/index.js';
import { httpMetrics } from '../observability/index.js';
import { closeSpentConnection } from './connection.js';
import { bodyLimitFor, timeoutRunner } from './limits.js';
import { requestLogger, startRequestLog } from './request-log.js';
import { answerHeaders, preflightAnswer } from './response-headers.js';

export interface RequestEnvelopeOptions {
  readonly lifecycle: Lifecycle;
  readonly logger: Logger;
  readonly metrics: AriaMetrics;
  readonly trpcEndpoint: string;
  readonly corsOrigins: readonly string[];
  readonly analysisMaxBytes: number;
  readonly requestTimeoutMs: number;
}

/**
 * What happens around every request, in one middleware: request id and response headers,
 * metrics, the request log line, the CORS preflight, the body limit, the timeout, and
 * `Connection: close` for a spent connection. Each duty is its own module; they run here in
 * one async frame because, as seven stacked Hono middlewares, the promise and closure per
 * layer cost a cheap read about an eighth of its instructions.
 *
 * Errors are answered here (the app's own error handler), so the metrics and the log line
 * see the 413 or 504 that went out.
 */
export function requestEnvelope(options: RequestEnvelopeOptions): MiddlewareHandler<AppEnv> {
  const { lifecycle, logger } = options;
  const headersOf = answerHeaders(options.corsOrigins);
  const metrics = httpMetrics(options.metrics, options.trpcEndpoint);
  const bodyLimitOf = bodyLimitFor(options.analysisMaxBytes);
  const withTimeout = timeoutRunner(options.requestTimeoutMs, lifecycle);
  const logRequest = requestLogger(logger);

  return async (c, next) => {
    const startedAt = performance.now();
    const setHeadersOn = headersOf(c);
    startRequestLog(c, logger);
    metrics.started();
    try {
      const preflight = preflightAnswer(c);
      if (preflight !== undefined) {
        c.res = preflight;
      } else {
        const work = () => withTimeout(c, next);
        const bodyLimit = bodyLimitOf(c);
        await (bodyLimit === undefined ? work() : bodyLimit(c, work));
      }
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      c.error = error; // as Hono records it: the tracing span reads it
      c.res = handleError(error, c);
    }
    const elapsedMs = performance.now() - startedAt;
    const denialsCounted = metrics.answered(c, elapsedMs / 1000);
    if (denialsCounted !== undefined) await denialsCounted;
    logRequest(c, elapsedMs);
    setHeadersOn?.(c.res);
    closeSpentConnection(c, lifecycle);
  };
}
