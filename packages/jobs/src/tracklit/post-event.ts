import { signatureHeader } from '@aria/webhooks';

export interface EventReceiver {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs: number;
}

export type PostOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * POSTs one signed event. Any 2xx is delivered; anything else (other status, timeout,
 * refused connection) is a failure to retry. The signature is made per attempt, so a retry
 * carries a fresh `t` over the same body.
 */
export async function postEvent(receiver: EventReceiver, body: string): Promise<PostOutcome> {
  try {
    const response = await fetch(receiver.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'aria-events',
        'x-aria-signature': await signatureHeader(receiver.secret, body),
      },
      body,
      signal: AbortSignal.timeout(receiver.timeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel();
    return response.ok
      ? { ok: true }
      : { ok: false, error: `receiver answered ${response.status}` };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: `not delivered (${reason})` };
  }
}
