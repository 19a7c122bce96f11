// Run as a child process by logger.test.ts: logs `LINES` lines with the default (asynchronous)
// destination, then exits at once the way main.ts does, before any write had time to finish.
import { createLogger } from '../logger.js';

const logger = createLogger({ logLevel: 'info' });
const lines = Number(process.env.LINES);
for (let n = 0; n < lines; n++) logger.info({ n }, 'line');
process.exit(Number(process.env.EXIT_CODE ?? 0));
