export { type FakeStripe, type FakeStripeOptions, startFakeStripe } from './fake-stripe.js';
export type { FakeStripeRequest } from './fake-stripe-http.js';
export { decodeStripeForm } from './form.js';
export {
  type FakeStripeEvent,
  type SignedDelivery,
  signStripeEvent,
  signStripePayload,
  stripeEvent,
} from './webhook-events.js';
