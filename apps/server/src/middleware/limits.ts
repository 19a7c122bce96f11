import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';

export const jsonBodyLimitBytes = 1024 * 1024;

export function jsonBodyLimit() {
  return bodyLimit({
    maxSize: jsonBodyLimitBytes,
    onError: () => {
      throw new HTTPException(413, { message: 'The request body is larger than 1 MB.' });
    },
  });
}

export function requestTimeout(ms: number) {
  return timeout(ms, () => new HTTPException(504, { message: `No answer within ${ms} ms.` }));
}
