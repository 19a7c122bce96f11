// The anchors every Aria row is divided by, served from one child process (pinned like Aria's):
//   GET /bare               a bare Hono route (`c.json`) on @hono/node-server
//   GET /trpc/tiers         a stock tRPC 11 query through `fetchRequestHandler` in Hono, superjson
//   GET /trpc/athlete?input=…  the same stock tRPC, a zod input and the postgres.js read below:
//                           the stack's own floor for a read, with no auth, metering or ORM
//   GET /pg/athlete?id=…    a Hono route and one `select * from athletes where id = $1` (postgres.js)
// It listens on PORT; ANCHOR_DATABASE_URL names the database to read.
import { serve } from '@hono/node-server';
import { initTRPC, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import postgres from 'postgres';
import superjson from 'superjson';
import { z } from 'zod';

const t = initTRPC.create({ transformer: superjson });
const tiers = [
  { tier: 'free', priceUsd: 0, ask: 1 },
  { tier: 'pro', priceUsd: 4.99, ask: 15 },
  { tier: 'star', priceUsd: 9.99, ask: -1 },
];
const databaseUrl = process.env.ANCHOR_DATABASE_URL;
const sql = databaseUrl ? postgres(databaseUrl, { max: 10, onnotice: () => {} }) : undefined;

/** The one read both database anchors make, so they differ only in what surrounds it. */
async function selectAthlete(db: postgres.Sql, id: string) {
  const [row] = await db`select * from athletes where id = ${id}`;
  return row;
}

const router = t.router({
  tiers: t.procedure.query(() => tiers),
  athlete: t.procedure.input(z.object({ athleteId: z.string() })).query(async ({ input }) => {
    if (!sql) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'no database' });
    const row = await selectAthlete(sql, input.athleteId);
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such athlete.' });
    return row;
  }),
});

const app = new Hono()
  .get('/bare', (c) => c.json({ ok: true }))
  .all('/trpc/*', (c) =>
    fetchRequestHandler({ endpoint: '/trpc', req: c.req.raw, router, createContext: () => ({}) }),
  )
  .get('/pg/athlete', async (c) => {
    if (!sql) return c.json({ error: 'ANCHOR_DATABASE_URL is not set' }, 500);
    const row = await selectAthlete(sql, c.req.query('id') ?? '');
    return row ? c.json(row) : c.json({ error: 'not found' }, 404);
  });

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });

process.on('SIGTERM', () => {
  server.close();
  void sql?.end({ timeout: 1 }).finally(() => process.exit(0));
  if (!sql) process.exit(0);
});
