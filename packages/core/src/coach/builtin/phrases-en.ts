import { joinList, type Phrases } from './phrases.js';

export const english: Phrases = {
  opening: {
    strict: 'Straight to it.',
    supportive: 'Great question — you are clearly thinking about your training.',
    friendly: 'Hey, good one!',
  },
  closing: {
    strict: 'Execute it and log the results.',
    supportive: 'You are building something good; keep going and tell me how it feels.',
    friendly: 'Let me know how it goes, teammate!',
  },
  topicAnalysis: {
    start:
      'Acceleration is a horizontal-force problem: a forward lean, low shin angles and feet landing behind the centre of mass for the first 20–30 m.',
    max_velocity:
      'Top speed is trained by running at it: flying sprints with a 20–30 m build-up and a 10–30 m timed zone, with full recovery, because quality drops fast with fatigue.',
    speed_endurance:
      'Speed endurance (7–15 s efforts, up to about 150 m) teaches you to hold mechanics as fatigue builds; special endurance (15–40 s) extends it for the longer sprints.',
    long_sprints:
      'The 200 m and 400 m are decided by how little you slow down: special endurance (150–300 m near race pace with long rests) on top of a strong speed base.',
    injury:
      'Pain changes how you sprint, and sprinting through it turns a small problem into a long lay-off.',
    sleep_recovery:
      'Adaptation happens during recovery: fewer than 7 hours of sleep is a warning sign, and hard sprint days need about 48 hours between them.',
    mental:
      'Race nerves are normal arousal; the skill is directing it — a fixed pre-race routine, process cues and rehearsed visualisation.',
    masters:
      'Masters sprinters keep their speed longest when intensity stays high but volume drops and recovery between fast days grows.',
    race_prep:
      'Race preparation is about arriving fresh and sharp: volume comes down, intensity stays, and the routine is rehearsed.',
  },
  topicRecommendation: {
    start:
      'Do 4–6 × 10–20 m starts from blocks or a crouch, plus 3 × 15 m sled pushes that slow you by no more than 10%. Coach one cue: "push the ground away".',
    max_velocity:
      'Run 3–4 × flying 20 m (25 m build-up), at most 150–300 m of fly-zone work, and stop when times drop more than 3% from your best rep.',
    speed_endurance:
      'Try 2 sets of 3 × 80–120 m at 95% with full recovery; place it after an easy day and never the day before a top-speed session.',
    long_sprints:
      'For 200/400 m: once a week 2 × 300 m at 98–100% with 20 minutes rest (or 4 × 300 m at 90% with 7–10 minutes), with tempo runs (10 × 100 m at 70%) on easy days.',
    injury:
      'Stop high-speed running on the painful side, keep pain-free work (upper body, easy bike) and return only with a graded plan.',
    sleep_recovery:
      'Aim for 8 hours in bed with a fixed wake time; keep the day after a hard session to tempo or rest, and use easy mobility rather than more intensity.',
    mental:
      'Write a 10-minute pre-race routine and rehearse it in training; pick one process cue for each race phase.',
    masters:
      'Keep 2 fast sessions a week with at least 72 hours between them, add 2 short strength sessions, and warm up longer (15–20 minutes).',
    race_prep:
      'In race week cut volume by 40–60% while keeping a few short race-pace efforts; sleep, eat familiar food and rehearse your warm-up.',
  },
  general: {
    analysis:
      'Sprint performance comes from speed, the ability to hold it, and recovering well between hard days.',
    recommendation:
      'Build the week high–low: acceleration on Monday, tempo on Tuesday, flying sprints on Wednesday, tempo on Thursday, speed endurance on Friday.',
  },
  profile: (events) => `You focus on ${events}.`,
  best: (event, seconds) => `Your ${event} best is ${seconds.toFixed(2)} s.`,
  estimates: (sixty, twoHundred) =>
    `A 100 m time like yours matches about ${sixty.toFixed(2)} s for 60 m (hand-timed) and ${twoHundred.toFixed(2)} s for 200 m.`,
  askContext:
    'To tailor this, tell me your event, personal bests, current training phase and weekly schedule.',
  askProfession: 'What do you do for a living? Training has to fit around work and recovery.',
  askSleep: 'How many hours are you sleeping on average?',
  moodRecovery: 'You said you feel tired or sore, so today leans towards recovery.',
  moodPush: 'You feel motivated, so you can push a little more today — quality first.',
  poorSleep: 'Your sleep has been short: lower the intensity and volume until it recovers.',
  injuryCaution:
    'With an injury in the picture, be extra cautious: no maximal efforts through pain.',
  medical: (injuries) =>
    `See a medical professional (a doctor or physiotherapist) about your ${injuries} before returning to full sprinting.`,
  injuryNames: {
    hamstring: 'hamstring',
    achilles: 'Achilles',
    shin_splints: 'shin splints',
    plantar_fasciitis: 'plantar fasciitis',
    hip_flexor: 'hip flexor',
  },
  masters: (age) =>
    `At ${age} you are a masters athlete: allow more recovery between fast days and keep strength work in every week.`,
  sleepFigures: (hours) => `Your wearable shows about ${hours} hours of sleep recently.`,
  loadFigures: (sessions, acwr, zone) =>
    `You logged ${sessions} sessions in the last 7 days` +
    (acwr === null ? '.' : `; your acute:chronic workload ratio is ${acwr} (${zone}).`),
  rest: (metres, minutes) => `Rest about ${minutes} minutes after each ${metres} m sprint.`,
  taper: (min, max) => `Race week: ${min}–${max}% less volume, same intensity.`,
  mentalReading: 'Reading: "Rebound", "With Winning in Mind" and "The Champion\'s Mind".',
  list: (items) => joinList(items, 'and'),
};
