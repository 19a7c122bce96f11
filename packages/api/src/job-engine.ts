import { AppError } from '@aria/core';
import type { JobEngine } from '@aria/jobs';
import type { ApiDeps } from './context.js';

/** The job engine, or NOT_CONFIGURED where this process started none. */
export function requireJobs(deps: ApiDeps): JobEngine {
  if (!deps.jobs) throw new AppError('NOT_CONFIGURED', 'No job engine runs in this process.');
  return deps.jobs;
}
