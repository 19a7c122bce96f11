import { AppError } from '@aria/core';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.js';
import type { Lifecycle } from '../lifecycle.js';

export const jsonBodyLimitBytes = 1024 * 1024;

/** A 10 MB image, as multipart or as base64 in JSON, with room for the other fields. */
export const mediaBodyLimitBytes = 14 * 1024 * 1024;
/** Routes that take an image (coaching.askMedia): the media limit replaces the 1 MB one. */
export const mediaUploadPaths: ReadonlySet<string> = new Set([
  '/v1/coaching/ask/media',
  '/trpc/coaching.askMedia',
]);
/** Routes that take a sprint video (coaching.analyzeMedia): their limit follows ANALYSIS_MAX_BYTES. */
export const analysisUploadPaths: ReadonlySet<string> = new Set([
  '/v1/coaching/analyses',
  '/trpc/coaching.analyzeMedia',
]);

/** The body that carries a file of `maxBytes`: as base64 in JSON (4/3 of it), with room for the fields. */
export function analysisBodyLimitBytes(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4 + 64 * 1024;
}

/** Streamed answers run as long as the answer streams: no request timeout. */
const streamingPaths =
  /^\/v1\/coaching\/ask\/stream$|^\/trpc\/(?:[^/]*,)?coaching\.askStream(?:,|$)/;

/**
 * The body limit of a request's route (JSON 1 MB, an image 14 MB, a video per
 * ANALYSIS_MAX_BYTES), as Hono's `bodyLimit`, which answers 413 by throwing; none for GET and
 * HEAD, which carry no body (reading one would build the fetch Request for nothing).
 */
export function bodyLimitFor(
  analysisMaxBytes: number,
): (c: Context) => MiddlewareHandler | undefined {
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
  const analysis = bodyLimit({
    maxSize: analysisBodyLimitBytes(analysisMaxBytes),
    onError: () => {
      const megabytes = Math.floor(analysisMaxBytes / 1024 / 1024);
      throw new HTTPException(413, { message: `The file is larger than ${megabytes} MB.` });
    },
  });
  return (c) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return undefined;
    if (analysisUploadPaths.has(c.req.path)) return analysis;
    return mediaUploadPaths.has(c.req.path) ? media : json;
  };
}

/**
 * Runs a request's work under its timeout: past `ms` it throws TIMEOUT (504) and stops the
 * work: the request's signal (`requestSignal`) aborts with that error, so procedures and the
 * AI call end instead of running on (a metered call is then refunded and nothing is stored).
 * Streamed answers have no timeout; they, like every request, stop when shutdown cuts work.
 */
export function timeoutRunner(ms: number, lifecycle: Lifecycle) {
  const untimed = () => [lifecycle.workCut];
  return async (c: Context<AppEnv>, work: () => Promise<void>): Promise<void> => {
    if (streamingPaths.test(c.req.path)) {
      c.set('serverStops', untimed);
      return work();
    }
    const deadline = new AbortController();
    // A signal is built only when the request's work asks for one (`requestSignal`).
    c.set('serverStops', () => [deadline.signal, lifecycle.workCut]);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new AppError('TIMEOUT', `No answer within ${ms} ms.`);
        deadline.abort(error);
        reject(error);
      }, ms);
    });
    try {
      await Promise.race([work(), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}
