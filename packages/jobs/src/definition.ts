/**
 * A kind of background job: its queue name, how its data is checked, and its retry policy.
 * Failed runs are retried after `retryDelaySeconds · 2^(n-1)` to twice that (exponential,
 * with random jitter between the two), and a job that failed `maxAttempts` times is dead:
 * moved to the `<name>.dead` queue, where an operator can see and replay it.
 */
export interface JobDefinition<Data> {
  readonly name: string;
  /** Checks data read back from the queue; throws on data this version cannot run. */
  readonly parse: (data: unknown) => Data;
  readonly maxAttempts?: number;
  readonly retryDelaySeconds?: number;
  /** A run that takes longer fails (and is retried); a crashed worker's job is retried after it too. */
  readonly expireInSeconds?: number;
  /**
   * `short`: at most one job per `singletonKey` waits in the queue (a second send while one
   * waits is dropped); running and retrying jobs do not count. Default `standard`.
   */
  readonly policy?: 'standard' | 'short';
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly retryDelaySeconds: number;
  readonly expireInSeconds: number;
}

export function defineJob<Data>(definition: JobDefinition<Data>): JobDefinition<Data> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(definition.name) || definition.name.endsWith('.dead')) {
    throw new Error(`job name "${definition.name}" must be lower-case words joined by . _ or -`);
  }
  return definition;
}

export function deadLetterQueue(name: string): string {
  return `${name}.dead`;
}

export function retryPolicyOf(
  definition: JobDefinition<unknown>,
  defaults: RetryPolicy,
): RetryPolicy {
  return {
    maxAttempts: definition.maxAttempts ?? defaults.maxAttempts,
    retryDelaySeconds: definition.retryDelaySeconds ?? defaults.retryDelaySeconds,
    expireInSeconds: definition.expireInSeconds ?? defaults.expireInSeconds,
  };
}
