import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { Lifecycle } from '../lifecycle.js';
import { nodeBindings } from './node-bindings.js';

/**
 * Marks the answer `Connection: close` when the connection should not carry another request:
 * - the answer went out before the request body had fully arrived (a 413 from
 *   Content-Length, a 401 before an upload is read). Node would otherwise keep the socket
 *   for keep-alive, the rest of the body would still be on its way, and the server cuts the
 *   socket while draining it: the client's next request on it fails ("other side closed").
 *   A small body (declared, at most `drainedBodyBytes`) is drained instead and the socket
 *   kept;
 * - the server is draining for shutdown: clients reconnect to another instance.
 */
const drainedBodyBytes = 64 * 1024;

function bodyStillComing(incoming: HttpBindings['incoming']): boolean {
  if (incoming.complete) return false;
  const declared = Number(incoming.headers['content-length']);
  return !(Number.isFinite(declared) && declared <= drainedBodyBytes);
}

export function closeSpentConnection(c: Context, lifecycle: Lifecycle): void {
  const { incoming } = nodeBindings(c);
  if ((incoming !== undefined && bodyStillComing(incoming)) || lifecycle.draining) {
    c.header('Connection', 'close');
  }
}
