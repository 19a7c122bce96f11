import type { Config } from '@aria/config';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * JSON logs; credentials are redacted wherever a caller might log a header bag. By default
 * written to stdout asynchronously in batches (`bufferedStdout`), so a request never waits
 * on the write, and pino flushes what is left synchronously when the process exits
 * (`process.exit`, or the event loop running dry).
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination: DestinationStream = bufferedStdout(),
) {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'aria' },
      redact: {
        paths: ['headers.authorization', 'headers["x-api-key"]', 'headers.cookie'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** How often lines that have not filled a batch are written anyway. */
const logFlushIntervalMs = 200;
/** Characters gathered before a batch is handed on (lines are ASCII JSON: about as many bytes). */
const batchChars = 16 * 1024;

/** Every batching destination of the process: one timer and one exit hook write them all. */
const batchers = new Set<() => void>();

function writeAllBatches(): void {
  for (const writeBatch of batchers) writeBatch();
}

function hookBatchers(): void {
  setInterval(writeAllBatches, logFlushIntervalMs).unref();
  // Ahead of pino's own exit hook, which writes what sonic-boom holds synchronously (also
  // when the process ends by running out of work).
  process.prependListener('exit', writeAllBatches);
}

/**
 * Stdout in batches of about 16 kB, or what has gathered every `logFlushIntervalMs`: at a
 * few hundred requests a second, a write per line cost each request a thread-pool write and
 * an event-loop wake-up (8-15 % of a metered read's CPU at 500 req/s, in alternating runs).
 * Lines are joined here into one string and sonic-boom gets a batch at a time: given lines
 * one by one, it measured its whole pending batch on every write (string mode) or took a
 * Buffer per line (buffer mode), and either cost each request more than writing its line.
 */
function bufferedStdout(): DestinationStream & { flush(done?: (error?: Error) => void): void } {
  const stream = pino.destination({ dest: 1, sync: false });
  let pending = '';
  const writeBatch = () => {
    if (pending === '') return;
    const batch = pending;
    pending = '';
    try {
      stream.write(batch);
    } catch {
      // Already closed by pino's exit handler, which wrote what it held.
    }
  };
  if (batchers.size === 0) hookBatchers();
  batchers.add(writeBatch);
  return {
    write(line: string) {
      pending += line;
      if (pending.length >= batchChars) writeBatch();
    },
    flush(done?: (error?: Error) => void) {
      writeBatch();
      stream.flush(done);
    },
  };
}
