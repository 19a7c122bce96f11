export {
  type DriverSuite,
  describeEachDriver,
  describeOnDriver,
  type OpenDatabaseOptions,
  type TestDriver,
  testDrivers,
} from './drivers.js';
export { migratedSnapshot, openEmbeddedTestDatabase } from './embedded.js';
export { newTestAthlete, outboxEventsOf } from './records.js';
export {
  createTestDatabase,
  missingDatabaseMessage,
  type TestDatabase,
} from './test-database.js';
