import { describe, expect, it } from 'vitest';
import { buildCoachBrief } from './brief.js';
import { detectInjuries } from './injuries.js';
import { detectLanguage } from './language.js';
import { coachingInput } from './test-fixtures.js';
import { detectTopics } from './topics.js';

describe('topic detection', () => {
  it.each([
    ['How do I improve my block start?', ['start']],
    ['Best flying sprints for top speed', ['max_velocity']],
    ['Speed endurance for the 400m', ['speed_endurance', 'long_sprints']],
    ['My hamstring hurts', ['injury']],
    ['I slept badly and feel tired', ['sleep_recovery']],
    ['I get so nervous before races', ['mental', 'race_prep']],
    ['Training advice for masters sprinters', ['masters']],
    ['How should I taper before the championship?', ['race_prep']],
    ['¿Cómo mejoro mi salida de tacos?', ['start']],
    ['Hello there', []],
  ])('%s → %j', (question, topics) => {
    expect(detectTopics(question)).toEqual(topics);
  });
});

describe('injury and language detection', () => {
  it('names the five flagged injuries in several languages', () => {
    expect(detectInjuries('tight hamstring and sore Achilles')).toEqual(['hamstring', 'achilles']);
    expect(detectInjuries('shin splints again')).toEqual(['shin_splints']);
    expect(detectInjuries('fascitis plantar')).toEqual(['plantar_fasciitis']);
    expect(detectInjuries('Hüftbeuger zieht')).toEqual(['hip_flexor']);
    expect(detectInjuries('knee pain')).toEqual([]);
  });

  it('recognises the athlete language, English by default', () => {
    expect(detectLanguage('¿Cómo puedo mejorar mi salida?')).toBe('es');
    expect(detectLanguage('Comment est-ce que je dois faire mes départs ?')).toBe('fr');
    expect(detectLanguage('Wie soll ich meine Starts trainieren?')).toBe('de');
    expect(detectLanguage('How should I train my starts?')).toBe('en');
    expect(detectLanguage('42')).toBe('en');
  });
});

describe('buildCoachBrief', () => {
  it('derives mode, mood, age, masters and context needs', () => {
    const brief = buildCoachBrief(
      coachingInput('Any tips?', { coachMode: 'strict', mood: 'tired', birthDate: '1980-01-01' }),
    );
    expect(brief).toMatchObject({
      mode: 'strict',
      moodTendency: 'recovery',
      age: 46,
      masters: true,
      askProfession: true,
      needsContext: false,
      injuryReported: false,
    });
    expect(buildCoachBrief(coachingInput('x', { mood: 'motivated' })).moodTendency).toBe('push');
  });

  it('turns masters on at 35, not 34', () => {
    const on = (birthDate: string) => buildCoachBrief(coachingInput('q', { birthDate })).masters;
    expect(on('1991-06-01')).toBe(true);
    expect(on('1991-06-02')).toBe(false);
  });

  it('asks for context when the profile is empty', () => {
    const empty = { eventFocus: [], personalBests: {}, trainingGoal: null };
    expect(buildCoachBrief(coachingInput('Help me', empty)).needsContext).toBe(true);
  });

  it('reports injuries from the profile and the question, and poor sleep', () => {
    const brief = buildCoachBrief(
      coachingInput('I slept badly, my Achilles is stiff', { injuryStatus: 'hamstring strain' }),
    );
    expect(brief.injuries).toEqual(['hamstring', 'achilles']);
    expect(brief.injuryReported).toBe(true);
    expect(brief.poorSleep).toBe(true);
    expect(buildCoachBrief(coachingInput('q', { injuryStatus: 'none' })).injuryReported).toBe(
      false,
    );
  });

  it('keeps the topic of the last question for a follow-up', () => {
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
    expect(brief.topics).toEqual(['max_velocity']);
  });
});
