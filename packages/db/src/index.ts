export {
  type AriaDatabase,
  type AriaSchema,
  type AriaTransaction,
  type CreateDbOptions,
  createDb,
  type DatabaseConfig,
  type DatabaseDriver,
  type DatabaseHandle,
  migrate,
} from './client.js';
export {
  isCheckViolation,
  isForeignKeyViolation,
  isUniqueViolation,
  PgErrorCode,
  pgErrorCode,
} from './errors.js';
export * from './queries/index.js';
export * from './schema/index.js';
export {
  demoAthleteId,
  demoCoachId,
  demoFreeAthleteId,
  type SeedOptions,
  seedDevelopmentData,
} from './seed.js';
export { demoHistoryDays } from './seed-history.js';
