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

/**
 * Stdout in batches of at least 4 kB, or what has gathered every `logFlushIntervalMs`: at a
 * few hundred requests a second, a write per line cost each request a thread-pool write and
 * an event-loop wake-up (8-15 % of a metered read's CPU at 500 req/s, in alternating runs).
 * Lines go in as Buffers: in its string mode sonic-boom measures the whole pending batch
 * (`Buffer.byteLength`) on every write, which cost 2.5 times what encoding the line does.
 */
function bufferedStdout(): DestinationStream & { flush(done?: (error?: Error) => void): void } {
  const stream = pino.destination({
    dest: 1,
    sync: false,
    minLength: 4096,
    contentMode: 'buffer',
  });
  setInterval(() => {
    try {
      stream.flush();
    } catch {
      // Already closed by pino's exit handler, which wrote what was left.
    }
  }, logFlushIntervalMs).unref();
  // sonic-boom's types give `write` a string only; in buffer mode it takes a Buffer.
  const writeBuffer = stream.write.bind(stream) as unknown as (line: Buffer) => boolean;
  return {
    write: (line: string) => writeBuffer(Buffer.from(line)),
    flush: (done?: (error?: Error) => void) => stream.flush(done),
  };
}
