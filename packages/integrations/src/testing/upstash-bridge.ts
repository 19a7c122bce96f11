import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis as IORedis } from 'ioredis';
import { createScriptCompat, type PreparedCommand, type RedisCommand } from './lua-shebang.js';
import { encodeBase64, type Reply, toReply } from './upstash-encoding.js';

export interface UpstashBridgeOptions {
  /** The real Redis to forward to, e.g. redis://127.0.0.1:6379. */
  readonly redisUrl: string;
  /** The bearer token clients must send; random when omitted. */
  readonly token?: string;
  /** Where to listen: 127.0.0.1 and a port the OS picks unless given. */
  readonly host?: string;
  /** The port to listen on (e.g. to start a bridge again where a stopped one was); 0 picks one. */
  readonly port?: number;
}

export interface UpstashBridge {
  /** http://127.0.0.1:<port>: pass as the Upstash REST URL. */
  readonly url: string;
  readonly token: string;
  /** The paths of the requests answered so far (`/`, `/pipeline`, …): one per round trip. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

type Outcome = { result: Reply } | { error: string };

class BadRequest extends Error {}

/**
 * A local stand-in for the Upstash REST API over a real redis-server, for tests and for
 * `pnpm kv:bridge`: POST `/` with one command (a JSON array such as `["SET","k","v"]`),
 * `/pipeline` and `/multi-exec` with a list of commands; each answer is `{ result }` or
 * `{ error }`, base64-encoded when the client sends `Upstash-Encoding: base64`.
 */
export async function startUpstashBridge(options: UpstashBridgeOptions): Promise<UpstashBridge> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const redis = await connectRedis(options.redisUrl);
  const prepare = createScriptCompat();
  const requests: string[] = [];

  const finish = (prepared: PreparedCommand, value: unknown): Reply =>
    prepared.reply ?? toReply(value);

  const runOne = async (command: RedisCommand): Promise<Outcome> => {
    const prepared = prepare(command);
    try {
      return { result: finish(prepared, await redis.call(...prepared.args)) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  };

  const runBatch = async (commands: RedisCommand[], atomic: boolean): Promise<Outcome[]> => {
    if (commands.length === 0) return [];
    const batch = atomic ? redis.multi() : redis.pipeline();
    const prepared = commands.map(prepare);
    for (const command of prepared) batch.call(...command.args);
    // A transaction with a rejected command fails as a whole (EXECABORT): answer 400 {error}.
    const replies = await batch.exec().catch((error: unknown) => {
      throw atomic ? new BadRequest(errorMessage(error)) : error;
    });
    if (replies === null) throw new BadRequest('ERR transaction aborted');
    return replies.map(([error, value], index): Outcome => {
      const command = prepared[index];
      if (error !== null || command === undefined) return { error: errorMessage(error) };
      return { result: finish(command, value) };
    });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!isAuthorised(request.headers.authorization, token)) {
      return send(response, 401, { error: 'Unauthorized' });
    }
    if (request.method !== 'POST') return send(response, 405, { error: 'ERR use POST' });
    const encoding = request.headers['upstash-encoding'];
    const base64 = typeof encoding === 'string' && encoding.toLowerCase() === 'base64';
    const encode = (outcome: Outcome): Outcome =>
      'result' in outcome && base64 ? { result: encodeBase64(outcome.result) } : outcome;
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    const body = await readJson(request);

    if (path === '/') {
      const outcome = encode(await runOne(toCommand(body)));
      return send(response, 'error' in outcome ? 400 : 200, outcome);
    }
    if (path === '/pipeline' || path === '/multi-exec') {
      if (!Array.isArray(body)) throw new BadRequest('ERR expected an array of commands');
      const outcomes = await runBatch(body.map(toCommand), path === '/multi-exec');
      return send(response, 200, outcomes.map(encode));
    }
    return send(response, 404, { error: `ERR unknown path ${path}` });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      send(response, error instanceof BadRequest ? 400 : 500, { error: errorMessage(error) });
    });
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, host, options.port ?? 0).catch(async (error: unknown) => {
    redis.disconnect();
    throw error;
  });

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    token,
    requests,
    close: () => {
      closing ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await redis.quit().catch(() => redis.disconnect());
      })();
      return closing;
    },
  };
}

async function connectRedis(redisUrl: string): Promise<IORedis> {
  const redis = new IORedis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => (attempt > 3 ? null : attempt * 100),
  });
  // Connection errors reach callers as rejected commands; without a listener ioredis also
  // logs each one as an "Unhandled error event".
  let lastError: unknown;
  redis.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await redis.connect();
    return redis;
  } catch (error) {
    redis.disconnect();
    const cause = lastError ?? error;
    throw new Error(`Upstash bridge: cannot reach Redis at ${redisUrl}: ${errorMessage(cause)}`, {
      cause,
    });
  }
}

function isAuthorised(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A JSON command array → strings for Redis (numbers and booleans as Upstash sends them). */
function toCommand(value: unknown): RedisCommand {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BadRequest('ERR a command must be a non-empty JSON array');
  }
  const args = value.map((arg: unknown) => {
    if (typeof arg === 'string') return arg;
    if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
    throw new BadRequest('ERR command arguments must be strings, numbers or booleans');
  });
  const [name = '', ...rest] = args;
  return [name.toUpperCase(), ...rest];
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('ERR the request body is not JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
