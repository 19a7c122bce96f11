import type { ApiDeps } from '@aria/api';
import type { OpenAPIHono, RouteConfig, RouteHandler, z } from '@hono/zod-openapi';
import type { JSONParsed } from 'hono/utils/types';
import type { AppEnv } from '../app-env.js';
import { callProcedureAt, type ProcedureCaller, procedurePathOf } from './call.js';
import { authenticated } from './openapi.js';

type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, AppEnv>>[0];

/** A route's request, typed by the route's own schemas: `valid('param' | 'query' | 'json')`. */
export type RouteRequest<R extends RouteConfig> = RouteContext<R>['req'];

const successStatuses = [200, 201] as const;
type SuccessStatus = (typeof successStatuses)[number];

/** The success a route declares: a table route answers with exactly one. */
type DeclaredSuccess<R extends RouteConfig> = Extract<keyof R['responses'], SuccessStatus>;

/** What the route documents as its JSON answer for `S`. */
type DocumentedAnswer<
  R extends RouteConfig,
  S extends keyof R['responses'],
> = R['responses'][S] extends {
  content: { 'application/json': { schema: infer Schema extends z.ZodType } };
}
  ? z.output<Schema>
  : never;

/**
 * Checked where a route is declared: the procedure's answer, once serialised, is what the
 * route documents (as `c.json(answer, status)` in a hand-written zod-openapi handler is).
 */
type AnswerMatches<O, Documented> = [JSONParsed<O>] extends [JSONParsed<Documented>]
  ? unknown
  : { readonly procedureAnswerDiffersFromDocumented: JSONParsed<Documented> };

/** How a route reaches its procedure. */
export interface ProcedureBinding<R extends RouteConfig, I, O> {
  /** The tRPC procedure on the request's caller, e.g. `(api) => api.athletes.get`. */
  readonly procedure: (api: ProcedureCaller) => (input: I) => Promise<O>;
  /** The procedure's input, from the path, query and body zod-openapi has validated. */
  readonly input: (request: RouteRequest<R>) => NoInfer<I>;
}

/** One row of the REST table. */
export interface RestRoute {
  /** Adds the route and its handler to `app`; everything but the call itself is built here. */
  readonly register: (app: OpenAPIHono<AppEnv>, deps: ApiDeps) => void;
}

/** The one success status of a route's `responses`, read once, where the route is declared. */
function successStatusOf(route: RouteConfig): SuccessStatus {
  const declared = successStatuses.filter((status) => status in route.responses);
  const [status] = declared;
  if (declared.length !== 1 || status === undefined) {
    throw new Error(
      `REST route ${route.method} ${route.path} must declare one success status of ` +
        `${successStatuses.join(', ')}, not ${declared.length}`,
    );
  }
  return status;
}

/**
 * The table's row builder for the routes of one tag: `route(declaration, binding)` declares a
 * route (OpenAPI declaration as for `createRoute`, authenticated unless it says `security`)
 * and the procedure it calls. The compiler checks the input mapping against the route's
 * schemas and the procedure's input, and the procedure's answer against the documented one.
 */
export function restRoutesTagged(tag: string) {
  return function route<R extends RouteConfig, I, O extends object>(
    declaration: R,
    binding: ProcedureBinding<R, I, O> & AnswerMatches<O, DocumentedAnswer<R, DeclaredSuccess<R>>>,
  ): RestRoute {
    // Tags and security where a hand-written `createRoute` has them, so the document reads the same.
    const { security = authenticated, request, responses, ...identity } = declaration;
    const documented = { ...identity, tags: [tag], security, request, responses };
    const status = successStatusOf(declaration);
    const { procedure, input } = binding;
    const path = procedurePathOf(procedure);
    return {
      register(app, deps) {
        const handler = async (c: RouteContext<R>) => {
          // The binding's types checked this call: the procedure at `path` answers an `O`.
          const answer = (await callProcedureAt(c, deps, path, input(c.req))) as O;
          return c.json(answer, status);
        };
        // `openapiRoutes` leaves the handler's type to us: `app.openapi` would want it proven
        // for every route config at once, which the compiler cannot do for a generic `R`. It
        // was checked against this `R` above, where the row is declared.
        app.openapiRoutes([{ route: documented, handler }]);
      },
    };
  };
}

/** Registers every row of the table on `app`, in order. */
export function registerRestRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: ApiDeps,
  table: readonly RestRoute[],
): void {
  for (const row of table) row.register(app, deps);
}
