/**
 * `pnpm kv:bridge`: a real Redis for development without Docker. Serves the Upstash REST
 * protocol (the bridge the key-value suites are tested through) in front of a local
 * redis-server, starting one when nothing answers at the default address.
 *
 *   KV_BRIDGE_PORT   8079                     where the bridge listens (on 127.0.0.1)
 *   KV_BRIDGE_TOKEN  aria-local-bridge-token  the bearer token clients send
 *   REDIS_URL        redis://127.0.0.1:6379   the Redis behind it
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Redis as IORedis } from 'ioredis';
import { startUpstashBridge } from '../src/testing/upstash-bridge.js';

const defaultRedisUrl = 'redis://127.0.0.1:6379';
const redisUrl = process.env.REDIS_URL || defaultRedisUrl;
const port = Number(process.env.KV_BRIDGE_PORT ?? 8079);
const token = process.env.KV_BRIDGE_TOKEN || 'aria-local-bridge-token';

async function answers(url: string): Promise<boolean> {
  const redis = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A throw-away redis-server on the default port: no persistence, stopped with the bridge. */
async function startRedisServer(): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(`cannot start redis-server (${error.message}); install Redis or set REDIS_URL`),
      ),
    );
  });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await Promise.race([answers(defaultRedisUrl), failed])) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('redis-server did not answer on 127.0.0.1:6379');
}

async function main() {
  let redisServer: ChildProcess | undefined;
  if (!(await answers(redisUrl))) {
    if (redisUrl !== defaultRedisUrl) throw new Error(`no Redis answers at ${redisUrl}`);
    redisServer = await startRedisServer();
    process.stdout.write(
      'started redis-server on 127.0.0.1:6379 (in memory, stops with the bridge)\n',
    );
  }
  const bridge = await startUpstashBridge({ redisUrl, token, port });
  process.stdout.write(
    [
      `Upstash REST bridge on ${bridge.url} -> ${redisUrl}`,
      'Point the server at it:',
      `  UPSTASH_REDIS_REST_URL=${bridge.url} UPSTASH_REDIS_REST_TOKEN=${bridge.token} pnpm dev`,
      '',
    ].join('\n'),
  );
  // Ctrl-C reaches this process twice (from the terminal and from pnpm): stop once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    bridge.close().finally(() => {
      redisServer?.kill();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`kv:bridge: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
