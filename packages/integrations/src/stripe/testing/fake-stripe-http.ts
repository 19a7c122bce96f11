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
  if (method === 'POST' && path === '/v1/billing_portal/sessions') {
    return createPortalSession(options, params);
  }
  const subscriptionPath = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
  if (subscriptionPath?.[1] && (method === 'GET' || method === 'POST')) {
    return subscriptionRoute(options, method, decodeURIComponent(subscriptionPath[1]), params);
  }
  throw new StripeHttpError(
    404,
    'invalid_request_error',
    `Unrecognized request URL (${method}: ${path}).`,
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': fakeId('req') });
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
