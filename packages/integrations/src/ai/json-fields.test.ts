import { describe, expect, it } from 'vitest';
import { AnswerFieldExtractor } from './json-fields.js';

describe('AnswerFieldExtractor', () => {
  it('hands out the decoded analysis and recommendation text, however the JSON is split', () => {
    const answer = {
      bibliography: [{ title: 'not "streamed"', url: null, articleId: null }],
      analysis: 'Line one\nsaid "go" — café 🏃',
      recommendation: 'Rest {3} min, then \\ repeat.',
    };
    const json = JSON.stringify(answer, null, 1).replaceAll('é', '\\u00e9');
    for (const size of [1, 3, 7, 1000]) {
      const extractor = new AnswerFieldExtractor();
      const text = { analysis: '', recommendation: '' };
      for (let at = 0; at < json.length; at += size) {
        for (const delta of extractor.push(json.slice(at, at + size)))
          text[delta.field] += delta.text;
      }
      expect(text).toEqual({ analysis: answer.analysis, recommendation: answer.recommendation });
    }
  });
});
