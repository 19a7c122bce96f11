import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from '@upstash/redis';
import { describe, expect, it } from 'vitest';
import { redisRequirement } from '../src/testing/redis-requirement.js';

const packageDir = join(import.meta.dirname, '..');
const redis = redisRequirement();

describe.skipIf(redis.skipReason !== undefined)('pnpm kv:bridge', () => {
  it('serves Upstash REST over the local Redis, prints the line for pnpm dev, stops on Ctrl-C', async () => {
    // As the package script runs it: `node --import tsx`, no wrapper process.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/kv-bridge.ts'], {
      cwd: packageDir,
      env: {
        PATH: process.env.PATH ?? '',
        REDIS_URL: redis.requireRedisUrl(),
        KV_BRIDGE_PORT: '0',
        KV_BRIDGE_TOKEN: 'kv-bridge-test-token',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      let line: RegExpMatchArray | null = null;
      for (let waited = 0; !line && waited < 20_000 && child.exitCode === null; waited += 100) {
        line = stdout.match(/UPSTASH_REDIS_REST_URL=(\S+) UPSTASH_REDIS_REST_TOKEN=(\S+) pnpm dev/);
        if (!line) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [, url = '', token = ''] = line ?? [];
      expect(token).toBe('kv-bridge-test-token');

      const client = new Redis({ url, token });
      const key = `test:${randomUUID()}:kv-bridge`;
      await client.set(key, { ok: 1 }, { ex: 60 });
      expect(await client.get(key)).toEqual({ ok: 1 });
      await client.del(key);

      const refused = await fetch(url, { method: 'POST', body: '["PING"]' });
      expect(refused.status).toBe(401);

      // Ctrl-C under pnpm arrives twice: from the terminal and forwarded by pnpm.
      child.kill('SIGINT');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 40_000);
});
