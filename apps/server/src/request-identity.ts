import {
  type ApiDeps,
  credentialsFromHeaders,
  type Identity,
  identifyOnce,
  type RequestIdentity,
} from '@aria/api';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';
import { requestHeader } from './middleware/node-bindings.js';

/** How a caller is named in the request log: a user id, or `service`. */
export function userIdOf(identity: Identity): string {
  return identity.kind === 'service' ? 'service' : identity.userId;
}

/** The request's credentials, read from the Node request where there is one (no `Headers`). */
export function requestCredentials(c: Context<AppEnv>) {
  return credentialsFromHeaders({ get: (name) => requestHeader(c, name.toLowerCase()) ?? null });
}

/**
 * The caller of this HTTP request, authenticated on first use and then shared: by every call
 * of a tRPC batch, and by a REST route that checks the caller before reading its body.
 */
export function requestIdentity(c: Context<AppEnv>, deps: ApiDeps): RequestIdentity {
  let identify = c.get('identify');
  if (identify === undefined) {
    identify = identifyOnce(deps, requestCredentials(c));
    c.set('identify', identify);
  }
  return identify;
}
