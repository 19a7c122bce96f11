/** Messages between http-overhead.ts (servers) and load-generator.ts (autocannon). */

/** CPU time used since `since` (user + system) over the wall time since `startedAt`. */
export function cpuShare(since: NodeJS.CpuUsage, startedAt: number): number {
  const used = process.cpuUsage(since);
  const wallMicros = (performance.now() - startedAt) * 1_000;
  return wallMicros > 0 ? (used.user + used.system) / wallMicros : 0;
}

export interface LoadJob {
  readonly url: string;
  readonly headers: Record<string, string>;
  /**
   * `Authorization: Bearer` values used round-robin, one per request; the cursor carries on
   * from the warm-up into the measured run, and from one run with the same list to the next.
   */
  readonly bearerTokens?: readonly string[];
  readonly connections: number;
  /** Requests per second from all connections together; unset: as fast as the server answers. */
  readonly overallRate?: number;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  readonly timeoutSeconds: number;
}

export interface LoadResult {
  readonly durationSeconds: number;
  /** Responses of the measured run (any status). */
  readonly responses: number;
  readonly ok2xx: number;
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Record<string, number>;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** CPU time of the load generator over the measured run, as a share of one core. */
  readonly loadGeneratorCpu: number;
  /** With bearerTokens: the most requests any one token has carried so far (all runs). */
  readonly maxRequestsPerToken?: number;
}

export type ToLoadGenerator = { readonly kind: 'run'; readonly job: LoadJob };

export type FromLoadGenerator =
  | { readonly kind: 'ready' }
  /** The warm-up is over and the measured run starts. */
  | { readonly kind: 'measuring' }
  | { readonly kind: 'result'; readonly result: LoadResult }
  | { readonly kind: 'failed'; readonly message: string };
