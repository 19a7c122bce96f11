import type { PlanPhase, SessionType, SprintEvent } from './types.js';

type Slot = 'high' | 'low' | 'rest';

/**
 * Which weekdays (Monday first) carry a high-CNS session, a low one or rest, by training days
 * per week. Every pattern keeps ≥ 48 h between high days, also across the weekend into the
 * next Monday (the high–low rule; Charlie Francis).
 */
export const weeklySlots: Readonly<Record<number, readonly Slot[]>> = {
  2: ['high', 'rest', 'rest', 'high', 'rest', 'rest', 'rest'],
  3: ['high', 'rest', 'low', 'rest', 'high', 'rest', 'rest'],
  4: ['high', 'low', 'rest', 'high', 'low', 'rest', 'rest'],
  5: ['high', 'low', 'high', 'low', 'high', 'rest', 'rest'],
  6: ['high', 'low', 'high', 'low', 'high', 'low', 'rest'],
};

type HighType = Extract<
  SessionType,
  'acceleration' | 'max_velocity' | 'speed_endurance' | 'special_endurance'
>;
type PlannedPhase = Exclude<PlanPhase, 'taper'>;

/**
 * High days by priority (the first two are used with two high days a week). 200 m and 400 m
 * lead with special endurance; 60 m and 100 m with acceleration and maximal velocity.
 */
const highPriorities: Readonly<Record<SprintEvent, Record<PlannedPhase, HighType[]>>> = {
  '60m': {
    general_preparation: ['acceleration', 'acceleration', 'max_velocity'],
    specific_preparation: ['acceleration', 'max_velocity', 'acceleration'],
    competition: ['acceleration', 'max_velocity', 'speed_endurance'],
  },
  '100m': {
    general_preparation: ['acceleration', 'max_velocity', 'acceleration'],
    specific_preparation: ['acceleration', 'max_velocity', 'speed_endurance'],
    competition: ['acceleration', 'max_velocity', 'speed_endurance'],
  },
  '200m': {
    general_preparation: ['acceleration', 'speed_endurance', 'acceleration'],
    specific_preparation: ['special_endurance', 'max_velocity', 'speed_endurance'],
    competition: ['special_endurance', 'max_velocity', 'acceleration'],
  },
  '400m': {
    general_preparation: ['special_endurance', 'acceleration', 'speed_endurance'],
    specific_preparation: ['special_endurance', 'max_velocity', 'speed_endurance'],
    competition: ['special_endurance', 'max_velocity', 'speed_endurance'],
  },
};

/** Through the week: acceleration early, the longest runs last (Mon acc … Fri endurance). */
const weekOrder: readonly HighType[] = [
  'acceleration',
  'max_velocity',
  'speed_endurance',
  'special_endurance',
];

const lowPriorities: Readonly<Record<PlannedPhase, SessionType[]>> = {
  general_preparation: ['tempo', 'strength', 'tempo'],
  specific_preparation: ['tempo', 'tempo', 'strength'],
  competition: ['tempo', 'tempo', 'strength'],
};

/** The session type of each weekday (Monday first) for a week of `phase`. */
export function weekTypes(
  event: SprintEvent,
  phase: PlannedPhase,
  daysPerWeek: number,
): SessionType[] {
  const slots = weeklySlots[daysPerWeek];
  if (!slots) throw new RangeError('daysPerWeek must be 2–6');
  const highCount = slots.filter((slot) => slot === 'high').length;
  const highs = highPriorities[event][phase]
    .slice(0, highCount)
    .sort((a, b) => weekOrder.indexOf(a) - weekOrder.indexOf(b));
  const lows = [...lowPriorities[phase]];
  return slots.map((slot) => {
    if (slot === 'rest') return 'rest';
    const next = slot === 'high' ? highs.shift() : lows.shift();
    return next ?? 'rest';
  });
}
