import { describe, expect, it } from 'vitest';
import { buildCoachBrief } from '../brief.js';
import { enforceSafety } from '../safety.js';
import { coachingInput } from '../test-fixtures.js';
import type { CoachingInput } from '../types.js';
import { composeBuiltinAnswer } from './compose.js';

const answer = (input: CoachingInput) => {
  const brief = buildCoachBrief(input);
  return enforceSafety(composeBuiltinAnswer(input, brief), brief);
};
const text = (input: CoachingInput) => {
  const { analysis, recommendation } = answer(input);
  return `${analysis}\n${recommendation}`;
};

describe('the built-in coach', () => {
  it('is deterministic for the same input', () => {
    const input = coachingInput('How do I improve my block start?');
    expect(answer(input)).toEqual(answer(input));
  });

  it('answers the detected topic with the training science and the profile', () => {
    const result = answer(coachingInput('How do I improve my block start?'));
    expect(result.analysis).toContain('horizontal-force');
    expect(result.analysis).toContain('100m and 200m');
    expect(result.analysis).toMatch(/about 6\.\d\d s for 60 m/);
    expect(result.recommendation).toContain('Rest about 2 minutes after each 20 m sprint');
  });

  it('changes tone with the coach mode', () => {
    const q = 'How do I improve my block start?';
    expect(text(coachingInput(q, { coachMode: 'strict' }))).toContain('Straight to it.');
    expect(text(coachingInput(q, { coachMode: 'supportive' }))).toContain('Great question');
    expect(text(coachingInput(q, { coachMode: 'friendly' }))).toContain('teammate');
  });

  it('leans to recovery when tired or sore, pushes when motivated', () => {
    const q = 'What should I run today?';
    expect(text(coachingInput(q, { mood: 'sore' }))).toContain('leans towards recovery');
    expect(text(coachingInput(q, { mood: 'motivated' }))).toContain('push a little more');
  });

  it('adds caution for poor sleep and for any injury status', () => {
    const q = 'What should I run today?';
    expect(text(coachingInput(`${q} I slept badly.`))).toContain('lower the intensity');
    expect(text(coachingInput(q, { injuryStatus: 'sore knee' }))).toContain('extra cautious');
  });

  it.each([
    ['My hamstring feels tight', 'hamstring'],
    ['Achilles pain after spikes', 'Achilles'],
    ['I have shin splints', 'shin splints'],
    ['Plantar fasciitis in my left foot', 'plantar fasciitis'],
    ['My hip flexor hurts when I drive', 'hip flexor'],
  ])('always sends "%s" to a medical professional', (question, name) => {
    expect(answer(coachingInput(question)).recommendation).toContain(
      `See a medical professional (a doctor or physiotherapist) about your ${name}`,
    );
  });

  it('gives masters guidance from 35 and asks about work above 30', () => {
    const masters = text(coachingInput('Plan my week', { birthDate: '1985-01-01' }));
    expect(masters).toContain('At 41 you are a masters athlete');
    expect(masters).toContain('What do you do for a living?');
    expect(text(coachingInput('Plan my week'))).not.toContain('masters athlete');
  });

  it('asks for training context when it has none', () => {
    const empty = { eventFocus: [], personalBests: {}, trainingGoal: null };
    expect(text(coachingInput('Help me get faster', empty))).toContain(
      'tell me your event, personal bests',
    );
  });

  it("answers in the athlete's language", () => {
    const result = answer(coachingInput('¿Cómo mejoro mi salida de tacos? Me duele el isquio.'));
    expect(result.analysis).toContain('fuerza horizontal');
    expect(result.recommendation).toContain('Consulta a un profesional sanitario');
    expect(result.recommendation).toContain('isquiotibiales');
  });

  it('cites the knowledge articles found, and the mental-skills reading', () => {
    const knowledge = [{ id: 'a1', title: 'Acceleration', summary: 's', url: 'https://x.test' }];
    const result = answer(coachingInput('Nervous before my race start', {}, { knowledge }));
    expect(result.bibliography[0]).toEqual({
      title: 'Acceleration',
      url: 'https://x.test',
      articleId: 'a1',
    });
    expect(result.bibliography.map((entry) => entry.title).join()).toContain('Rebound');
  });

  it('uses wearable and training-load figures when it has them', () => {
    const training = {
      days: 28,
      averageSleepHours: 6.2,
      lastNightSleepHours: 5.5,
      restingHr: 52,
      hrvRmssd: 80,
      recoveryScore: 60,
      sessionsLast7Days: 4,
      loadLast7Days: 1800,
      acwr: 1.6,
    };
    const result = text(coachingInput('What should I do today?', {}, { training }));
    expect(result).toContain('about 5.5 hours of sleep');
    expect(result).toContain('ratio is 1.6 (danger)');
    expect(result).toContain('lower the intensity');
  });
});

describe('enforceSafety', () => {
  it('adds the medical advice a provider left out, once', () => {
    const input = coachingInput('My hamstring is tight');
    const brief = buildCoachBrief(input);
    const bare = { analysis: 'a', recommendation: 'Do easy tempo.', bibliography: [] };
    const safe = enforceSafety(bare, brief);
    expect(safe.recommendation).toMatch(/^Do easy tempo\. See a medical professional/);
    expect(enforceSafety(safe, brief)).toEqual(safe);
  });
});
