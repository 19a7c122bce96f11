import { describe, expect, it } from 'vitest';
import { buildCoachBrief } from '../brief.js';
import { composeBuiltinAnswer } from '../builtin/compose.js';
import { coachingInput } from '../test-fixtures.js';
import { evaluationSet } from '../testing/evaluation-set.js';
import {
  dismissesPain,
  forbiddenWork,
  refersToDietitian,
  refersToMedical,
  talksOutOfReferral,
} from './check.js';
import { detectSafety, profileReportsInjury, reportsInjury } from './detect.js';
import { enforceSafety } from './enforce.js';

const answer = (recommendation: string, analysis = 'Analysis.') => ({
  analysis,
  recommendation,
  bibliography: [],
});

describe('the topic flags', () => {
  const flagsFor = (question: string) => detectSafety(coachingInput(question));

  it.each([
    'my heart races at rest',
    "I've been throwing up since the meet",
    'my period stopped this season',
    'can I take ibuprofen before a race?',
    'I get short of breath in cold air',
  ])('marks "%s" as medical', (question) => {
    expect(flagsFor(question).medical).toBe(true);
  });

  it.each([
    'is pasta good the night before?',
    'should I drink more water on hot days?',
    'can I sprint on an empty stomach?',
    'how do I gain weight for strength?',
  ])('marks "%s" as nutrition', (question) => {
    expect(flagsFor(question).nutrition).toBe(true);
  });

  it.each([
    'are protein shakes worth it?',
    'pre-workout before sessions?',
    'is coffee before training ok?',
  ])('marks "%s" as supplements', (question) => {
    expect(flagsFor(question).supplements).toBe(true);
  });

  it.each([
    'how do I breathe in the blocks?',
    'what is a good warm-up for cold weather?',
    'medicine ball throws for sprinters?',
    'how do I clear the water jump?',
    'should I do fewer reps this week?',
    'how do I cover the first 30 m faster?',
    'what comes after tempo in the week?',
    'how do I stack my sessions?',
    'should I train when I am sick of tempo?',
    'I feel ill-prepared for nationals',
  ])('marks "%s" as none of them', (question) => {
    const flags = flagsFor(question);
    expect([flags.medical, flags.nutrition, flags.supplements]).toEqual([false, false, false]);
  });
});

describe('the injury detector', () => {
  it.each([
    'I felt a sharp pull in the back of my thigh during a 60 m rep',
    'my lower back hurts after block starts',
    'I rolled my ankle on the bend',
    'hamstirng feels tight',
    "I can't sprint without pain",
    'Me duele la rodilla',
    'Rückenschmerzen seit Montag',
    'Jag har ont i vaden',
    'my calf is bad today',
    'mein Knie ist komisch',
    // What was done to a part of the body
    'I think I broke my toe',
    'I jammed my finger in the relay handoff',
    'I bashed my knee on the hurdle',
    'I tore my hamstring last season',
    'me lastimé la rodilla',
    'mi sono stirato il femorale',
    // Ordinary words for how it feels or what it does
    'there is a stabbing feeling in my heel',
    'my IT band is on fire',
    'my knee locks up',
    'my ankle keeps giving out',
    'I have a hot spot on my shin',
    'my legs are in agony',
    "I'm hobbling",
    "I got spiked and it's bleeding",
    'I did something to my back',
    'something is off with my achilles',
    'my lower leg is throbbing after spikes',
    "I've got a bum knee",
    "knee's been sore af",
    'ouch my calf',
    'ankle swole up',
    'lower back is cooked',
    'I limped off the track',
    'my ankle rolled out from under me',
    'foam rolling hurts my IT band',
    // A coach writing about an athlete
    'his calf is bad after yesterday',
    'one of my boys jarred his knee',
    'I had surgery on my knee last year, can I sprint?',
    'I think I have shinsplints',
  ])('fires on "%s"', (text) => {
    expect(reportsInjury(text)).toBe(true);
  });

  it.each([
    'How do I improve my block start?',
    'I have no pain, how do I warm up?',
    'legs burning in the last 100 m',
    'How should I pull my knee up at max velocity?',
    'How should I taper before the championship?',
    'how do I stay confident under pressure?',
    'schmerzfrei seit einer Woche',
    'Is my back too upright in acceleration?',
    'my knee is fine now',
    'How do I prevent hamstring injuries?',
    'medicine ball throws for sprinters?',
    // Prevention and risk
    'how do I avoid injuries?',
    'how do I reduce injury risk in winter?',
    // Performance idioms with injury verbs
    'I pulled a 10.9 in the 100',
    'I broke 11 seconds!',
    'tore up the track today',
    'we smashed the relay record',
    // Technique, where other parts of the body and training qualities are named
    'how do I keep my hands relaxed when sprinting?',
    'my arms are crossing my body',
    'how do I stop twisting my hips?',
    'what drills help ankle stiffness for sprinting?',
    'how do I lock out my knee at ground contact?',
    // Words another language's stemmer or a typo turned into symptoms or body regions
    'should I stretch when tight?',
    'what doses of sprints are best?',
    'how often are hip swings useful?',
    'what is a good calf raise program?',
    'how do I build stronger achilles tendons?',
    'Soll ich mit dem Schlitten sprinten, genau wie letzte Woche?',
    'Wie laufe ich mit schweren Beinen locker?',
    // Care for a muscle in an injury's words
    'I foam rolled my calves after practice',
    'I rolled out my quads with a lacrosse ball',
    'my knees knock together when I run',
    'her knee drive is weak',
    'he pulled away at 80 m',
  ])('stays quiet on "%s"', (text) => {
    expect(reportsInjury(text)).toBe(false);
  });

  it('reads a profile status of "no injury", "none" or "healthy" as no injury', () => {
    for (const status of ['no injury', 'None', 'healthy', 'n/a', 'keine', '', null]) {
      expect(profileReportsInjury(status)).toBe(false);
    }
    for (const status of ['hamstring strain', 'knee', 'recovered from a hamstring strain']) {
      expect(profileReportsInjury(status)).toBe(true);
    }
  });

  it('reads "not injured", "healed" or "cleared by physio" as no injury, unless denied', () => {
    for (const status of [
      'Not injured',
      'healed',
      'cleared by physio',
      'all good',
      'nil',
      '100%',
    ]) {
      expect(profileReportsInjury(status)).toBe(false);
    }
    for (const status of [
      'not fully recovered',
      'not cleared yet',
      'still not 100%',
      'cleared but knee sore',
      'recovering',
      'health issues',
    ]) {
      expect(profileReportsInjury(status)).toBe(true);
    }
  });
});

