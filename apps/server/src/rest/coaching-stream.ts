import { type CoachingStreamEvent, problemFromTrpcError } from '@aria/api';
import { AppError, type Problem, toProblem } from '@aria/core';
import { TRPCError } from '@trpc/server';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../app-env.js';

function problemOf(error: unknown, requestId: string): Problem {
  if (error instanceof AppError) {
    return toProblem({
      code: error.code,
      detail: error.detail,
      requestId,
      extensions: error.options.extensions,
    });
  }
  if (error instanceof TRPCError) return problemFromTrpcError(error, requestId);
  return toProblem({ code: 'INTERNAL', requestId });
}

/**
 * Sends a streamed answer as server-sent events: `delta` ({ field, text }) events, then one
 * `answer` event (the complete answer), or an `error` event (a problem) when it fails after
 * the stream has started, shutdown included. A client that disconnects aborts `controller`
 * (and with it the provider call) and ends the stream.
 */
export function sendAnswerEvents(
  c: Context<AppEnv>,
  events: AsyncIterable<CoachingStreamEvent>,
  controller: AbortController,
): Response {
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => controller.abort());
    let id = 0;
    try {
      for await (const event of events) {
        if (stream.aborted) break;
        id += 1;
        const data =
          event.type === 'delta' ? { field: event.field, text: event.text } : event.answer;
        await stream.writeSSE({ id: String(id), event: event.type, data: JSON.stringify(data) });
      }
    } catch (error) {
      if (stream.aborted || controller.signal.aborted) return;
      const problem = problemOf(error, c.get('requestId'));
      if (problem.code === 'INTERNAL') {
        c.get('logger').error({ err: error, route: c.req.path }, 'stream failed');
      }
      await stream.writeSSE({ event: 'error', data: JSON.stringify(problem) });
    }
  });
}
