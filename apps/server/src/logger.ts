import type { Config } from '@aria/config';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** JSON logs; credentials are redacted wherever a caller might log a header bag. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream) {
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
