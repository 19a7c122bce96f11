// Run as a child process by logger.test.ts: logs `LINES` lines with the default (asynchronous)
// destination, then exits at once the way main.ts does, before any write had time to finish;
// with STAY=1 it does not exit (until killed), to show a short batch is written meanwhile;
// with DRAIN=1 it leaves the process to end when its event loop runs dry;
// with BUSY_AT_EXIT=1 (and UV_THREADPOOL_SIZE=1) the process's end first gives libuv's one
// thread a long hash to compute, so that a write handed to the thread pool then would wait.
import { pbkdf2 } from 'node:crypto';
import { createLogger } from '../logger.js';

const logger = createLogger({ logLevel: 'info' });
if (process.env.BUSY_AT_EXIT === '1') {
  process.prependListener('exit', () => pbkdf2('p', 's', 1_000_000, 64, 'sha512', () => {}));
}
const lines = Number(process.env.LINES);
for (let n = 0; n < lines; n++) logger.info({ n }, 'line');
if (process.env.STAY === '1') setInterval(() => {}, 60_000);
else if (process.env.DRAIN !== '1') process.exit(Number(process.env.EXIT_CODE ?? 0));
