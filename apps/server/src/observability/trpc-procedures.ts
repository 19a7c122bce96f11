import { appRouter } from '@aria/api';

/** The tRPC procedure paths the router serves (`athletes.get`, …): a bounded label set. */
export const trpcProcedurePaths: ReadonlySet<string> = new Set(
  Object.keys(appRouter._def.procedures),
);

/**
 * The procedure paths a tRPC request names: `/trpc/a.b` → `['a.b']`, a batch
 * `/trpc/a.b,c.d?batch=1` → `['a.b', 'c.d']`. Empty for anything else under the endpoint.
 */
export function procedurePathsOf(path: string, endpoint: string): string[] {
  const prefix = `${endpoint}/`;
  if (!path.startsWith(prefix)) return [];
  const rest = decodeURIComponentSafe(path.slice(prefix.length));
  return rest === '' ? [] : rest.split(',').map((name) => name.trim());
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
