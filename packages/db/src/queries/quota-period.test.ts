import { describe, expect, it } from 'vitest';
import { quotaPeriodOf } from './subscriptions.js';

// quotaPeriodOf keeps each zone's date for the minute it was read in and each month's end
// once computed; these compare it with Intl read afresh, walking forward in time as a
// server does, so the kept values are the ones answering.

const hour = 3_600_000;

// The reference formats are kept per zone too: building one costs far more than using it.
const references = new Map<string, { date: Intl.DateTimeFormat; wall: Intl.DateTimeFormat }>();
function reference(timeZone: string) {
  let formats = references.get(timeZone);
  if (!formats) {
    formats = {
      date: new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
      wall: new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        dateStyle: 'short',
        timeStyle: 'medium',
      }),
    };
    references.set(timeZone, formats);
  }
  return formats;
}

function dateIn(at: Date, timeZone: string): string {
  return reference(timeZone).date.format(at);
}

/** Milliseconds the clocks of `timeZone` are ahead of UTC at `ms` (whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  const wall = reference(timeZone).wall.format(new Date(ms)).replace(' ', 'T');
  return Date.parse(`${wall}Z`) - Math.floor(ms / 1_000) * 1_000;
}

/** The instants in 2026 where the clocks of `timeZone` change, to the second. */
function clockChangesIn2026(timeZone: string): number[] {
  const changes: number[] = [];
  const step = 6 * hour;
  for (let from = Date.UTC(2026, 0, 1); from < Date.UTC(2027, 0, 1); from += step) {
    if (offsetAt(from, timeZone) === offsetAt(from + step, timeZone)) continue;
    let [low, high] = [from, from + step];
    while (high - low > 1_000) {
      const middle = Math.floor((low + high) / 2);
      if (offsetAt(middle, timeZone) === offsetAt(from, timeZone)) low = middle;
      else high = middle;
    }
    changes.push(high);
  }
  return changes;
}

function steps(from: number, to: number, step: number): number[] {
  const instants: number[] = [];
  for (let ms = from; ms < to; ms += step) instants.push(ms);
  return instants;
}

describe("quotaPeriodOf's date and month end", () => {
  it('gives the Intl date in every zone, at instants across a year', () => {
    const wrong: string[] = [];
    for (const timeZone of Intl.supportedValuesOf('timeZone')) {
      // 41 h 7 min 13 s steps land on every hour of the day, and many minutes, over the year.
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 148_033_000) {
        const at = new Date(ms);
        if (quotaPeriodOf(undefined, at, timeZone).day !== dateIn(at, timeZone)) {
          wrong.push(`${timeZone} ${at.toISOString()}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the Intl date every few seconds around clock changes and their midnights', () => {
    const zones = [
      'America/Santiago', // clocks change at midnight
      'America/Havana',
      'Asia/Gaza',
      'Australia/Lord_Howe', // a 30-minute change
      'Pacific/Chatham', // +12:45 / +13:45
      'Europe/London',
      'America/New_York',
    ];
    const wrong: string[] = [];
    for (const timeZone of zones) {
      const changes = clockChangesIn2026(timeZone);
      expect(changes.length, timeZone).toBeGreaterThanOrEqual(1);
      for (const change of changes) {
        // A day either side holds the midnights next to the change: each minute of it (with
        // a drifting second), and each second of the minutes next to the change itself.
        const instants = [
          ...steps(change - 26 * hour, change + 26 * hour, 60_013),
          ...steps(change - 5 * 60_000, change + 5 * 60_000, 1_009),
        ];
        for (const ms of instants) {
          const at = new Date(ms);
          if (quotaPeriodOf(undefined, at, timeZone).day !== dateIn(at, timeZone)) {
            wrong.push(`${timeZone} ${at.toISOString()}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers a new month end each time, which the caller may change', () => {
    const at = new Date('2026-03-15T12:00:00Z');
    const first = quotaPeriodOf(undefined, at, 'America/New_York').resetsAt;
    first?.setTime(0);
    expect(quotaPeriodOf(undefined, at, 'America/New_York').resetsAt).toEqual(
      new Date('2026-04-01T04:00:00.000Z'),
    );
  });
});