describe('the answer checks', () => {
  it.each([
    "A doctor visit isn't needed.",
    "There's no point seeing a doctor.",
    "I wouldn't bother with a doctor.",
    'Save your money on a physio.',
    "You probably don't need a physio.",
    'Du musst nicht zum Arzt.',
  ])('reads "%s" as talking the athlete out of care', (sentence) => {
    expect(talksOutOfReferral(sentence)).toBe(true);
    expect(refersToMedical(answer(sentence))).toBe(false);
  });

  it.each([
    "There's no point sprinting on it: see a physio first.",
    'Du musst nicht sprinten, geh zum Arzt.',
  ])('counts "%s" as a referral that warns against going on', (sentence) => {
    expect(talksOutOfReferral(sentence)).toBe(false);
    expect(refersToMedical(answer(sentence))).toBe(true);
  });

  it('does not count a negated referral', () => {
    expect(refersToMedical(answer('No need to see a doctor, just stretch.'))).toBe(false);
    expect(refersToMedical(answer("You don't need a physio for this."))).toBe(false);
    expect(refersToMedical(answer('No hace falta ir al médico.'))).toBe(false);
    expect(refersToMedical(answer('No doctor needed.'))).toBe(false);
    expect(refersToMedical(answer('Seeing a physio is not necessary.'))).toBe(false);
    expect(refersToMedical(answer('See a physiotherapist before you sprint again.'))).toBe(true);
    expect(refersToDietitian(answer('A registered dietitian can tailor this.'))).toBe(true);
  });

  it.each([
    ['Do maximal sprints of 30 m.', 'high_speed_running'],
    ['Sprint up a hill 6 times.', 'high_speed_running'],
    ['Run 150 m, 120 m, 100 m at 90%.', 'high_speed_running'],
    ['Do ten 30-metre accelerations.', 'running_rep_doses'],
    ['Do reactive jumps over mini hurdles.', 'plyometrics'],
    ['Corre series de 200 m a ritmo de carrera.', 'high_speed_running'],
    ['Corre series de 200 m a ritmo de carrera.', 'running_rep_doses'],
  ])('finds the prescription in "%s"', (text, kind) => {
    expect(forbiddenWork(answer(text))).toContain(kind);
  });

  it('finds prescriptions, but not prohibitions', () => {
    expect(forbiddenWork(answer('Do 3–4 × flying 20 m and some bounding.'))).toEqual([
      'high_speed_running',
      'plyometrics',
      'running_rep_doses',
    ]);
    expect(forbiddenWork(answer('Stop high-speed running, then do 4 × 30 m from blocks.'))).toEqual(
      ['block_starts', 'running_rep_doses'],
    );
    expect(forbiddenWork(answer("Don't worry, do 5 × 20 m sled sprints."))).toContain(
      'loaded_sprints',
    );
    expect(forbiddenWork(answer('If there is no swelling, run 3 × 150 m at 95%.'))).toEqual([
      'high_speed_running',
      'running_rep_doses',
    ]);
    expect(
      forbiddenWork(
        answer('Until you are cleared: no block starts, no plyometrics, no sled work.'),
      ),
    ).toEqual([]);
  });
});

