import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';

export const jsonBodyLimitBytes = 1024 * 1024;

/** A 10 MB image, as multipart or as base64 in JSON, with room for the other fields. */
export const mediaBodyLimitBytes = 14 * 1024 * 1024;
/** Routes that take an image (coaching.askMedia): the media limit replaces the 1 MB one. */
export const mediaUploadPaths: ReadonlySet<string> = new Set([
  '/v1/coaching/ask/media',
  '/trpc/coaching.askMedia',
]);
/** Streamed answers run as long as the answer streams: no request timeout. */
const streamingPaths =
  /^\/v1\/coaching\/ask\/stream$|^\/trpc\/(?:[^/]*,)?coaching\.askStream(?:,|$)/;

export function jsonBodyLimit(): MiddlewareHandler {
  const json = bodyLimit({
    maxSize: jsonBodyLimitBytes,
    onError: () => {
      throw new HTTPException(413, { message: 'The request body is larger than 1 MB.' });
    },
  });
  const media = bodyLimit({
    maxSize: mediaBodyLimitBytes,
    onError: () => {
      throw new HTTPException(413, { message: 'The image is larger than 10 MB.' });
    },
  });
  return (c, next) => (mediaUploadPaths.has(c.req.path) ? media : json)(c, next);
}

export function requestTimeout(ms: number): MiddlewareHandler {
  const limit = timeout(
    ms,
    () => new HTTPException(504, { message: `No answer within ${ms} ms.` }),
  );
  return (c, next) => (streamingPaths.test(c.req.path) ? next() : limit(c, next));
}
