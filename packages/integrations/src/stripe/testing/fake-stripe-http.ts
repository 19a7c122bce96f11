import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FakeCheckoutSession, type FakeStripeState, fakeId } from './fake-stripe-state.js';
import { decodeStripeForm, type FormObject, formField } from './form.js';

/** One request the fake answered, for assertions on what Aria sent. */
export interface FakeStripeRequest {
  readonly method: string;
  readonly path: string;
  readonly params: FormObject;
}

export interface FakeStripeHttpOptions {
  readonly state: FakeStripeState;
  readonly secretKey: string;
  readonly baseUrl: () => string;
  readonly requests: FakeStripeRequest[];
  /** Answers 500 while it returns true (simulates Stripe being unreachable). */
  readonly failing: () => boolean;
}

class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const missing = (what: string, id: string) =>
  new StripeHttpError(404, 'invalid_request_error', `No such ${what}: '${id}'`, 'resource_missing');

function required(params: FormObject, ...path: string[]): string {
  const value = formField(params, ...path);
  if (value === undefined) {
    throw new StripeHttpError(
      400,
      'invalid_request_error',
      `Missing required param: ${path.join('.')}.`,
    );
  }
  return value;
}

function metadataOf(params: FormObject, ...path: string[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const key of ['athleteId']) {
    const value = formField(params, ...path, key);
    if (value !== undefined) metadata[key] = value;
  }
  return metadata;
}

function createCheckoutSession(options: FakeStripeHttpOptions, params: FormObject) {
  if (required(params, 'mode') !== 'subscription') {
    throw new StripeHttpError(400, 'invalid_request_error', 'The fake only does subscriptions.');
  }
  const id = fakeId('cs');
  const session: FakeCheckoutSession = {
    id,
    object: 'checkout.session',
    mode: 'subscription',
    status: 'open',
    url: `${options.baseUrl()}/checkout/${id}`,
    client_reference_id: formField(params, 'client_reference_id') ?? null,
    customer: formField(params, 'customer') ?? null,
    customer_email: formField(params, 'customer_email') ?? null,
    metadata: metadataOf(params, 'metadata'),
    subscription: null,
    success_url: required(params, 'success_url'),
    cancel_url: required(params, 'cancel_url'),
    price: required(params, 'line_items', '0', 'price'),
    subscription_metadata: metadataOf(params, 'subscription_data', 'metadata'),
  };
  options.state.sessions.set(id, session);
  const { price: _price, subscription_metadata: _metadata, ...answer } = session;
  return answer;
}

function createCustomer(params: FormObject, state: FakeStripeState) {
  const customer = {
    id: fakeId('cus'),
    object: 'customer' as const,
    email: formField(params, 'email') ?? null,
    metadata: metadataOf(params, 'metadata'),
  };
  state.customers.set(customer.id, customer);
  return customer;
}

function createPortalSession(options: FakeStripeHttpOptions, params: FormObject) {
  const customer = required(params, 'customer');
  const id = fakeId('bps');
  const flow = formField(params, 'flow_data', 'type') ?? null;
  return {
    id,
    object: 'billing_portal.session',
    customer,
    return_url: formField(params, 'return_url') ?? null,
    url: `${options.baseUrl()}/portal/${id}${flow ? `?flow=${flow}` : ''}`,
    flow: flow ? { type: flow } : null,
  };
}

function subscriptionRoute(
  options: FakeStripeHttpOptions,
  method: string,
  id: string,
  params: FormObject,
) {
  const subscription = options.state.subscriptions.get(id);
  if (!subscription) throw missing('subscription', id);
  if (method === 'DELETE') {
    // Cancels now; Stripe refuses to cancel a subscription that is already canceled.
    if (subscription.status === 'canceled') {
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        `No such subscription: '${id}' is already canceled.`,
        'resource_missing',
      );
    }
    subscription.status = 'canceled';
    subscription.canceled_at = Math.floor(Date.now() / 1000);
  }
  if (method === 'POST') {
    const cancel = formField(params, 'cancel_at_period_end');
    if (cancel !== undefined) subscription.cancel_at_period_end = cancel === 'true';
    const price = formField(params, 'items', '0', 'price');
    const item = subscription.items.data[0];
    if (price !== undefined && item) item.price = { id: price, object: 'price' };
  }
  return subscription;
}

function route(options: FakeStripeHttpOptions, method: string, path: string, params: FormObject) {
  if (method === 'POST' && path === '/v1/checkout/sessions') {
    return createCheckoutSession(options, params);
  }
  if (method === 'POST' && path === '/v1/customers') return createCustomer(params, options.state);
  if (method === 'POST' && path === '/v1/billing_portal/sessions') {
    return createPortalSession(options, params);
  }
  const subscriptionPath = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
  if (subscriptionPath?.[1] && ['GET', 'POST', 'DELETE'].includes(method)) {
    return subscriptionRoute(options, method, decodeURIComponent(subscriptionPath[1]), params);
  }
  throw new StripeHttpError(
    404,
    'invalid_request_error',
    `Unrecognized request URL (${method}: ${path}).`,
  );
}

/**
 * Stripe's idempotency: the first answer under a key is stored and replayed for the same
 * request; the same key with other parameters is an `idempotency_error`.
 */
function answerIdempotently(
  options: FakeStripeHttpOptions,
  key: string,
  request: string,
  response: ServerResponse,
  run: () => unknown,
): void {
  const stored = options.state.idempotent.get(key);
  if (stored && stored.request !== request) {
    throw new StripeHttpError(
      400,
      'idempotency_error',
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    );
  }
  if (stored) {
    send(response, stored.status, stored.body, { 'Idempotent-Replayed': 'true' });
    return;
  }
  try {
    const body = run();
    options.state.idempotent.set(key, { request, status: 200, body: structuredClone(body) });
    send(response, 200, body);
  } catch (error) {
    if (error instanceof StripeHttpError && error.status < 500) {
      const body = { error: { type: error.type, message: error.message } };
      options.state.idempotent.set(key, { request, status: error.status, body });
    }
    throw error;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Request-Id': fakeId('req'),
    ...headers,
  });
  response.end(JSON.stringify(body));
}

/** Answers the Stripe REST paths Aria uses: form-encoded requests, JSON answers. */
export async function handleFakeStripeRequest(
  options: FakeStripeHttpOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://fake-stripe');
  const body = await readBody(request);
  const params = decodeStripeForm(method === 'GET' ? url.search.slice(1) : body);
  options.requests.push({ method, path: url.pathname, params });
  try {
    if (request.headers.authorization !== `Bearer ${options.secretKey}`) {
      throw new StripeHttpError(401, 'invalid_request_error', 'Invalid API Key provided.');
    }
    if (options.failing()) throw new StripeHttpError(500, 'api_error', 'The fake is failing.');
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string' && method !== 'GET') {
      answerIdempotently(options, key, `${method} ${url.pathname} ${body}`, response, () =>
        route(options, method, url.pathname, params),
      );
      return;
    }
    send(response, 200, route(options, method, url.pathname, params));
  } catch (error) {
    if (!(error instanceof StripeHttpError)) throw error;
    send(response, error.status, {
      error: {
        type: error.type,
        message: error.message,
        ...(error.code ? { code: error.code } : {}),
      },
    });
  }
}
