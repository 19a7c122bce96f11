import type { AnyTRPCProcedure } from '@trpc/server';
import type { AppRouter } from './types.js';

type Procedures = AppRouter['_def']['record'];
type TypeOf<P> = P extends AnyTRPCProcedure ? P['_def']['type'] : never;

/** Dotted paths of the router's procedures of one type, e.g. `'coaching.ask'` for mutations. */
export type ProcedurePath<T extends 'query' | 'mutation' | 'subscription'> = {
  [K in keyof Procedures & string]: Procedures[K] extends AnyTRPCProcedure
    ? TypeOf<Procedures[K]> extends T
      ? K
      : never
    : {
        [P in keyof Procedures[K] & string]: TypeOf<Procedures[K][P]> extends T
          ? `${K}.${P}`
          : never;
      }[keyof Procedures[K] & string];
}[keyof Procedures & string];

export type MutationPath = ProcedurePath<'mutation'>;
/** A query's path, or a router's name standing for all of its queries. */
export type QueryScope = ProcedurePath<'query'> | Exclude<keyof Procedures & string, 'health'>;

/**
 * What each mutation changes on the server, as the query paths (and routers) to refetch
 * after it succeeds. A router name ('athletes') stands for all of its queries.
 */
export const invalidations: { readonly [path in MutationPath]: readonly QueryScope[] } = {
  'admin.replayEvent': ['admin.parkedEvents', 'admin.auditLog'],
  'admin.replayDeadJob': ['admin.jobs', 'admin.auditLog'],
  'admin.resetRateLimits': ['admin.auditLog'],
  'admin.clearCaches': ['knowledge', 'admin.auditLog'],
  'admin.revokeToken': ['admin.auditLog'],
  'admin.revokeUserTokens': ['admin.auditLog'],
  'athletes.create': ['athletes', 'coach.list'],
  'athletes.update': ['athletes'],
  'athletes.delete': ['athletes', 'coaching', 'plans', 'training', 'wearables', 'billing'],
  'athletes.reportMood': ['athletes', 'wearables.readiness', 'plans.today'],
  'apiKeys.create': ['apiKeys.list'],
  'apiKeys.revoke': ['apiKeys.list'],
  'billing.checkout': ['billing.subscription', 'billing.usage'],
  'billing.cancel': ['billing.subscription', 'billing.usage'],
  'billing.portal': [],
  'billing.setTier': ['billing.subscription', 'billing.usage'],
  'coach.link': ['coach.list'],
  'coach.unlink': ['coach.list'],
  'coaching.ask': ['coaching.conversations', 'billing.usage'],
  'coaching.askEnhanced': ['coaching.conversations', 'billing.usage'],
  'coaching.askStream': ['coaching.conversations', 'billing.usage'],
  'coaching.askMedia': ['coaching.conversations', 'billing.usage'],
  'coaching.analyzeMedia': ['billing.usage'],
  'knowledge.create': ['knowledge'],
  'knowledge.update': ['knowledge'],
  'knowledge.delete': ['knowledge'],
  'plans.generate': ['plans.list', 'plans.today', 'billing.usage'],
  'training.logSession': ['training.load', 'wearables.readiness', 'plans.today'],
  'wearables.connect': ['wearables'],
  'wearables.recordMetrics': ['wearables', 'plans.today'],
};

/** The query scopes a mutation at `path` makes stale (none for an unknown path). */
export function staleAfter(path: string): readonly QueryScope[] {
  return (invalidations as Readonly<Record<string, readonly QueryScope[]>>)[path] ?? [];
}
