import type { Config } from '@aria/config';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

const base = { service: 'aria' };

/** Where each logger made here writes, for `plainInfoLine`. */
const destinations = new WeakMap<Logger, DestinationStream>();

/**
 * JSON logs; credentials are redacted wherever a caller might log a header bag. By default
 * written to stdout asynchronously in batches (`bufferedStdout`), so a request never waits
 * on the write; what is left is written when the process ends (`process.exit`, or the event
 * loop running dry).
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination: DestinationStream = bufferedStdout(),
) {
  const logger = pino(
    {
      level: config.logLevel,
      base,
      redact: {
        paths: ['headers.authorization', 'headers["x-api-key"]', 'headers.cookie'],
        censor: '[redacted]',
      },
    },
    destination,
  );
  destinations.set(logger, destination);
  return logger;
}

/** A line's own fields: strings and numbers under plain names; undefined ones are left out. */
export type PlainFields = Readonly<Record<string, string | number | undefined>>;

const infoLevel = pino.levels.values.info ?? 30;
const baseFields = JSON.stringify(base).slice(1, -1);

/**
 * Writes the info line pino would write for `logger.info(fields, message)` (same keys in the
 * same order) straight to the logger's destination. For the one line every request logs:
 * pino's general path (serializers, redaction, hooks, none of which such a line needs) cost
 * more than the rest of the line's work. Loggers not made by `createLogger` go through pino.
 */
export function plainInfoLine(logger: Logger): (fields: PlainFields, message: string) => void {
  const destination = destinations.get(logger);
  if (destination === undefined) return (fields, message) => logger.info(fields, message);
  return (fields, message) => {
    if (!logger.isLevelEnabled('info')) return;
    let line = `{"level":${infoLevel},"time":${Date.now()},${baseFields}`;
    for (const name in fields) {
      const value = fields[name];
      if (value === undefined) continue;
      line += `,"${name}":${typeof value === 'number' && Number.isFinite(value) ? value : JSON.stringify(value)}`;
    }
    destination.write(`${line},"msg":${JSON.stringify(message)}}\n`);
  };
}

/** How often lines that have not filled a batch are written anyway. */
const logFlushIntervalMs = 200;
/** Characters gathered before a batch is handed on (lines are ASCII JSON: about as many bytes). */
const batchChars = 16 * 1024;

/** Every batching destination of the process: one timer and the process's end write them all. */
const batchers = new Set<Batcher>();

interface Batcher {
  /** Hands the gathered lines to the asynchronous stream. */
  writeBatch(): void;
  /** Writes what is left synchronously: for when no event loop will run the write. */
  writeBatchNow(): void;
}

function writeAllBatches(): void {
  for (const batcher of batchers) batcher.writeBatch();
}

function hookBatchers(): void {
  setInterval(writeAllBatches, logFlushIntervalMs).unref();
  // The event loop ran dry but still runs: the batches are written asynchronously, ahead of
  // pino's own hook, which then ends the stream once it has drained.
  process.prependListener('beforeExit', writeAllBatches);
  // An asynchronous write handed on at 'exit' can be lost: libuv does not always run it before
  // the process ends (seen under load: every line of a short run gone).
  process.prependListener('exit', () => {
    for (const batcher of batchers) batcher.writeBatchNow();
  });
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
  const takePending = () => {
    const batch = pending;
    pending = '';
    return batch;
  };
  const writeNow = (batch: string) => {
    try {
      // sonic-boom in sync mode: one write, retried on EAGAIN, partial writes completed.
      pino.destination({ dest: 1, sync: true }).write(batch);
    } catch {
      // Stdout is gone: there is nowhere left to write to.
    }
  };
  const writeBatchNow = () => {
    if (pending === '') return;
    try {
      stream.flushSync(); // what the stream holds goes first, to keep the lines in order
    } catch {
      // Already ended by pino's hook, with nothing left to write.
    }
    writeNow(takePending());
  };
  const writeBatch = () => {
    if (pending === '') return;
    const batch = takePending();
    try {
      stream.write(batch);
    } catch {
      writeNow(batch); // ended by pino's hook, yet the process went on
    }
  };
  if (batchers.size === 0) hookBatchers();
  batchers.add({ writeBatch, writeBatchNow });
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
