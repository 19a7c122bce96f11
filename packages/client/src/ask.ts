import type { AriaClient } from './client.js';
import { isStreamingUnsupported } from './streaming.js';
import type { RouterInputs, RouterOutputs } from './types.js';

export type AskInput = RouterInputs['coaching']['askStream'];

/** One event of `coaching.askStream`: a text delta, or the complete answer (last). */
export type AskStreamEvent =
  RouterOutputs['coaching']['askStream'] extends AsyncIterable<infer E> ? E : never;

/** The complete answer: analysis, recommendation, bibliography, conversation id, usage. */
export type CoachAnswer = Extract<AskStreamEvent, { type: 'answer' }>['answer'];

export interface AskCoachOptions {
  /** Every streamed event, as it arrives (deltas first, the answer last). */
  readonly onEvent?: (event: AskStreamEvent) => void;
  readonly signal?: AbortSignal;
  /**
   * When the runtime cannot stream (the client refused before sending), ask with
   * `coaching.ask` instead and get the whole answer at once. Default `true`.
   */
  readonly fallback?: boolean;
}

export interface AskCoachResult {
  readonly answer: CoachAnswer;
  /** False when the answer came in one piece from `coaching.ask` (no streaming here). */
  readonly streamed: boolean;
}

/**
 * Asks the coach with the answer streaming in (`coaching.askStream`), and resolves with the
 * complete answer. On a runtime that cannot stream (React Native's fetch), it falls back to
 * `coaching.ask` — never after the streamed call reached the server, so nothing is charged
 * twice. Problems (402, 429, …) reject as from any call: read them with `isAriaError`.
 */
export async function askCoach(
  client: AriaClient,
  input: AskInput,
  options: AskCoachOptions = {},
): Promise<AskCoachResult> {
  const call = options.signal ? { signal: options.signal } : {};
  let events: AsyncIterable<AskStreamEvent>;
  try {
    events = await client.coaching.askStream.mutate(input, call);
  } catch (error) {
    if (options.fallback !== false && isStreamingUnsupported(error) && !error.cause.sent) {
      return { answer: await client.coaching.ask.mutate(input, call), streamed: false };
    }
    throw error;
  }
  let answer: CoachAnswer | undefined;
  for await (const event of events) {
    options.onEvent?.(event);
    if (event.type === 'answer') answer = event.answer;
  }
  if (!answer) throw new Error('The answer stream ended without an answer.');
  return { answer, streamed: true };
}
