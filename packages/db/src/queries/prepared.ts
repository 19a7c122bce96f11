import type { AriaDatabase } from '../client.js';

/**
 * One prepared statement per database handle, built on first use: drizzle then renders the SQL
 * once instead of on every call, and PostgreSQL plans it once per connection. For the queries
 * every request runs (the athlete read, the tier lookup).
 */
export function preparedPer<T>(build: (db: AriaDatabase) => T): (db: AriaDatabase) => T {
  const statements = new WeakMap<AriaDatabase, T>();
  return (db) => {
    let statement = statements.get(db);
    if (statement === undefined) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
