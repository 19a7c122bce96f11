// The part of autocannon 9's programmatic API this package uses (autocannon ships no types).
// Checked against node_modules/autocannon/lib: defaultOptions.js, requestIterator.js,
// httpRequestBuilder.js and aggregateResult.js.
declare module 'autocannon' {
  export interface RequestData {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  export interface RequestSpec extends RequestData {
    /** Called before every request of a connection; a falsy return skips the request. */
    setupRequest?: (request: RequestData, context: Record<string, unknown>) => RequestData | null;
  }

  export interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds a request may take before it counts as a timeout. */
    timeout?: number;
    headers?: Record<string, string>;
    requests?: RequestSpec[];
    /** Requests per second from all connections together (a constant-rate run). */
    overallRate?: number;
    /** A run before the measured one, with these options overriding; its results are not mixed in. */
    warmup?: { connections?: number; duration?: number };
  }

  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }

  export interface Result {
    /** Seconds, as measured. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds. */
    latency: Histogram;
    /** Per-second samples; `total` is every completed request. */
    requests: Histogram & { sent: number };
  }

  /** An event emitter that is also a thenable of the result. */
  export interface Instance extends PromiseLike<Result> {
    /** `start`: the measured run (after any warm-up) begins. */
    on(event: 'start', listener: () => void): this;
  }

  export default function autocannon(options: Options): Instance;
}
