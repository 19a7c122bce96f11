import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import {
  type AskCoachResult,
  type AskInput,
  type AskStreamEvent,
  askCoach,
  type CoachAnswer,
} from './ask.js';
import { useAriaClient } from './react-context.js';

/** The answer as it streams in, field by field. */
export interface AnswerDraft {
  readonly analysis: string;
  readonly recommendation: string;
}

export type AskStreamState = UseMutationResult<AskCoachResult, Error, AskInput> & {
  /** The text received so far; empty before the first delta and after `reset()`. */
  readonly draft: AnswerDraft;
  /** Stream events received so far for the current question. */
  readonly received: number;
  /** The complete answer once the stream ended (also `data.answer`). */
  readonly answer: CoachAnswer | undefined;
};

const emptyDraft: AnswerDraft = { analysis: '', recommendation: '' };

function withEvent(draft: AnswerDraft, event: AskStreamEvent): AnswerDraft {
  if (event.type === 'delta') return { ...draft, [event.field]: draft[event.field] + event.text };
  if (event.type === 'answer') {
    return { analysis: event.answer.analysis, recommendation: event.answer.recommendation };
  }
  return draft;
}

/**
 * Asks the coach with the answer streaming in: `mutate({ question })`, then read `draft`
 * while it streams and `answer` when done. It succeeds (and refreshes conversations and
 * usage) when the stream ends. Where the runtime cannot stream it asks with `coaching.ask`
 * and `data.streamed` is false. Failures are typed problems: `isAriaError(error, code)`.
 */
export function useAskStream(): AskStreamState {
  const client = useAriaClient();
  const [draft, setDraft] = useState<AnswerDraft>(emptyDraft);
  const [received, setReceived] = useState(0);
  const controller = useRef<AbortController | undefined>(undefined);
  const mutation = useMutation<AskCoachResult, Error, AskInput>({
    mutationKey: [['coaching', 'askStream']],
    mutationFn: (input) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setDraft(emptyDraft);
      setReceived(0);
      return askCoach(client, input, {
        signal: current.signal,
        onEvent: (event) => {
          setDraft((previous) => withEvent(previous, event));
          setReceived((count) => count + 1);
        },
      });
    },
  });
  const { reset: resetMutation } = mutation;
  const reset = useCallback(() => {
    controller.current?.abort();
    setDraft(emptyDraft);
    setReceived(0);
    resetMutation();
  }, [resetMutation]);
  return { ...mutation, reset, draft, received, answer: mutation.data?.answer };
}
