export { type JobsTestDatabase, openJobsTestDatabase } from './database.js';
export { eventually } from './eventually.js';
