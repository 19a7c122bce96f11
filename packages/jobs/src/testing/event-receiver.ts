import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@aria/webhooks';

export interface ReceivedEvent {
  readonly id: string;
  readonly type: string;
  readonly athleteId: string;
  readonly body: string;
  readonly signature: string | undefined;
  /** Whether the signature verified with the receiver's secret at arrival. */
  readonly verified: boolean;
  /** What the receiver answered (a status, or `hang` for a request never answered). */
  readonly answered: number | 'hang';
}

/** How the receiver answers a delivery: a status code (after `delayMs`), or `hang` (never answers). */
export type ReceiverBehaviour = (event: {
  id: string;
  attempt: number;
}) => number | 'hang' | { readonly status: number; readonly delayMs: number };

/** A local TrackLit stand-in over real HTTP: records every POST and answers as told. */
export interface EventReceiver {
  readonly url: string;
  readonly received: ReceivedEvent[];
  /** The events answered 2xx, in arrival order. */
  accepted(): ReceivedEvent[];
  behave(behaviour: ReceiverBehaviour): void;
  close(): Promise<void>;
}

export async function startEventReceiver(secret: string): Promise<EventReceiver> {
  const received: ReceivedEvent[] = [];
  const attempts = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  let behaviour: ReceiverBehaviour = () => 200;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const signature = request.headers['x-aria-signature'];
    const header = Array.isArray(signature) ? signature[0] : signature;
    const parsed = JSON.parse(body) as { id: string; type: string; data: { athleteId: string } };
    const attempt = (attempts.get(parsed.id) ?? 0) + 1;
    attempts.set(parsed.id, attempt);
    const behaved = behaviour({ id: parsed.id, attempt });
    const answer = typeof behaved === 'object' ? behaved.status : behaved;
    received.push({
      id: parsed.id,
      type: parsed.type,
      athleteId: parsed.data.athleteId,
      body,
      signature: header,
      verified: (await verifySignature(body, header, secret)).ok,
      answered: answer,
    });
    if (answer === 'hang') {
      hanging.add(response);
      return;
    }
    if (typeof behaved === 'object') await new Promise((done) => setTimeout(done, behaved.delayMs));
    response.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/aria-events`,
    received,
    accepted: () =>
      received.filter((event) => typeof event.answered === 'number' && event.answered < 300),
    behave(next) {
      behaviour = next;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
