import { type ApiDeps, appRouter } from '@aria/api';
import type { TRPCError } from '@trpc/server';
import {
  type AnyProcedure,
  emptyObject,
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  TRPCError as TRPCErrorClass,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requestHeader } from '../middleware/node-bindings.js';
import { logProcedureFailure, procedureContext, statusOfFailedCalls } from './trpc-calls.js';

/**
 * GET queries, single or batched and not streamed, answered the way tRPC's fetch adapter
 * answers them (same bodies, statuses and errors, built with tRPC's own functions) without
 * what the adapter builds per request: a fetch `Request` and its abort signals, a parsed
 * `URL`, a `Headers`. The profile of a public query showed those costing more than the
 * query. Anything else (a mutation, a stream, an unknown procedure, a batch over the limit,
 * other query parameters) returns `undefined` and goes to the fetch adapter.
 */
export interface LeanQueryCall {
  readonly isBatch: boolean;
  readonly calls: ReadonlyArray<{ readonly path: string; readonly procedure: AnyProcedure }>;
  /** The raw `input` query parameter, parsed only when a procedure reads its input. */
  readonly input: string | null;
}

const procedureList = /^[\w.]+(?:,[\w.]+)*$/;

export async function leanQueryCall(
  c: Context<AppEnv>,
  endpoint: string,
  maxBatchSize: number,
): Promise<LeanQueryCall | undefined> {
  if (c.req.method !== 'GET') return undefined;
  // A stream is asked for by trpc-accept; tRPC picks its reader by content type.
  if (requestHeader(c, 'trpc-accept') !== undefined) return undefined;
  if (requestHeader(c, 'content-type') !== undefined) return undefined;
  const list = c.req.path.slice(endpoint.length + 1);
  if (!procedureList.test(list)) return undefined;
  const url = c.req.url;
  const queryAt = url.indexOf('?');
  const params = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
  for (const name of params.keys()) if (name !== 'batch' && name !== 'input') return undefined;
  const isBatch = params.get('batch') === '1';
  const paths = isBatch ? list.split(',') : [list];
  if ((!isBatch && list.includes(',')) || paths.length > maxBatchSize) return undefined;
  const calls = [];
  for (const path of paths) {
    const procedure = await getProcedureAtPath(appRouter, path);
    if (procedure?._def.type !== 'query') return undefined;
    calls.push({ path, procedure });
  }
  return { isBatch, calls, input: params.get('input') };
}

/** tRPC's GET input handling: one input, or an object of inputs by batch index; deserialized. */
function inputReader(query: LeanQueryCall) {
  const transformer = appRouter._def._config.transformer;
  let inputs: Record<number, unknown> | undefined;
  let failure: unknown;
  const read = (): Record<number, unknown> => {
    if (inputs) return inputs;
    if (failure !== undefined) throw failure;
    try {
      const parsed: unknown = query.input ? JSON.parse(query.input) : undefined;
      const byIndex: Record<number, unknown> = emptyObject();
      if (parsed !== undefined && !query.isBatch) {
        byIndex[0] = transformer.input.deserialize(parsed);
      } else if (parsed !== undefined) {
        if (!isObject(parsed)) {
          throw new TRPCErrorClass({
            code: 'BAD_REQUEST',
            message: '"input" needs to be an object when doing a batch call',
          });
        }
        for (const index of query.calls.keys()) {
          const input = parsed[index];
          if (input !== undefined) byIndex[index] = transformer.input.deserialize(input);
        }
      }
      inputs = byIndex;
      return inputs;
    } catch (cause) {
      // As tRPC's input reader: what is not already a tRPC error is the caller's bad input.
      failure =
        cause instanceof TRPCErrorClass
          ? cause
          : new TRPCErrorClass({
              code: 'BAD_REQUEST',
              message: cause instanceof Error ? cause.message : 'Invalid input',
              cause,
            });
      throw failure;
    }
  };
  return { read, readSoFar: (index: number) => inputs?.[index] };
}

/** A value tRPC would stream: it refuses those on a non-streaming request. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const members = Object.values(value);
  return members.some(isPromise) || members.some(isAsyncIterable);
}

export async function answerQueries(
  c: Context<AppEnv>,
  deps: ApiDeps,
  query: LeanQueryCall,
): Promise<Response> {
  const config = appRouter._def._config;
  const resHeaders = new Headers();
  const ctx = procedureContext(c, deps, resHeaders, { streamable: false, signal: undefined });
  const inputs = inputReader(query);
  type Outcome =
    | { readonly ok: true; readonly data: unknown }
    | { readonly ok: false; readonly error: TRPCError };
  const outcomes = await Promise.all(
    query.calls.map(async ({ path, procedure }, index): Promise<Outcome> => {
      try {
        const data: unknown = await procedure({
          path,
          getRawInput: async () => inputs.read()[index],
          ctx,
          type: 'query',
          signal: undefined,
          batchIndex: index,
        });
        if (isDataStream(data)) {
          throw new TRPCErrorClass({
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message:
              'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
          });
        }
        return { ok: true, data };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        logProcedureFailure(c, error, path);
        return { ok: false, error };
      }
    }),
  );
  const errors: TRPCError[] = [];
  const answers = outcomes.map((outcome, index) => {
    if (outcome.ok) return { result: { data: outcome.data } };
    errors.push(outcome.error);
    const path = query.calls[index]?.path ?? '';
    return {
      error: getErrorShape({
        config,
        ctx,
        error: outcome.error,
        input: inputs.readSoFar(index),
        path,
        type: 'query',
      }),
    };
  });
  const status = statusOfFailedCalls(errors, query.calls.length) ?? getHTTPStatusCode(answers);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    vary: 'trpc-accept, accept, Origin',
  };
  for (const [name, value] of resHeaders) headers[name] = value;
  const body = query.isBatch ? answers : answers[0];
  return new Response(JSON.stringify(transformTRPCResponse(config, body ?? answers)), {
    status,
    headers,
  });
}
