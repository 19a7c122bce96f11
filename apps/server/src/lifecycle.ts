import { AppError } from '@aria/core';

/**
 * What the probes report (started once start-up is done, draining once shutdown begins), and
 * the signal that stops the work still running when shutdown stops waiting for it.
 */
export interface Lifecycle {
  readonly started: boolean;
  readonly draining: boolean;
  /** Aborted by `cutWork`; its reason is the problem the cut requests answer. */
  readonly workCut: AbortSignal;
  markStarted(): void;
  markDraining(): void;
  /** Stops every request still working (streams end with an `error` event and a refund). */
  cutWork(): void;
}

export function createLifecycle(): Lifecycle {
  let started = false;
  let draining = false;
  const cut = new AbortController();
  return {
    get started() {
      return started;
    },
    get draining() {
      return draining;
    },
    workCut: cut.signal,
    markStarted() {
      started = true;
    },
    markDraining() {
      draining = true;
    },
    cutWork() {
      cut.abort(
        new AppError(
          'AI_UNAVAILABLE',
          'The server is shutting down; this call was stopped and not charged. Ask again.',
        ),
      );
    },
  };
}
