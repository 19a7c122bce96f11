import type { DegradedUse } from '@aria/core';

export { type DegradedUse, degradedUses } from '@aria/core';

export type DegradedListener = (use: DegradedUse, error: unknown) => void;

export interface Degradation {
  report(use: DegradedUse, error: unknown): void;
  /** Adds a listener; returns its removal. */
  subscribe(listener: DegradedListener): () => void;
}

export function createDegradation(): Degradation {
  const listeners = new Set<DegradedListener>();
  return {
    report(use, error) {
      for (const listener of listeners) listener(use, error);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Runs `step`; when it rejects, reports `use` and answers `fallback` instead. */
export async function degradeTo<T>(
  degradation: Degradation | undefined,
  use: DegradedUse,
  step: () => Promise<T>,
  fallback: T,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    degradation?.report(use, error);
    return fallback;
  }
}