describe('enforceSafety', () => {
  const brief = buildCoachBrief(coachingInput('My Achilles is sore'));

  it.each([
    "It's probably just a bit of tightness, keep training.",
    'Push through it.',
    'Carry on as normal.',
    'Ignore it and keep going.',
    'You can still sprint on it.',
    'A little pain is fine, keep going.',
    "It's just DOMS, train as usual.",
    "Don't let it stop you.",
    'Run it off.',
    'Trainiere einfach weiter.',
    'Fortsätt träna som vanligt.',
    "Continue à t'entraîner normalement.",
    'Continua ad allenarti come al solito.',
    'Continua a treinar normalmente.',
  ])('reads "%s" as playing pain down', (sentence) => {
    expect(dismissesPain(sentence)).toBe(true);
  });

  it.each([
    'Keep training your upper body.',
    'Keep going with your mobility work.',
    'Sprinting through pain can make it worse.',
    'Pain is a signal to stop.',
    "It's normal to feel frustrated.",
    'Sigue entrenando el tren superior.',
    'Continua a nadar.',
  ])('does not read "%s" as playing pain down', (sentence) => {
    expect(dismissesPain(sentence)).toBe(false);
  });

  it('removes unsafe sentences and adds the referral, restriction and safe work', () => {
    const repaired = enforceSafety(
      answer('No need to see a doctor. Do 4 × 30 m flying sprints. Keep a training log.'),
      brief,
    );
    expect(repaired.recommendation).toMatch(
      /^Keep a training log\. See a doctor or physiotherapist/,
    );
    expect(repaired.recommendation).toContain('Until you are cleared: no high-speed running');
    expect(repaired.recommendation).toContain('What you can do safely now');
    expect(forbiddenWork(repaired)).toEqual([]);
    expect(enforceSafety(repaired, brief)).toEqual(repaired);
  });

  it('adds the safe alternatives and the sleep question a referring answer left out', () => {
    const repaired = enforceSafety(answer('See a physiotherapist this week.'), brief);
    expect(repaired.recommendation).toMatch(/^See a physiotherapist this week\. What you can do/);
    expect(repaired.recommendation).toContain('How many hours are you sleeping?');
    const complete = answer(
      'See a physiotherapist this week; until then swim or cycle if it is pain-free. How do you sleep?',
    );
    expect(enforceSafety(complete, brief)).toEqual(complete);
  });

  it('replaces a recommendation with nothing safe in it', () => {
    const repaired = enforceSafety(answer('Run 6 × 60 m at 95%.'), brief);
    expect(repaired.recommendation).toMatch(/^See a doctor or physiotherapist/);
    expect(repaired.recommendation).toContain('How many hours are you sleeping?');
  });

  it('adds a dietitian to nutrition answers and a doctor to medical ones', () => {
    const food = buildCoachBrief(coachingInput('Should I take creatine?'));
    expect(enforceSafety(answer('Take 5 g a day.'), food).recommendation).toContain('dietitian');
    const fever = buildCoachBrief(coachingInput('I have a fever, can I train?'));
    expect(enforceSafety(answer('Train as usual.'), fever).recommendation).toContain('doctor');
  });

  it('leaves every built-in answer of the evaluation set as it is', () => {
    for (const testCase of evaluationSet) {
      const input = coachingInput(testCase.question, testCase.profile, {
        history: testCase.history ?? [],
      });
      const caseBrief = buildCoachBrief(input);
      const builtin = composeBuiltinAnswer(input, caseBrief);
      expect(enforceSafety(builtin, caseBrief), testCase.id).toEqual(builtin);
    }
  });
});
