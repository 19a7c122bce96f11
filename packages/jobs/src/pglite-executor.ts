import type { PGlite } from '@electric-sql/pglite';

/**
 * pg-boss's database interface over embedded PGlite. pg-boss sends its schema and
 * maintenance scripts as several statements without parameters (PGlite's `exec`), and every
 * other command as one parameterised statement (`query`). PGlite runs one statement at a
 * time for the whole process, so pg-boss's locking behaves as on a server.
 */
export function pgliteExecutor(pglite: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
      if (values === undefined || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await pglite.query(text, values);
      return { rows: result.rows };
    },
  };
}
