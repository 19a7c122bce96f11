export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before it lets one trial call through. */
  readonly coolDownMs: number;
  /** Milliseconds; injected so tests can move time. */
  readonly now?: () => number;
}

/** One admitted call: report its outcome once (later reports are ignored). */
export interface CircuitPermit {
  succeeded(): void;
  failed(): void;
}

export interface CircuitBreaker {
  readonly state: CircuitState;
  /** A permit for a call now; undefined while the circuit is open or its trial call runs. */
  admit(): CircuitPermit | undefined;
}

/**
 * Closed: every call goes; `failureThreshold` failures in a row open it. Open: no call goes
 * until `coolDownMs` have passed; then the next call is the one trial (half-open) while the
 * others are still refused. The trial's success closes the circuit, its failure opens it for
 * another cool-down. Outcomes of calls admitted before the last change of state are ignored,
 * so a slow call from before the circuit opened cannot close it. A trial that never reports
 * is given up after a cool-down and another trial is let through.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let state: CircuitState = 'closed';
  let failures = 0;
  let since = 0;
  let generation = 0;

  const moveTo = (next: CircuitState) => {
    state = next;
    generation++;
    since = now();
    failures = 0;
  };

  const permit = (trial: boolean): CircuitPermit => {
    const issuedIn = generation;
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled || generation !== issuedIn) return;
      settled = true;
      if (trial) return moveTo(ok ? 'closed' : 'open');
      if (ok) {
        failures = 0;
        return;
      }
      failures++;
      if (failures >= options.failureThreshold) moveTo('open');
    };
    return { succeeded: () => settle(true), failed: () => settle(false) };
  };

  return {
    get state() {
      return state;
    },
    admit() {
      if (state === 'closed') return permit(false);
      if (now() - since < options.coolDownMs) return undefined;
      moveTo('half_open');
      return permit(true);
    },
  };
}
