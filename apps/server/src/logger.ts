import type { Config } from '@aria/config';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * JSON logs; credentials are redacted wherever a caller might log a header bag. By default
 * written to stdout asynchronously, so a request never waits on the write: lines are
 * buffered while one is in flight, and pino flushes what is left synchronously when the
 * process exits (`process.exit`, or the event loop running dry).
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination: DestinationStream = pino.destination({ dest: 1, sync: false }),
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
