import { metered } from '../metering/middleware.js';

/** The "any other call" rate of the caller's tier; use after `.input(...)`. */
export const meteredCall = metered({ bucket: 'default' });
