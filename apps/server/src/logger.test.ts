import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, plainInfoLine } from './logger.js';
import { startChild } from './testing/child-process.js';

const script = fileURLToPath(new URL('./testing/log-then-exit.ts', import.meta.url));
const serverDir = fileURLToPath(new URL('..', import.meta.url));

describe('the default log destination (asynchronous)', () => {
  for (const exitCode of [0, 1]) {
    it(`loses no line when the process calls process.exit(${exitCode}) right after logging`, async () => {
      const lines = 20_000;
      const run = startChild(process.execPath, ['--import', 'tsx', script], {
        cwd: serverDir,
        env: { LINES: String(lines), EXIT_CODE: String(exitCode) },
      });
      expect(await run.exited).toBe(exitCode);
      const logged = run
        .output()
        .stdout.split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { n: number }).n);
      expect(logged).toHaveLength(lines);
      expect(logged.at(-1)).toBe(lines - 1);
    }, 60_000);
  }

  it('loses no line when the process ends by running out of work', async () => {
    const run = startChild(process.execPath, ['--import', 'tsx', script], {
      cwd: serverDir,
      env: { LINES: '3', DRAIN: '1' },
    });
    expect(await run.exited).toBe(0);
    expect(run.output().stdout.trim().split('\n')).toHaveLength(3);
  }, 60_000);

  it('loses no line when the thread pool is busy as the process ends by running out of work', async () => {
    // An asynchronous write handed on at the 'exit' event queues behind the hash and is dropped.
    const run = startChild(process.execPath, ['--import', 'tsx', script], {
      cwd: serverDir,
      env: { LINES: '3', DRAIN: '1', BUSY_AT_EXIT: '1', UV_THREADPOOL_SIZE: '1' },
    });
    expect(await run.exited).toBe(0);
    expect(run.output().stdout.trim().split('\n')).toHaveLength(3);
  }, 60_000);

  it('writes a batch smaller than its buffer within a flush interval, without exiting', async () => {
    const run = startChild(process.execPath, ['--import', 'tsx', script], {
      cwd: serverDir,
      env: { LINES: '1', STAY: '1' },
    });
    try {
      // The child never exits by itself: the line can only arrive through the periodic flush.
      await run.waitFor(/"n":0/, 20_000);
      expect(run.child.exitCode).toBeNull();
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 30_000);
});

describe('plainInfoLine', () => {
  function captured(level: 'info' | 'warn') {
    const lines: string[] = [];
    const logger = createLogger({ logLevel: level }, { write: (line: string) => lines.push(line) });
    return { logger, lines };
  }
  const withoutTime = (line: string | undefined) => line?.replace(/"time":\d+/, '"time":0');

  it('writes the line pino writes for the same fields, byte for byte but the time', () => {
    const fields = {
      requestId: 'r-1',
      userId: undefined,
      method: 'GET',
      route: '/v1/athletes/:id',
      path: '/v1/athletes/"quoted"\\back\u2028slash\u00e9',
      status: 200,
      durationMs: 0.3,
      odd: Number.NaN,
    };
    const viaPino = captured('info');
    viaPino.logger.info(fields, 'request');
    const direct = captured('info');
    plainInfoLine(direct.logger)(fields, 'request');
    expect(direct.lines).toHaveLength(1);
    expect(withoutTime(direct.lines[0])).toBe(withoutTime(viaPino.lines[0]));
    expect(JSON.parse(direct.lines[0] ?? '')).toMatchObject({ service: 'aria', status: 200 });
  });

  it('follows the logger level, also when it changes', () => {
    const { logger, lines } = captured('warn');
    const write = plainInfoLine(logger);
    write({ status: 200 }, 'request');
    expect(lines).toEqual([]);
    logger.level = 'info';
    write({ status: 200 }, 'request');
    expect(lines).toHaveLength(1);
  });

  it('goes through pino for a logger made elsewhere', () => {
    const lines: string[] = [];
    const other = pino({ base: null }, { write: (line: string) => lines.push(line) });
    plainInfoLine(other)({ status: 201 }, 'request');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 30, status: 201, msg: 'request' });
  });
});
