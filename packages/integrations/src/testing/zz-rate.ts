import { startUpstashBridge } from './upstash-bridge.js';
import { createUpstashStore } from '../kv/upstash.js';
import { execFileSync } from 'node:child_process';
const bridge = await startUpstashBridge({ redisUrl: 'redis://127.0.0.1:6379' });
execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)]);
const kv = createUpstashStore(bridge);
for (const rate of [1000, 1000]) {
  const lat: number[] = [];
  const start = performance.now();
  const total = rate * 5;
  const pending: Promise<void>[] = [];
  let i = 0;
  while (i < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    for (; i < due; i++) {
      const dueAt = start + (i / rate) * 1000;
      pending.push(kv.get('k' + (i % 50)).then(() => { lat.push(performance.now() - dueAt); }));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, start + (i / rate) * 1000 - performance.now())));
  }
  await Promise.all(pending);
  lat.sort((a, b) => a - b);
  console.log(rate, 'p50', lat[lat.length >> 1].toFixed(2), 'p99', lat[Math.floor(lat.length * 0.99)].toFixed(2), 'max', lat[lat.length - 1].toFixed(1));
}
await kv.close(); await bridge.close();
