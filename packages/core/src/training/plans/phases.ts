import type { PhaseSpan, PlanPhase } from './types.js';

/**
 * Splits `weeks` into general preparation → specific preparation → competition → taper (the
 * race week). Before the taper, about 25% competition and 35% specific preparation, the rest
 * general; short plans keep the phases nearest the race first.
 */
export function allocatePhases(weeks: number): PhaseSpan[] {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError('weeks must be at least 1');
  const beforeTaper = weeks - 1;
  const competition = beforeTaper >= 1 ? Math.max(1, Math.round(beforeTaper * 0.25)) : 0;
  const specific = beforeTaper >= 2 ? Math.max(1, Math.round(beforeTaper * 0.35)) : 0;
  const general = beforeTaper - competition - specific;
  const lengths: [PlanPhase, number][] = [
    ['general_preparation', general],
    ['specific_preparation', specific],
    ['competition', competition],
    ['taper', 1],
  ];
  const spans: PhaseSpan[] = [];
  let next = 1;
  for (const [phase, length] of lengths) {
    if (length <= 0) continue;
    spans.push({ phase, fromWeek: next, toWeek: next + length - 1 });
    next += length;
  }
  return spans;
}

/** The phase of a 1-based week and how many weeks of that phase came before it. */
export function phaseOfWeek(spans: readonly PhaseSpan[], week: number) {
  const span = spans.find((candidate) => week >= candidate.fromWeek && week <= candidate.toWeek);
  if (!span) throw new RangeError(`week ${week} is outside the plan`);
  return { phase: span.phase, weekInPhase: week - span.fromWeek };
}
