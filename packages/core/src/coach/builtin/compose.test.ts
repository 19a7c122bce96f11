import { describe, expect, it } from 'vitest';
import { summarizeTrackLitContext } from '../../tracklit/context.js';
import { buildCoachBrief } from '../brief.js';
import { coachingInput } from '../test-fixtures.js';
import { trackLitContextFixture } from '../testing/tracklit-context.js';
import type { CoachingInput } from '../types.js';
import { composeBuiltinAnswer } from './compose.js';

const answer = (input: CoachingInput) => composeBuiltinAnswer(input, buildCoachBrief(input));
const text = (input: CoachingInput) => {
  const { analysis, recommendation } = answer(input);
  return `${analysis}\n${recommendation}`;
};

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

describe('the built-in coach', () => {
  it('keeps to safe work when TrackLit lists an active injury, and only then', () => {
    const question = 'How do I improve my block start?';
    const trackLit = summarizeTrackLitContext(trackLitContextFixture, '2026-06-01');
    const injured = text(coachingInput(question, {}, { trackLit }));
    expect(injured).toContain('TrackLit lists an active injury for you');
    expect(injured).toContain('See a doctor or physiotherapist');
    const healed = summarizeTrackLitContext(
      { ...trackLitContextFixture, injuries: [] },
      '2026-06-01',
    );
    expect(text(coachingInput(question, {}, { trackLit: healed }))).toEqual(
      text(coachingInput(question)),
    );
  });

  it('is deterministic for the same input', () => {
    const input = coachingInput('How do I improve my block start?');
    expect(answer(input)).toEqual(answer(input));
  });

  it('opens with the answer in every mode, and only the closing line follows the mode', () => {
    const q = 'How do I improve my block start?';
    const answers = (['strict', 'supportive', 'friendly'] as const).map((coachMode) =>
      answer(coachingInput(q, { coachMode })),
    );
    for (const { analysis } of answers)
      expect(analysis).toMatch(/^Acceleration is a horizontal-force/);
    expect(new Set(answers.map((a) => a.recommendation)).size).toBe(3);
  });

  it('uses profile facts only where they change the advice', () => {
    expect(text(coachingInput('How do I improve my block start?'))).not.toMatch(/10\.85|100m/);
    const endurance = text(coachingInput('speed endurance workouts?'));
    expect(endurance).toContain('For your events (100m and 200m)');
    expect(endurance).toMatch(/With a 10\.85 s 100 m, a 200 m around 2\d\.\d\d s/);
  });

  it('leans to recovery when tired or sore, pushes when motivated, lowers intensity on poor sleep', () => {
    const q = 'max velocity session ideas';
    expect(text(coachingInput(q, { mood: 'sore' }))).toContain('leans towards recovery');
    expect(text(coachingInput(q, { mood: 'motivated' }))).toContain('add one more quality rep');
    expect(text(coachingInput(`${q}, I slept badly`))).toContain('lower the intensity');
  });

  it('adds masters and youth notes from the profile age to session answers', () => {
    const masters = text(coachingInput('max velocity session ideas', { birthDate: '1985-01-01' }));
    expect(masters).toContain('At 41, keep at least 72 hours between fast sessions');
    const youth = text(coachingInput('max velocity session ideas', { birthDate: '2011-01-01' }));
    expect(youth).toContain('At 15, keep the volume at the lower end');
  });

  it('asks for training context when it has none', () => {
    const empty = { eventFocus: [], personalBests: {}, trainingGoal: null };
    expect(text(coachingInput('Plan my training week', empty))).toContain(
      'tell me your event, personal bests',
    );
  });

  it('uses wearable and training-load figures where they matter', () => {
    const general = text(coachingInput('What should I run today?', {}, { training }));
    expect(general).toContain('about 5.5 hours of sleep');
    expect(general).toContain('ratio is 1.6 (danger)');
    expect(general).toContain('lower the intensity');
    const start = text(coachingInput('How do I improve my block start?', {}, { training }));
    expect(start).not.toContain('hours of sleep');
  });

  it('gives the rest for the distance asked', () => {
    expect(text(coachingInput('rest between 60 m reps?'))).toContain(
      'For 60 m reps: about 6 minutes of rest when they are all-out',
    );
  });

  it('writes Spanish, German and Swedish; other languages get English with one note', () => {
    expect(text(coachingInput('¿Cómo mejoro mi salida de tacos?'))).toContain('fuerza horizontal');
    expect(text(coachingInput('Wie soll ich mich aufwärmen?'))).toMatch(/^Ein Sprint-Aufwärmen/);
    expect(text(coachingInput('Hur ska jag träna maxfart?'))).toMatch(/^Maxfart tränas/);
    const french = answer(coachingInput('Comment améliorer mon départ ?'));
    expect(french.analysis).toMatch(/^J'écris les réponses d'entraînement détaillées/);
    expect(`${french.analysis}${french.recommendation}`.match(/J'écris/g)).toHaveLength(1);
    expect(french.analysis).toContain('Acceleration is a horizontal-force problem');
    expect(text(coachingInput('Mein Knie tut weh'))).toContain('Arzt oder Physiotherapeuten');
    expect(text(coachingInput('Jag har ont i knät'))).toContain('läkare eller fysioterapeut');
  });

  it('says when a question is outside what it coaches', () => {
    const tacos = answer(coachingInput('tacos'));
    expect(tacos.analysis).toMatch(/^That is outside what I coach/);
    expect(tacos.recommendation).not.toMatch(/blocks|sled/);
  });

  it('cites the knowledge articles found, and the mental-skills reading', () => {
    const knowledge = [{ id: 'a1', title: 'Acceleration', summary: 's', url: 'https://x.test' }];
    const result = answer(coachingInput('I get so nervous before races', {}, { knowledge }));
    expect(result.bibliography[0]).toEqual({
      title: 'Acceleration',
      url: 'https://x.test',
      articleId: 'a1',
    });
    expect(result.bibliography.map((entry) => entry.title).join()).toContain('Rebound');
  });
});
