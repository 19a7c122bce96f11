import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isoDateIn } from './time-zone.js';

describe('canonicalTimeZone', () => {
  it.each([
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['america/los_angeles', 'America/Los_Angeles'],
    ['Europe/Stockholm', 'Europe/Stockholm'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
  ])('accepts %s as %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it.each(['Mars/Olympus', '+02:00', 'EST', 'GMT', '', 'Europe/', 'x'.repeat(70)])(
    'refuses %j',
    (name) => {
      expect(canonicalTimeZone(name)).toBeUndefined();
    },
  );
});

describe('isoDateIn', () => {
  it('is the wall-clock date of the zone', () => {
    // 18:00 in Los Angeles (PDT, UTC−7) is 01:00 the next day in UTC.
    const evening = new Date('2026-06-02T01:00:00Z');
    expect(isoDateIn(evening, 'America/Los_Angeles')).toBe('2026-06-01');
    expect(isoDateIn(evening, 'UTC')).toBe('2026-06-02');
    expect(isoDateIn(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01-01');
    expect(isoDateIn(new Date('2026-03-01T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-03-02');
  });
});
