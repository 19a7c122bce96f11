import { describe, expect, it } from 'vitest';
import { summarizeTrackLitContext } from '../tracklit/context.js';
import { buildCoachBrief, statedSleepOf } from './brief.js';
import { recogniseIntent, statedAge } from './intents.js';
import { detectLanguage, recogniseLanguage } from './language.js';
import { coachingInput } from './test-fixtures.js';
import { trackLitContextFixture } from './testing/tracklit-context.js';

describe('intent recognition', () => {
  it.each([
    ['How do I improve my block start?', 'acceleration'],
    ['acceleraton drills for beginers', 'acceleration'],
    ['flying sprints, how many?', 'max_velocity'],
    ['How long should I rest between 150 m reps?', 'rest_intervals'],
    ['between 150 m reps, how long is the rest?', 'rest_intervals'],
    ['What should I do the day before a 200 m race?', 'pre_race_day'],
    ['started sprinting again after a break', 'general'],
    ['tacos', null],
    ["I'm 45 and want to sprint faster", 'masters'],
    ['¿Cómo hago la puesta a punto?', 'taper'],
    ['Wie viel Plyometrie soll ich machen?', 'plyometrics'],
  ])('%s → %s', (question, intent) => {
    expect(recogniseIntent(question)).toBe(intent);
  });

  it('reads stated ages and sleep hours', () => {
    expect(statedAge('My 14-year-old son')).toBe(14);
    expect(statedAge('I have trained for 2 years')).toBeNull();
    expect(statedAge("I'm 10.8 in the 100")).toBeNull();
    expect(statedSleepOf('I sleep 5-6 h')).toEqual({ low: 5, high: 6 });
    expect(statedSleepOf('Duermo 7,5 horas')).toEqual({ low: 7.5, high: 7.5 });
    expect(statedSleepOf('I run 150 m reps')).toBeNull();
  });
});

describe('language detection', () => {
  it('recognises the languages the coach reads, and says when it cannot tell', () => {
    expect(detectLanguage('¿Cómo puedo mejorar mi salida?')).toBe('es');
    expect(detectLanguage('Comment est-ce que je dois faire mes départs ?')).toBe('fr');
    expect(detectLanguage('Wie soll ich meine Starts trainieren?')).toBe('de');
    expect(detectLanguage('Hur ska jag träna maxfart?')).toBe('sv');
    expect(detectLanguage('How should I train my starts?')).toBe('en');
    expect(recogniseLanguage('42')).toBeNull();
    expect(detectLanguage('42')).toBe('en');
  });

  it.each([
    ['Voglio correre più veloce', 'it'],
    ['Quero correr mais rápido', 'pt'],
    ['Quiero correr más rápido', 'es'],
    ['Ich will schneller laufen', 'de'],
    ['Jag vill springa snabbare', 'sv'],
    ['Je veux courir plus vite', 'fr'],
    ['Hallo Trainer', 'de'],
    ['Bonjour coach', 'fr'],
    ['Ciao coach', 'it'],
    ['Olá treinador', 'pt'],
  ] as const)('reads "%s" as %s, with no question word in it', (text, language) => {
    expect(recogniseLanguage(text)).toBe(language);
  });
});

describe('buildCoachBrief', () => {
  it('knows the athlete trains, and when they race, from their TrackLit context', () => {
    const unknown = { eventFocus: [], personalBests: {}, trainingGoal: null };
    expect(buildCoachBrief(coachingInput('Any tips?', unknown))).toMatchObject({
      needsContext: true,
      daysToNextCompetition: null,
    });
    const trackLit = summarizeTrackLitContext(trackLitContextFixture, '2026-06-01');
    const known = buildCoachBrief(coachingInput('Any tips?', unknown, { trackLit }));
    expect(known).toMatchObject({ needsContext: false, daysToNextCompetition: 5 });
    expect(known.safety.injurySources).toEqual(['tracklit']);
  });

  it('derives mode, mood, age, masters, youth and context needs', () => {
    const brief = buildCoachBrief(
      coachingInput('Any tips?', { coachMode: 'strict', mood: 'tired', birthDate: '1980-01-01' }),
    );
    expect(brief).toMatchObject({
      mode: 'strict',
      moodTendency: 'recovery',
      age: 46,
      masters: true,
      youth: false,
      askProfession: true,
      needsContext: false,
    });
    expect(buildCoachBrief(coachingInput('x', { birthDate: '2012-01-01' })).youth).toBe(true);
  });

  it('turns masters on at 35, not 34', () => {
    const on = (birthDate: string) => buildCoachBrief(coachingInput('q', { birthDate })).masters;
    expect(on('1991-06-01')).toBe(true);
    expect(on('1991-06-02')).toBe(false);
  });

  it('flags injuries from the question, the profile and earlier turns, not "no injury"', () => {
    const fromProfile = buildCoachBrief(
      coachingInput('How do I warm up?', { injuryStatus: 'sore knee' }),
    );
    expect(fromProfile.safety.injurySources).toEqual(['profile']);
    expect(fromProfile.intent).toBe('injury');
    const healthy = buildCoachBrief(
      coachingInput('How do I warm up?', { injuryStatus: 'no injury' }),
    );
    expect(healthy.safety.injury).toBe(false);
    expect(healthy.intent).toBe('warm_up');
    const earlier = buildCoachBrief(
      coachingInput(
        'And tomorrow?',
        {},
        {
          history: [
            { role: 'user', content: 'my shin hurts on the bend' },
            { role: 'assistant', content: 'See a doctor or physiotherapist.' },
          ],
        },
      ),
    );
    expect(earlier.safety.injurySources).toEqual(['conversation']);
  });

  it('treats stated short sleep as poor sleep', () => {
    expect(buildCoachBrief(coachingInput('I sleep 5-6 h')).poorSleep).toBe(true);
    expect(buildCoachBrief(coachingInput('I sleep 8 h')).poorSleep).toBe(false);
  });

  it('keeps the intent of the last question for a follow-up', () => {
    const brief = buildCoachBrief(
      coachingInput(
        'And how many reps?',
        {},
        {
          history: [
            { role: 'user', content: 'How do I train flying sprints?' },
            { role: 'assistant', content: 'Flying 20s…' },
          ],
        },
      ),
    );
    expect(brief.intent).toBe('max_velocity');
  });
});
