/** What the probes report: started once start-up is done, draining once shutdown begins. */
export interface Lifecycle {
  readonly started: boolean;
  readonly draining: boolean;
  markStarted(): void;
  markDraining(): void;
}

export function createLifecycle(): Lifecycle {
  let started = false;
  let draining = false;
  return {
    get started() {
      return started;
    },
    get draining() {
      return draining;
    },
    markStarted() {
      started = true;
    },
    markDraining() {
      draining = true;
    },
  };
}
