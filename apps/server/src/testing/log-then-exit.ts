// Run as a child process by logger.test.ts: logs `LINES` lines with the default (asynchronous)
// destination, then exits at once the way main.ts does, before any write had time to finish;
// with STAY=1 it does not exit (until killed), to show a short batch is written meanwhile;
// with DRAIN=1 it leaves the process to end when its event loop runs dry.
import { createLogger } from '../logger.js';

const logger = createLogger({ logLevel: 'info' });
const lines = Number(process.env.LINES);
for (let n = 0; n < lines; n++) logger.info({ n }, 'line');
if (process.env.STAY === '1') setInterval(() => {}, 60_000);
else if (process.env.DRAIN !== '1') process.exit(Number(process.env.EXIT_CODE ?? 0));
