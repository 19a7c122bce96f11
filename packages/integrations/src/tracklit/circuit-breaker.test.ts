import { describe, expect, it } from 'vitest';
import { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker.js';

function breakerWithClock(failureThreshold = 3, coolDownMs = 1_000) {
  let ms = 0;
  const breaker = createCircuitBreaker({ failureThreshold, coolDownMs, now: () => ms });
  return { breaker, advance: (by: number) => (ms += by) };
}

function fail(breaker: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i++) breaker.admit()?.failed();
}

describe('createCircuitBreaker', () => {
  it('opens after N consecutive failures and refuses calls while open', () => {
    const { breaker } = breakerWithClock(3);
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
    expect(breaker.admit()).toBeUndefined();
  });

  it('counts only consecutive failures: a success starts the count again', () => {
    const { breaker } = breakerWithClock(3);
    fail(breaker, 2);
    breaker.admit()?.succeeded();
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
  });

  it('lets one trial through after the cool-down, and closes when it succeeds', () => {
    const { breaker, advance } = breakerWithClock(1, 1_000);
    fail(breaker, 1);
    advance(999);
    expect(breaker.admit()).toBeUndefined();
    advance(1);
    const trial = breaker.admit();
    expect(trial).toBeDefined();
    expect(breaker.state).toBe('half_open');
    expect(breaker.admit()).toBeUndefined();
    trial?.succeeded();
    expect(breaker.state).toBe('closed');
    expect(breaker.admit()).toBeDefined();
  });

  it('opens for another cool-down when the trial fails', () => {
    const { breaker, advance } = breakerWithClock(1, 1_000);
    fail(breaker, 1);
    advance(1_000);
    breaker.admit()?.failed();
    expect(breaker.state).toBe('open');
    advance(500);
    expect(breaker.admit()).toBeUndefined();
    advance(500);
    expect(breaker.admit()).toBeDefined();
  });

  it('ignores the outcome of a call admitted before the circuit changed state', () => {
    const { breaker, advance } = breakerWithClock(2, 1_000);
    const slow = breaker.admit();
    fail(breaker, 2);
    slow?.succeeded();
    expect(breaker.state).toBe('open');
    advance(1_000);
    const trial = breaker.admit();
    slow?.failed();
    expect(breaker.state).toBe('half_open');
    trial?.succeeded();
    trial?.failed();
    expect(breaker.state).toBe('closed');
  });

  it('gives up on a trial that never reports after a cool-down', () => {
    const { breaker, advance } = breakerWithClock(1, 1_000);
    fail(breaker, 1);
    advance(1_000);
    const lost = breaker.admit();
    expect(lost).toBeDefined();
    advance(1_000);
    const next = breaker.admit();
    expect(next).toBeDefined();
    lost?.succeeded();
    expect(breaker.state).toBe('half_open');
    next?.succeeded();
    expect(breaker.state).toBe('closed');
  });
});
