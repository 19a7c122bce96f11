export {
  type DriverSuite,
  describeEachDriver,
  describeOnDriver,
  type OpenDatabaseOptions,
  type TestDriver,
  testDrivers,
} from './testing/drivers.js';
export {
  createTestDatabase,
  missingDatabaseMessage,
  type TestDatabase,
} from './testing/test-database.js';
