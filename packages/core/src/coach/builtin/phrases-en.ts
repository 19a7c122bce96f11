import { joinList, type Phrases } from './phrases.js';

export const english: Phrases = {
  intents: {
    warm_up: {
      analysis:
        'A sprint warm-up raises body temperature and rehearses the movements you are about to sprint, getting more specific and faster as it goes.',
      recommendation:
        'Take 20–30 minutes: 5–10 minutes of easy jogging or skipping, dynamic mobility (leg swings, lunges, hip openers), sprint drills (A-march, A-skip, dribbles), then 3–4 build-up runs over 30–60 m rising to about 90%, and 2–3 accelerations from the start position of your session. Begin the main work within 5–10 minutes of finishing.',
    },
    acceleration: {
      analysis:
        'Acceleration is a horizontal-force problem: a forward lean, low shin angles and feet landing behind the centre of mass for the first 20–30 m, with posture rising as speed builds.',
      recommendation:
        'Do 4–6 × 10–30 m starts from blocks or a crouch at full effort, resting about 1 minute per 10 m sprinted (2–3 minutes after 20–30 m), plus 3 × 15–20 m sled pushes that slow you by no more than 10%. Coach one cue: "push the ground away". Put it first in the session, when you are fresh.',
    },
    max_velocity: {
      analysis:
        'Top speed is trained by running at it: flying sprints with a 20–30 m build-up and a 10–30 m timed zone, with full recovery, because quality drops fast with fatigue.',
      recommendation:
        'Run 3–5 × flying 20–30 m after a 25–30 m build-up, at most 150–300 m of fly-zone work, resting about 1 minute per 10 m sprinted, and stop when times drop more than 3% from your best rep. Keep at least 48 hours between this and another fast session.',
    },
    speed_endurance: {
      analysis:
        'Speed endurance (efforts of about 7–15 s, up to roughly 150 m) teaches you to hold your mechanics as fatigue builds, in the part of the race where others slow down.',
      recommendation:
        'Try 2 sets of 3 × 80–120 m at 95% with 3–5 minutes between reps and 8–10 minutes between sets: about 600–900 m in all for an advanced sprinter, less if you are newer. Place it after an easy day, and never the day before a top-speed session or within 5 days of a race.',
    },
    special_endurance: {
      analysis:
        'Special endurance (efforts of about 15–40 s, and 40 s to 2 minutes for special endurance II) builds the ability to hold speed over 200–400 m; it is the most demanding work of the week.',
      recommendation:
        'Once a week at most: for example 2 × 300 m at 98–100% with 20 minutes of rest, or 4 × 300 m at 90% with 7–10 minutes; 150–250 m reps suit 200 m runners. Keep the last such session 5–7 days before a race and follow it with an easy day.',
    },
    rest_intervals: {
      analysis:
        'Rest decides what a session trains: speed and speed endurance need near-full recovery so every rep is fast; short rests turn sprint work into conditioning.',
      recommendation:
        'As a guide: 10–30 m sprints 1–3 minutes; 40–60 m 4–6 minutes; 80–150 m at 95% 5–10 minutes (up to 1 minute per 10 m for all-out reps); 300 m 7–10 minutes at 90% or about 20 minutes at 98–100%; tempo runs at 70% 30 s–2 minutes. Add a few minutes between sets, and stop the session when times drop by more than 3%.',
    },
    tempo: {
      analysis:
        'Tempo runs at 60–79% (extensive) build work capacity and help recovery between fast days; intensive tempo at 80–89% is harder and counts as a medium day.',
      recommendation:
        'Extensive tempo: for example 10–16 × 100 m at about 70% with 30–60 s of walking between, 1 400–2 500 m in all, on grass if you can, the day after speed work. Intensive tempo: 800–1 800 m at 80–89% with 2–3 minutes between reps, at most once a week.',
    },
    strength: {
      analysis:
        'Strength work makes you faster by raising the force you can put into the ground; it is prescribed as sets × reps at a load, not like running.',
      recommendation:
        'Two to three sessions a week: a squat or trap-bar deadlift for 3–5 sets of 3–5 reps at 75–85% of 1RM (RPE 7–8), Romanian deadlifts for 3 sets of 6–8, split squats for 3 sets of 6 per leg and Nordic hamstring curls for 2–3 sets of 4–6. Lift after sprinting or on another day, never before a fast session, and halve the volume in race week.',
    },
    plyometrics: {
      analysis:
        'Plyometrics train fast, stiff ground contacts, the quality you need at top speed; they are dosed by ground contacts.',
      recommendation:
        'Start with 60–100 contacts a session (120–200 for advanced athletes): pogos, skips for height, 3–4 × 20–30 m of bounding and hurdle hops, adding low depth jumps only once these are solid. Do them fresh after the warm-up, on a forgiving surface, 1–2 times a week, and not the day before a race.',
    },
    race_day: {
      analysis:
        'On race day the aim is to reach the start warm, sharp and calm; the work was done in training.',
      recommendation:
        'Eat a familiar meal 3–4 hours before; arrive early enough for a 40–60 minute warm-up that ends 15–20 minutes before the call room (jog, mobility, drills, 3–4 build-ups, 2–3 starts); between heats and the final stay warm and off your feet, then repeat a short warm-up. Use your pre-race routine and one process cue.',
    },
    pre_race_day: {
      analysis:
        'The day before a race is for staying sharp and fresh: no fatiguing work and nothing new.',
      recommendation:
        'Keep it short, 30–40 minutes: an easy warm-up, drills, 3–4 relaxed strides and 2–3 short accelerations of 10–20 m, or rest if that is your routine. Leave out speed-endurance and special-endurance reps and lifting. Pack your kit, check the schedule, eat familiar food and go to bed at your usual time.',
    },
    taper: {
      analysis:
        'A taper lets fatigue fall while fitness stays: volume comes down, intensity and frequency stay.',
      recommendation:
        'Over the last 7–14 days cut volume by 40–60% while keeping a few short race-pace efforts; hold the last speed-endurance or special-endurance session 5–7 days before the race; keep the last 48 hours to short accelerations, strides or rest; sleep well, eat familiar food and rehearse your warm-up.',
    },
    sleep: {
      analysis:
        'Adaptation happens during sleep: fewer than 7 hours a night is a warning sign for a sprinter, and 8–10 hours in bed helps both recovery and speed.',
      recommendation:
        'Keep a fixed wake time and aim for 8–9 hours in bed; keep the room dark and cool, screens off for the last 30–60 minutes, caffeine only before early afternoon, and take a 20–30 minute nap after training when the night was short. After a poor night, lower the intensity of the next session.',
    },
    recovery: {
      analysis:
        'Recovery is where training turns into speed: hard sprint days need about 48 hours between them, and the days in between stay easy.',
      recommendation:
        'Keep the day after a hard session to tempo or rest, sleep 8–9 hours, eat carbohydrate and protein within a couple of hours of training, choose easy mobility or a walk over extra intensity, and plan a lighter week every 3–4 weeks (volume down 30–50%). Soreness lasting more than 2–3 days means the volume was too high.',
    },
    youth: {
      analysis:
        'Young sprinters develop best with variety, technique and fun: speed can be trained at every age, but maximal loads and high volumes come later.',
      recommendation:
        'Keep sprints short (10–40 m) with full recovery, use games, relays, jumping and throwing for variety, teach technique with drills, build strength with body weight and technique before heavy lifting, keep to 3–4 structured sessions a week and other sports in the mix, and lighten the load during growth spurts.',
    },
    masters: {
      analysis:
        'Masters sprinters keep their speed longest when intensity stays high but volume drops and the recovery between fast days grows; tendons and calves need more preparation.',
      recommendation:
        'Keep 2 fast sessions a week with at least 72 hours between them, 2 short strength sessions (heavy but low volume), a longer warm-up of 15–20 minutes, calf and Achilles loading, and an easy day after every hard one. World Masters Athletics age groups start at 35.',
    },
    mental: {
      analysis:
        'Race nerves are normal arousal; the skill is directing it with a fixed pre-race routine, process cues and rehearsed visualisation.',
      recommendation:
        'Write a 10-minute pre-race routine and rehearse it in training; pick one process cue for each race phase (for example "push", "tall", "relax"); breathe slowly in the call room (4 s in, 6 s out); review races by what you controlled, not by the result.',
    },
    general: {
      analysis:
        'Sprint performance comes from speed, the ability to hold it, and recovering well between hard days.',
      recommendation:
        'Build the week high–low: acceleration on Monday, tempo on Tuesday, flying sprints on Wednesday, tempo on Thursday and speed endurance (special endurance for 200/400 m) on Friday, with the weekend off or optional. Tell me which part you want to work on (starts, top speed, speed endurance, strength or racing) and I can be specific.',
    },
    off_topic: {
      analysis:
        'That is outside what I coach: I am a sprint coach, so I can help with sprint training, racing, recovery and the mental side of sprinting.',
      recommendation:
        'Ask me about starts and acceleration, top speed, speed or special endurance, rest between reps, tempo, strength, plyometrics, race day and taper, sleep and recovery, or training as a masters or young athlete.',
    },
  },
  closing: {
    strict: 'Log the session and the times.',
    supportive: 'Tell me how it goes and we will adjust it together.',
    friendly: 'Let me know how it goes!',
  },
  restFor: (metres, maxMinutes) =>
    `For ${metres} m reps: about ${maxMinutes} minutes of rest when they are all-out (about 1 minute per 10 m), and ${Math.max(1, Math.round(maxMinutes / 2))}–${Math.max(2, Math.round((maxMinutes * 2) / 3))} minutes at about 90%.`,
  sleepHours: (hours, verdict) =>
    `You sleep about ${hours} hours: ${
      verdict === 'short'
        ? 'that is below the 7 hours a sprinter needs at the least, and 8–9 would help your recovery and speed.'
        : verdict === 'adequate'
          ? 'that is enough to get by; 8–9 hours would help around hard training.'
          : 'that is a good amount; keep it regular.'
    }`,
  askSleep: 'How many hours are you sleeping on average?',
  twoHundredFromHundred: (hundred, twoHundred) =>
    `With a ${hundred.toFixed(2)} s 100 m, a 200 m around ${twoHundred.toFixed(2)} s is in line with your speed.`,
  events: (events) =>
    `For your events (${events}), this matters most in the last part of the race.`,
  askContext:
    'To tailor this, tell me your event, personal bests, current training phase and weekly schedule.',
  askProfession: 'What do you do for a living? Training has to fit around work and recovery.',
  moodRecovery:
    'You said you feel tired or sore, so today leans towards recovery: keep the volume low or swap the session for tempo.',
  moodPush: 'You feel motivated: add one more quality rep if your times hold.',
  poorSleep: 'You are short of sleep, so lower the intensity and volume until it is back.',
  mastersNote: (age) => `At ${age}, keep at least 72 hours between fast sessions.`,
  youthNote: (age) => `At ${age}, keep the volume at the lower end and put technique first.`,
  sleepFigures: (hours) => `Your wearable shows about ${hours} hours of sleep recently.`,
  loadFigures: (sessions, acwr, zone) =>
    `You logged ${sessions} sessions in the last 7 days` +
    (acwr === null ? '.' : `; your acute:chronic load ratio is ${acwr} (${zone}).`),
  mentalReading: 'Reading: "Rebound", "With Winning in Mind" and "The Champion\'s Mind".',
  list: (items) => joinList(items, 'and'),
};
