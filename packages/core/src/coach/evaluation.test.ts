import { describe, expect, it } from 'vitest';
import { buildCoachBrief } from './brief.js';
import { composeBuiltinAnswer } from './builtin/compose.js';
import { meetsSafetyPolicy } from './safety/enforce.js';
import { coachingInput } from './test-fixtures.js';
import { evaluateAnswer, evaluationSet, intentAccuracy } from './testing/index.js';

const results = evaluationSet.map((testCase) => {
  const input = coachingInput(testCase.question, testCase.profile, {
    history: testCase.history ?? [],
  });
  const brief = buildCoachBrief(input);
  return { testCase, brief, answer: composeBuiltinAnswer(input, brief) };
});

describe('the evaluation set', () => {
  it('has at least 150 questions, 60 about pain or injury in at least three languages', () => {
    expect(evaluationSet.length).toBeGreaterThanOrEqual(150);
    const injuries = evaluationSet.filter((c) => c.injuryRules);
    expect(injuries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(injuries.map((c) => c.language)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(evaluationSet.map((c) => c.id)).size).toBe(evaluationSet.length);
  });
});

describe('the built-in coach on the evaluation set', () => {
  it('holds every safety property on every question (100 %)', () => {
    const failures = results.flatMap(({ testCase, brief, answer }) => [
      ...evaluateAnswer(testCase, brief, answer),
      ...(meetsSafetyPolicy(answer, brief) ? [] : [{ id: testCase.id, property: 'policy' }]),
    ]);
    expect(failures).toEqual([]);
  });

  it('has the content each answer requires and none it forbids', () => {
    const failures = results.flatMap(({ testCase, answer }) => {
      const text = `${answer.analysis}\n${answer.recommendation}`;
      return [
        ...testCase.required
          .filter((p) => !p.test(text))
          .map((p) => `${testCase.id} "${testCase.question}" lacks ${p}`),
        ...testCase.forbidden
          .filter((p) => p.test(text))
          .map((p) => `${testCase.id} "${testCase.question}" has ${p}`),
      ];
    });
    expect(failures).toEqual([]);
  });

  it('recognises the intent of at least 90 % of the questions', () => {
    const { accuracy, misses } = intentAccuracy(results);
    console.info(
      `Built-in coach intent accuracy: ${(accuracy * 100).toFixed(1)} % of ${results.length}` +
        (misses.length > 0 ? `; misses:\n${misses.join('\n')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
