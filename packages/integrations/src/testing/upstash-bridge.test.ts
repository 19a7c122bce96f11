import { createHash, randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUpstashStore } from '../kv/upstash.js';
import { rewriteShebang } from './lua-shebang.js';
import { redisRequirement } from './redis-requirement.js';
import { serviceSuite } from './service-suite.js';
import { startUpstashBridge, type UpstashBridge } from './upstash-bridge.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const LOCKING_SCRIPT = '#!lua flags=allow-key-locking\nreturn ARGV[1]';

describe('rewriteShebang', () => {
  it('drops allow-key-locking and keeps the rest of the script and its line count', () => {
    expect(rewriteShebang(LOCKING_SCRIPT)).toBe('#!lua\nreturn ARGV[1]');
    expect(rewriteShebang('#!lua flags=no-writes,allow-key-locking\nreturn 1')).toBe(
      '#!lua flags=no-writes\nreturn 1',
    );
  });

  it('leaves other scripts alone', () => {
    for (const script of [
      'return 1',
      '#!lua flags=no-writes\nreturn 1',
      '\n#!lua flags=allow-key-locking',
    ]) {
      expect(rewriteShebang(script)).toBe(script);
    }
  });
});

describe('startUpstashBridge over the real redis-server', () => {
  const redis = redisRequirement();
  const prefix = `test:${randomUUID()}:bridge:`;
  const key = (name: string) => `${prefix}${name}`;
  const suite = serviceSuite({
    skipReason: redis.skipReason,
    start: () => startUpstashBridge({ redisUrl: redis.requireRedisUrl(), token: 'secret' }),
    stop: async (bridge: UpstashBridge) => {
      try {
        await createUpstashStore(bridge, { retry: false }).deleteByPrefix(prefix);
      } finally {
        await bridge.close();
      }
    },
  });
  beforeAll(suite.setup);
  beforeEach(suite.guard);
  afterAll(suite.teardown);
  const started = () => suite.current();

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${started().url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${started().token}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('answers 401 without the right bearer token', async () => {
    for (const authorization of [undefined, 'Bearer wrong', 'secret', 'Bearer secret2']) {
      const response = await fetch(started().url, {
        method: 'POST',
        headers: authorization === undefined ? {} : { authorization },
        body: JSON.stringify(['PING']),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'Unauthorized' });
    }
  });

  it('runs one command and answers {result}', async () => {
    expect(await post('/', ['set', key('plain'), 'héllo ✓', 'EX', 60])).toEqual({
      status: 200,
      body: { result: 'OK' },
    });
    expect(await post('/', ['get', key('plain')])).toEqual({
      status: 200,
      body: { result: 'héllo ✓' },
    });
  });

  it('answers a Redis error with 400 {error}', async () => {
    const wrongArity = await post('/', ['get']);
    expect(wrongArity.status).toBe(400);
    expect(wrongArity.body).toEqual({
      error: expect.stringMatching(/^ERR wrong number of arguments/),
    });

    await post('/', ['set', key('string'), 'x']);
    const wrongType = await post('/', ['lpush', key('string'), 'y']);
    expect(wrongType).toEqual({
      status: 400,
      body: { error: expect.stringMatching(/^WRONGTYPE/) },
    });

    expect((await post('/', { not: 'a command' })).status).toBe(400);
  });

  it('base64-encodes every string, nested too, except OK, with Upstash-Encoding: base64', async () => {
    const base64 = { 'Upstash-Encoding': 'base64' };
    expect((await post('/', ['set', key('encoded'), 'héllo ✓'], base64)).body).toEqual({
      result: 'OK',
    });
    expect((await post('/', ['get', key('encoded')], base64)).body).toEqual({
      result: b64('héllo ✓'),
    });
    expect((await post('/', ['get', key('missing')], base64)).body).toEqual({ result: null });
    expect((await post('/', ['incr', key('count')], base64)).body).toEqual({ result: 1 });
    expect((await post('/', ['ping'], base64)).body).toEqual({ result: b64('PONG') });
    const nested = await post('/', ['eval', "return {1, 'two', {'three', 4}}", 0], base64);
    expect(nested.body).toEqual({ result: [1, b64('two'), [b64('three'), 4]] });
  });

  it('runs a pipeline, one outcome per command, errors included', async () => {
    const response = await post('/pipeline', [
      ['set', key('pipe'), '1'],
      ['incr', key('pipe')],
      ['get'],
      ['get', key('pipe')],
    ]);
    expect(response).toEqual({
      status: 200,
      body: [
        { result: 'OK' },
        { result: 2 },
        { error: expect.stringMatching(/^ERR wrong number of arguments/) },
        { result: '2' },
      ],
    });
  });

  it('runs multi-exec inside MULTI/EXEC', async () => {
    const response = await post(
      '/multi-exec',
      [
        ['set', key('tx'), '1'],
        ['incr', key('tx')],
        ['lpush', key('tx'), 'x'],
        ['get', key('tx')],
      ],
      { 'Upstash-Encoding': 'base64' },
    );
    expect(response).toEqual({
      status: 200,
      body: [
        { result: 'OK' },
        { result: 2 },
        { error: expect.stringMatching(/^WRONGTYPE/) },
        { result: b64('2') },
      ],
    });

    const aborted = await post('/multi-exec', [['set', key('tx'), '9'], ['no-such-command']]);
    expect(aborted).toEqual({ status: 400, body: { error: expect.stringMatching(/^EXECABORT/) } });
    expect((await post('/', ['get', key('tx')])).body).toEqual({ result: '2' });
  });

  it('runs allow-key-locking scripts via EVAL, EVALSHA and SCRIPT LOAD under their own hash', async () => {
    expect((await post('/', ['eval', LOCKING_SCRIPT, 0, 'via eval'])).body).toEqual({
      result: 'via eval',
    });
    expect((await post('/', ['evalsha', sha1(LOCKING_SCRIPT), 0, 'via evalsha'])).body).toEqual({
      result: 'via evalsha',
    });

    const loaded = `${LOCKING_SCRIPT} .. '!'`;
    expect((await post('/', ['script', 'load', loaded])).body).toEqual({ result: sha1(loaded) });
    expect((await post('/', ['script', 'exists', sha1(loaded)])).body).toEqual({ result: [1] });
    expect((await post('/', ['evalsha', sha1(loaded), 0, 'x'])).body).toEqual({ result: 'x!' });
  });

  it('serves the @upstash/redis client (base64, auto-pipelining, script fallback)', async () => {
    const client = new Redis({
      url: started().url,
      token: 'secret',
      retry: false,
      enableTelemetry: false,
    });
    const [, value] = await Promise.all([
      client.set(key('client'), { ok: true }, { ex: 60 }),
      client.get<{ ok: boolean }>(key('client')),
    ]);
    expect(value).toEqual({ ok: true });
    const script = client.createScript<string>(`${LOCKING_SCRIPT} .. '?'`);
    expect(await script.exec([], ['a'])).toBe('a?');
    expect(await script.exec([], ['b'])).toBe('b?');
  });
});
