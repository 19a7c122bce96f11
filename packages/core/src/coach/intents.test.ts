import { describe, expect, it } from 'vitest';
import { recogniseIntent } from './intents.js';

describe('recogniseIntent', () => {
  it.each([
    ['how do I warm up on race morning?', 'race_day'],
    ['two weeks out from my big race, what now?', 'taper'],
    ['how long between my 300s?', 'rest_intervals'],
    ["what's a good cool down?", 'recovery'],
    ['how do I pace a 400?', 'special_endurance'],
    ['how do I handle rounds at a championship?', 'race_day'],
    ['how do I breathe during a 400?', 'special_endurance'],
    ['my resting heart rate is 48, is that good?', 'recovery'],
    ['how do I stay loose between the semi and the final?', 'race_day'],
    ['what should my warm up be before a 60m race?', 'race_day'],
    ['how much should I cut volume before the big meet?', 'taper'],
    ['how do I hold form at the end of the 100?', 'speed_endurance'],
    ['give me a pre-practice routine', 'warm_up'],
    ['how can I sleep better before races?', 'sleep'],
  ])('reads "%s" as %s', (question, intent) => {
    expect(recogniseIntent(question)).toBe(intent);
  });

  // Each of these once matched another language's word, or a typo of a word it is not.
  it.each([
    ['how do I train on the track in winter?', 'mental'],
    ['I timed my 60 today, how do I get faster?', 'recovery'],
    ['what matters most in the 100?', 'masters'],
    ['how do I sprint in wet conditions?', 'tempo'],
    ['¿Cómo mejoro el contacto con el suelo?', 'sleep'],
    ['¿Qué hago fuera de temporada?', 'strength'],
  ])('does not read "%s" as %s', (question, intent) => {
    expect(recogniseIntent(question)).not.toBe(intent);
  });
});
