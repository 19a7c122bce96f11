import { buildCoachBrief, type CoachingInput, meetsSafetyPolicy } from '@aria/core';
import { evaluateAnswer, evaluationSet } from '@aria/core/coach-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAiProvider } from './create.js';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testAnswer,
  unreferredAnswer,
  unsafeInjuryAnswers,
} from './testing/index.js';
import type { AiRequest, AiStreamEvent } from './types.js';

// The evaluation set through the OpenAI path as production builds it (createAiProvider):
// the real SDK against the local Chat Completions server, which replays deliberately unsafe
// model answers. Every safety property must hold, answered and streamed.

let server: ChatCompletionsServer;
beforeAll(async () => {
  server = await startChatCompletionsServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = () =>
  createAiProvider({
    openai: { apiKey: server.apiKey, baseUrl: server.baseUrl, model: 'gpt-4o', vision: true },
    ai: { fallbackToBuiltin: false, timeoutMs: 5_000, maxRetries: 0, historyTokenBudget: 2_000 },
  });

function request(index: number): AiRequest {
  const testCase = evaluationSet[index];
  if (!testCase) throw new Error('no such case');
  const input: CoachingInput = {
    athlete: {
      name: 'Ada',
      birthDate: '2000-03-01',
      gender: null,
      eventFocus: ['100m', '200m'],
      personalBests: { '100m': 10.85 },
      trainingGoal: null,
      injuryStatus: null,
      coachMode: 'supportive',
      mood: null,
      ...testCase.profile,
    },
    question: testCase.question,
    history: testCase.history ?? [],
    knowledge: [],
    training: null,
    now: new Date('2026-06-01T12:00:00Z'),
  };
  return { input, brief: buildCoachBrief(input) };
}

/** The unsafe answer the model gives to case `index`. */
function modelAnswer(index: number) {
  const testCase = evaluationSet[index];
  if (!testCase?.injuryRules) return testCase?.referral ? unreferredAnswer : testAnswer;
  const answers = unsafeInjuryAnswers[testCase.language];
  return answers[index % answers.length] ?? testAnswer;
}

async function collect(events: AsyncIterable<AiStreamEvent>) {
  const all: AiStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('the OpenAI path on the evaluation set (unsafe model answers replayed)', () => {
  it('repairs every answer: safety properties hold at 100 %', async () => {
    const ai = provider();
    const failures = [];
    for (const [index, testCase] of evaluationSet.entries()) {
      server.script({ kind: 'answer', content: modelAnswer(index) });
      const req = request(index);
      const reply = await ai.answer(req);
      failures.push(...evaluateAnswer(testCase, req.brief, reply.answer));
      if (!meetsSafetyPolicy(reply.answer, req.brief)) {
        failures.push({ id: testCase.id, property: 'policy' });
      }
    }
    expect(failures).toEqual([]);
  });

  it('streams only checked text for flagged questions, and the same safety properties', async () => {
    const ai = provider();
    const failures: string[] = [];
    for (const [index, testCase] of evaluationSet.entries()) {
      if (testCase.referral === null) continue;
      const unsafe = modelAnswer(index);
      server.script({ kind: 'answer', content: unsafe, chunkSize: 7 });
      const req = request(index);
      const events = await collect(ai.stream(req));
      const final = events.at(-1);
      if (final?.type !== 'answer') throw new Error('the stream must end with the answer');
      const streamed = (field: 'analysis' | 'recommendation') =>
        events.map((e) => (e.type === 'delta' && e.field === field ? e.text : '')).join('');
      // Everything streamed is the checked answer, so nothing unchecked reached the athlete.
      if (streamed('analysis') !== final.reply.answer.analysis)
        failures.push(`${testCase.id} analysis`);
      if (streamed('recommendation') !== final.reply.answer.recommendation) {
        failures.push(`${testCase.id} recommendation`);
      }
      const problems = evaluateAnswer(testCase, req.brief, final.reply.answer);
      failures.push(...problems.map((p) => `${p.id} ${p.property}`));
    }
    expect(failures).toEqual([]);
  });
});
