import { describe, expect, it } from 'vitest';
import { serverTimesOf } from './request-log-times.js';

const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, ...fields });

describe('serverTimesOf', () => {
  it("keeps the durations of the path's request lines, in log order", () => {
    const log = [
      'Aria listening on 127.0.0.1:4000',
      line({ msg: 'request', path: '/trpc/athletes.get', durationMs: 2.5 }),
      line({ msg: 'request', path: '/trpc/athletes.create', durationMs: 9 }),
      line({ msg: 'request failed', path: '/trpc/athletes.get', durationMs: 40 }),
      line({ msg: 'rate limiter did not decide in time', path: '/trpc/athletes.get' }),
      line({ msg: 'request', path: '/trpc/athletes.get', durationMs: 0.7 }),
      '{"msg":"request","path":"/trpc/athl',
    ].join('\n');

    expect(serverTimesOf(log, '/trpc/athletes.get?input=%7B%7D')).toEqual([2.5, 0.7]);
  });

  it('is empty when the log has no request lines', () => {
    expect(serverTimesOf('', '/health/live')).toEqual([]);
  });
});
