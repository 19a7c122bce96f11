/**
 * A router with the shapes the declaration generator must spell out (nested routers,
 * recursive and generic types, tuples, maps, sets, bigint, subscriptions) and a context
 * that must not appear in what it writes. Only its types are used.
 */
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';

/** Stands for the server's database handle: it must not reach the declaration. */
interface SecretDatabase {
  query(sql: string): Promise<unknown>;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One lap of a session. */
export interface Lap {
  readonly index: number;
  /** Split and, when measured, reaction time. */
  split: [seconds: number, reaction?: number];
  tags: ReadonlySet<string>;
  kind: 'flying' | 'block';
}

type Page<T> = { items: T[]; next: string | null };

const t = initTRPC.context<{ db: SecretDatabase }>().create({ transformer: superjson });

const sessionRouter = t.router({
  /** Laps of one session. */
  laps: t.procedure
    .input((value) => value as { sessionId: string; limit?: number | undefined })
    .query((): Page<Lap> => ({ items: [], next: null })),
  deeper: t.router({
    ping: t.procedure.mutation(() => 'pong' as const),
  }),
});

export const fixtureRouter = t.router({
  session: sessionRouter,
  stats: t.procedure.query(() => ({
    tree: null as Json,
    counts: new Map<string, number>(),
    at: new Date(),
    total: 1n,
    flags: [true, false] as readonly boolean[],
    optional: undefined as Readonly<{ note: string }> | undefined,
  })),
  live: t.procedure
    .input((value) => value as { since?: Date | undefined } | undefined)
    .subscription(async function* () {
      yield { at: new Date() };
    }),
});

export type FixtureRouter = typeof fixtureRouter;
