import {
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  ServerResponse,
} from 'node:http';

type HeaderList = OutgoingHttpHeaders | OutgoingHttpHeader[];

/**
 * Node's response, writing the headers every answer carries (`commonHeaders`, filled in per
 * request by the `responseHeaders` middleware) together with the route's own in one
 * `writeHead`. Set one by one with `setHeader` before the route ran, they sent Node down its
 * slow path: each validated and stored, then each header of the route's answer set again the
 * same way before the head was written (in a loop, 9.0 µs against 2.8 µs for one `writeHead`
 * of all of them; `billing.tiers` 6 % fewer instructions, bench/RESULTS.md).
 *
 * Common header names are lower case (as HTTP/2 writes every name, and as fetch `Headers`
 * give them); the route's headers win where both name one, whatever their case (`Vary`), as
 * they did when Node merged them.
 */
export class AnswerResponse<
  Request extends IncomingMessage = IncomingMessage,
> extends ServerResponse<Request> {
  /** Lower-case names. */
  commonHeaders: Readonly<Record<string, string>> | undefined;

  override writeHead(
    statusCode: number,
    reasonOrHeaders?: string | HeaderList,
    maybeHeaders?: HeaderList,
  ): this {
    const reason = typeof reasonOrHeaders === 'string' ? reasonOrHeaders : undefined;
    const own = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders;
    const common = this.commonHeaders;
    if (common === undefined) return super.writeHead(statusCode, reason, own);
    // Headers the route set with setHeader are its own too.
    const alreadySet = this.getHeaderNames();
    if (Array.isArray(own)) {
      // Raw header lists are rare (none of ours): let Node set the route's over ours.
      for (const name of Object.keys(common)) {
        if (!alreadySet.includes(name)) this.setHeader(name, common[name] ?? '');
      }
      return super.writeHead(statusCode, reason, own);
    }
    return super.writeHead(statusCode, reason, withRouteHeaders(common, own, alreadySet));
  }
}

/**
 * `common` (lower-case names) with `own` over it, whatever the case of the route's names,
 * without what the route set already (`alreadySet`, lower case as Node keeps them).
 */
function withRouteHeaders(
  common: Readonly<Record<string, string>>,
  own: OutgoingHttpHeaders | undefined,
  alreadySet: readonly string[],
): OutgoingHttpHeaders {
  // Built up rather than copied and deleted from: a `delete` turns the object into a slow
  // dictionary, and Node walks it again to write the head.
  const ownNames = own === undefined ? [] : Object.keys(own);
  const taken =
    ownNames.length === 0
      ? alreadySet
      : [...alreadySet, ...ownNames.map((name) => name.toLowerCase())];
  const merged: OutgoingHttpHeaders = {};
  for (const name in common) {
    if (!taken.includes(name)) merged[name] = common[name];
  }
  for (const name of ownNames) merged[name] = own?.[name];
  return merged;
}
