import { daysBetween } from '../dates.js';
import type { PlannedSession } from './types.js';

/** High–low: at least 48 h (two calendar days) between high-CNS sessions. */
export const minimumDaysBetweenHighSessions = 2;

/** Pairs of high-CNS sessions closer than 48 h, in date order. */
export function highLowViolations(sessions: readonly PlannedSession[]) {
  const highs = sessions.filter((session) => session.cns === 'high');
  const violations: [PlannedSession, PlannedSession][] = [];
  for (let index = 1; index < highs.length; index += 1) {
    const previous = highs[index - 1];
    const current = highs[index];
    if (!previous || !current) continue;
    if (daysBetween(previous.date, current.date) < minimumDaysBetweenHighSessions) {
      violations.push([previous, current]);
    }
  }
  return violations;
}
