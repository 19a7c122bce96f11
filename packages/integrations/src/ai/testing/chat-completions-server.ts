import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A local HTTP server that speaks the OpenAI Chat Completions protocol, for tests only: JSON
 * completions, `stream: true` server-sent chunks (with `stream_options.include_usage`), and
 * scripted failures. Requests are recorded so tests can check what the SDK sent.
 */

export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: ChatRequestBody;
}

export interface ChatRequestBody {
  readonly model: string;
  readonly messages: ReadonlyArray<{ role: string; content: unknown }>;
  readonly stream?: boolean;
  readonly stream_options?: { include_usage?: boolean };
  readonly response_format?: { type: string; json_schema?: { name: string; strict?: boolean } };
  readonly temperature?: number;
}

export type ScriptedReply =
  /** `content` is sent as it is: an object is JSON-encoded, a string is sent raw. */
  | {
      readonly kind: 'answer';
      readonly content: object | string;
      readonly usage?: { prompt: number; completion: number };
      /** Streaming: characters per chunk and pause between chunks. */
      readonly chunkSize?: number;
      /** Streaming: the pause between chunks; otherwise the wait before the answer. */
      readonly delayMs?: number;
    }
  | { readonly kind: 'error'; readonly status: number; readonly message?: string }
  /** Accepts the request and never answers (timeouts). */
  | { readonly kind: 'hang' };

export interface ChatCompletionsServer {
  /** The SDK's `baseURL`: `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly requests: RecordedRequest[];
  /** Replies used in order; when none is left, `fallback` answers. */
  script(...replies: ScriptedReply[]): void;
  /** Streams whose client went away before the end (aborted). */
  readonly abortedStreams: () => number;
  /** Completions (not streamed) whose client went away during `delayMs`. */
  readonly abortedCompletions: () => number;
  reset(): void;
  close(): Promise<void>;
}

export const testAnswer = {
  analysis: 'Your acceleration is limited by an early rise.',
  recommendation: 'Do 6 × 20 m block starts with full recovery.',
  bibliography: [{ title: 'Acceleration mechanics', url: null, articleId: null }],
};

/** A mechanics analysis as a vision model answers it (`response_format` sprint_mechanics). */
export const testMechanicsAnalysis = {
  summary: 'Good front-side mechanics; the trunk rises early in the acceleration.',
  posture: {
    rating: 'needs_work',
    observation: 'The trunk is upright by the third step.',
    cue: 'Push the ground away and stay low for six steps.',
  },
  shinAngles: {
    rating: 'good',
    observation: 'The shins are parallel to the trunk at touchdown.',
    cue: '',
  },
  groundContact: {
    rating: 'good',
    observation: 'Feet land under the hips on the ball of the foot.',
    cue: '',
  },
  armAction: {
    rating: 'needs_work',
    observation: 'The arms cross the midline.',
    cue: 'Hands from hip to cheek, elbows close.',
  },
  drills: ['Wall drill', 'Falling starts'],
};

const defaultReply: ScriptedReply = { kind: 'answer', content: testAnswer };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function usageOf(reply: Extract<ScriptedReply, { kind: 'answer' }>) {
  const prompt = reply.usage?.prompt ?? 120;
  const completion = reply.usage?.completion ?? 40;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function completion(body: ChatRequestBody, reply: Extract<ScriptedReply, { kind: 'answer' }>) {
  const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: usageOf(reply),
  };
}

async function streamCompletion(
  res: ServerResponse,
  body: ChatRequestBody,
  reply: Extract<ScriptedReply, { kind: 'answer' }>,
  onAbort: () => void,
): Promise<void> {
  const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
  const size = reply.chunkSize ?? 12;
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  const base = {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: body.model,
  };
  const send = (data: object) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  let closed = false;
  res.on('close', () => {
    if (!res.writableFinished) {
      closed = true;
      onAbort();
    }
  });
  for (let at = 0; at < content.length && !closed; at += size) {
    const delta =
      at === 0
        ? { role: 'assistant', content: content.slice(at, at + size) }
        : { content: content.slice(at, at + size) };
    send({ ...base, choices: [{ index: 0, delta, finish_reason: null }] });
    if (reply.delayMs) await sleep(reply.delayMs);
  }
  if (closed) return;
  send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  if (body.stream_options?.include_usage) send({ ...base, choices: [], usage: usageOf(reply) });
  res.end('data: [DONE]\n\n');
}

export async function startChatCompletionsServer(
  apiKey = 'sk-test-local',
): Promise<ChatCompletionsServer> {
  const requests: RecordedRequest[] = [];
  let queue: ScriptedReply[] = [];
  let aborted = 0;
  let abortedCompletions = 0;
  const sockets = new Set<Socket>();

  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    const path = req.url ?? '';
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ error: { message: 'Incorrect API key', type: 'invalid_request_error' } }),
      );
      return;
    }
    const body = JSON.parse(text) as ChatRequestBody;
    requests.push({ path, authorization: req.headers.authorization, body });
    const reply = queue.shift() ?? defaultReply;
    if (path !== '/v1/chat/completions') {
      res.writeHead(404).end();
    } else if (reply.kind === 'hang') {
      // never answers; closed with the server
    } else if (reply.kind === 'error') {
      res.writeHead(reply.status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ error: { message: reply.message ?? 'failure', type: 'server_error' } }),
      );
    } else if (body.stream) {
      await streamCompletion(res, body, reply, () => {
        aborted += 1;
      });
    } else {
      if (reply.delayMs) await sleep(reply.delayMs);
      if (res.destroyed) {
        abortedCompletions += 1;
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(completion(body, reply)));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    script: (...replies) => {
      queue.push(...replies);
    },
    abortedStreams: () => aborted,
    abortedCompletions: () => abortedCompletions,
    reset: () => {
      queue = [];
      requests.length = 0;
      aborted = 0;
      abortedCompletions = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
