export interface Periodic {
  /** Runs the task now, or joins the run under way. */
  tick(): Promise<void>;
  /** No more runs; resolves once the one under way has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and then every `intervalMs`, never two runs at once. A failure goes to
 * `onError` (until stopped: a run cut short by shutdown is not news) and the next run tries
 * again.
 */
export function startPeriodic(
  task: () => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): Periodic {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    running ??= (async () => {
      try {
        await task();
      } catch (error) {
        if (!stopped) onError(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
