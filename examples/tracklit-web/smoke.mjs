// Calls a running Aria server with the installed package: node smoke.mjs http://localhost:8000/trpc
import { createAriaClient } from '@aria/client';

const url = process.argv[2] ?? 'http://localhost:8000/trpc';
const health = await createAriaClient({ url }).health.query();
if (!(health.time instanceof Date)) throw new Error(`health.time is not a Date: ${health.time}`);
console.log(JSON.stringify({ status: health.status, time: health.time.toISOString() }));
