import type { NewKnowledgeArticle } from './schema/index.js';

/**
 * Starter articles for development and demos. Fixed ids keep seeding idempotent. The bodies
 * are generic coaching guidance, not medical advice.
 */
export const seedKnowledgeArticles: readonly NewKnowledgeArticle[] = [
  {
    id: '8a1f4c52-3b7e-4d1a-9c60-0e5b2f7d1a01',
    title: 'Acceleration mechanics: the first 10 metres',
    summary:
      'How body angle, shin angle and ground contact change over the first steps out of the blocks.',
    tags: ['acceleration', 'technique', 'starts', 'block start'],
    body: [
      'Acceleration is a horizontal-force problem. In the first steps the athlete leans forward',
      'with a straight line from ankle to head, and each foot lands behind the centre of mass',
      'so it can push backwards rather than brake. Shin angles stay low and rise gradually',
      'over roughly 20–30 metres as the torso comes up; popping up early shortens the',
      'acceleration phase and caps top speed.',
      '',
      'Useful drills: wall drives (hold the lean, switch legs on command), falling starts,',
      'sled pushes or light resisted sprints (load that slows the athlete by no more than',
      'about 10%), and 10–20 m starts from a crouch or blocks with full recovery (2–3 min',
      'per 10 m). Coach one cue at a time — "push the ground away" or "low heel recovery".',
    ].join('\n'),
  },
  {
    id: '8a1f4c52-3b7e-4d1a-9c60-0e5b2f7d1a02',
    title: 'Maximum velocity: flying sprints',
    summary:
      'Flying 10s to 30s develop top speed with a build-up zone followed by a short timed zone at maximal speed.',
    tags: ['max velocity', 'speed', 'flying sprints', 'technique'],
    body: [
      'Top speed is trained by running at it. A flying sprint uses a 20–30 m build-up and then',
      'a 10–30 m "fly" zone run at maximal speed; timing the fly zone gives an honest measure',
      'of progress. Keep volume low (roughly 150–300 m of fly-zone running per session) and',
      'rest fully, 4–6 minutes, because quality falls quickly once fatigue sets in.',
      '',
      'Technical focus at max velocity: tall posture, front-side mechanics (knee up, foot',
      'cycling under the hips), short ground contacts and relaxed face and shoulders. Stop the',
      'session when times drop by more than about 3% from the best rep.',
    ].join('\n'),
  },
  {
    id: '8a1f4c52-3b7e-4d1a-9c60-0e5b2f7d1a03',
    title: 'Speed endurance for 200 m and 400 m',
    summary:
      'Repetitions of 80–150 m near race speed teach athletes to hold mechanics while fatigued.',
    tags: ['speed endurance', '200m', '400m', 'lactate'],
    body: [
      'Speed endurance is the ability to keep speed high as fatigue builds. Short speed',
      'endurance uses 60–80 m runs at 95%+ with long recoveries; special endurance uses',
      '150–300 m at 90–95% with near-full recovery (8–15 minutes). Total volume is modest,',
      'often 300–600 m per session.',
      '',
      'Place these sessions after a rest or easy day, never the day before a max velocity',
      'session. Watch mechanics: when the athlete can no longer hold posture and rhythm, the',
      'rep is no longer training the race.',
    ].join('\n'),
  },
  {
    id: '8a1f4c52-3b7e-4d1a-9c60-0e5b2f7d1a04',
    title: 'Sleep and recovery for sprinters',
    summary:
      'Sleep duration and consistency drive recovery, reaction time and injury risk more than any supplement.',
    tags: ['sleep', 'recovery', 'hrv', 'readiness'],
    body: [
      'Most athletes need 8–10 hours in bed to get 7–9 hours of sleep. A consistent bedtime and',
      'wake time matter as much as total hours. Poor sleep lowers heart-rate variability,',
      'slows reaction time and is associated with a higher injury rate.',
      '',
      'Practical habits: dim screens in the last hour, keep the room cool and dark, avoid',
      'caffeine after early afternoon, and use a 20–30 minute nap on double-session days.',
      "When resting heart rate is elevated and HRV is well below the athlete's baseline for",
      'several days, reduce intensity rather than pushing through.',
    ].join('\n'),
  },
  {
    id: '8a1f4c52-3b7e-4d1a-9c60-0e5b2f7d1a05',
    title: 'Hamstring injury prevention',
    summary:
      'Eccentric strength, regular high-speed exposure and sensible load progression reduce hamstring strains.',
    tags: ['injury prevention', 'hamstring', 'nordic curls', 'strength'],
    body: [
      'Hamstring strains are the most common sprint injury and usually happen in late swing,',
      'when the muscle lengthens under load. Eccentric work such as Nordic hamstring curls',
      '(1–3 sets of 3–6 reps, twice a week in the off-season, once a week in season) builds',
      'tolerance to that lengthening.',
      '',
      'Just as important is regular exposure to high speed: athletes who avoid sprinting for',
      'weeks and then race are at higher risk. Increase weekly sprint volume gradually, keep',
      'the acute:chronic workload ratio roughly between 0.8 and 1.3, and stop a session at the',
      'first sign of tightness. Any sharp pain needs assessment by a physiotherapist.',
    ].join('\n'),
  },
  {
    id: '8a1f4c52-3b7e-4d1a-9c60-0e5b2f7d1a06',
    title: 'Tapering before a championship',
    summary:
      'Cut volume by 40–60% over 7–14 days while keeping intensity and frequency to arrive fresh and fast.',
    tags: ['taper', 'competition', 'peaking', 'periodisation'],
    body: [
      'A taper removes fatigue while keeping fitness. For sprinters, reduce total volume by',
      'around 40–60% over the final one to two weeks, keep the intensity of speed work high,',
      'and keep the usual number of sessions so the athlete stays sharp.',
      '',
      'A typical last week: one short acceleration session, one session of a few flying',
      'sprints at race speed, light mobility and strides, and a full rest day two days out.',
      'Avoid new exercises, heavy lifting and long speed-endurance work in the final 10 days.',
    ].join('\n'),
  },
];
