import { describe, expect, it } from 'vitest';
import { normalizeTerraWebhook } from './normalize.js';

// Terra's webhook payload (docs.tryterra.co): `{type, user: {user_id, provider, reference_id?}, data: [...],
// version}`; fields `heart_rate_data.summary.{resting_hr_bpm, avg_hrv_rmssd, avg_hrv_sdnn}`;
// sleep `sleep_durations_data.{sleep_efficiency, asleep.duration_asleep_state_seconds,
// other.duration_in_bed_seconds}`; daily `distance_data.steps`, `strain_data.strain_level`,
// `scores.{recovery, sleep}`; `metadata.{start_time, end_time}`; sleep `is_nap`.

const user = { user_id: 'terra-user-1', provider: 'OURA', reference_id: 'athlete-1' };

describe('normalizeTerraWebhook', () => {
  it('turns daily records into metrics of their local calendar day', () => {
    const effect = normalizeTerraWebhook({
      type: 'daily',
      user,
      version: '2022-03-16',
      data: [
        {
          metadata: {
            start_time: '2026-05-03T00:00:00.000000+02:00',
            end_time: '2026-05-04T00:00:00+02:00',
          },
          heart_rate_data: { summary: { resting_hr_bpm: 48, avg_hrv_rmssd: 72.4 } },
          distance_data: { steps: 10_342.0 },
          strain_data: { strain_level: 11.2 },
          scores: { recovery: 81, sleep: 77 },
        },
      ],
    });
    expect(effect).toEqual({
      kind: 'metrics',
      provider: 'oura',
      externalUserId: 'terra-user-1',
      athleteId: 'athlete-1',
      source: 'terra:oura',
      days: [
        {
          date: '2026-05-03',
          restingHr: 48,
          hrvRmssdDaily: 72.4,
          steps: 10_342,
          strain: 11.2,
          recoveryScore: 81,
        },
      ],
    });
  });

  it('files a night under the day it ends, skips naps and keeps the longest night', () => {
    const night = (start: string, end: string, asleep: number, isNap = false) => ({
      metadata: { start_time: start, end_time: end, is_nap: isNap },
      heart_rate_data: { summary: { avg_hrv_rmssd: 65, resting_hr_bpm: 50 } },
      sleep_durations_data: {
        sleep_efficiency: null,
        asleep: { duration_asleep_state_seconds: asleep },
        other: { duration_in_bed_seconds: 30_000 },
      },
    });
    const effect = normalizeTerraWebhook({
      type: 'sleep',
      user,
      data: [
        night('2026-05-03T22:40:00+02:00', '2026-05-04T06:50:00+02:00', 27_000.4),
        night('2026-05-04T13:00:00+02:00', '2026-05-04T13:30:00+02:00', 1_800, true),
        night('2026-05-04T01:00:00+02:00', '2026-05-04T03:00:00+02:00', 7_200),
      ],
    });
    expect(effect).toMatchObject({
      kind: 'metrics',
      days: [
        {
          date: '2026-05-04',
          sleepSeconds: 27_000,
          sleepEfficiency: 0.9, // 27 000 asleep of 30 000 in bed
          hrvRmssd: 65,
          restingHr: 50,
        },
      ],
    });
  });

  it('reads sleep efficiency given as a percentage and resting HR from body payloads', () => {
    const sleep = normalizeTerraWebhook({
      type: 'sleep',
      user,
      data: [
        {
          metadata: { start_time: '2026-05-04T23:00:00Z', end_time: '2026-05-05T07:00:00Z' },
          sleep_durations_data: {
            sleep_efficiency: 91,
            asleep: { duration_asleep_state_seconds: 26_000 },
          },
        },
      ],
    });
    expect(sleep).toMatchObject({ days: [{ date: '2026-05-05', sleepEfficiency: 0.91 }] });
    const body = normalizeTerraWebhook({
      type: 'body',
      user,
      data: [
        {
          metadata: { start_time: '2026-05-05T00:00:00Z', end_time: '2026-05-06T00:00:00Z' },
          heart_data: { heart_rate_data: { summary: { resting_hr_bpm: 47, avg_hrv_rmssd: 80 } } },
        },
      ],
    });
    expect(body).toMatchObject({
      days: [{ date: '2026-05-05', restingHr: 47, hrvRmssdDaily: 80 }],
    });
  });

  it("keeps the night's HRV apart from the 24-hour average, and drops zero readings", () => {
    const metadata = { start_time: '2026-05-05T23:00:00Z', end_time: '2026-05-06T07:00:00Z' };
    const sleep = normalizeTerraWebhook({
      type: 'sleep',
      user,
      data: [
        {
          metadata,
          heart_rate_data: { summary: { avg_hrv_rmssd: 88, resting_hr_bpm: 0 } },
          sleep_durations_data: {
            sleep_efficiency: 0,
            asleep: { duration_asleep_state_seconds: 0 },
          },
        },
      ],
    });
    expect(sleep).toMatchObject({ kind: 'metrics', days: [{ date: '2026-05-06', hrvRmssd: 88 }] });
    const [night] = sleep.kind === 'metrics' ? sleep.days : [];
    expect(Object.keys(night ?? {}).sort()).toEqual(['date', 'hrvRmssd']);
    const daily = normalizeTerraWebhook({
      type: 'daily',
      user,
      data: [
        {
          metadata: { start_time: '2026-05-06T00:00:00Z', end_time: '2026-05-07T00:00:00Z' },
          heart_rate_data: { summary: { avg_hrv_rmssd: 41, resting_hr_bpm: 0 } },
          scores: { recovery: 0 },
        },
      ],
    });
    const [day] = daily.kind === 'metrics' ? daily.days : [];
    expect(day).toMatchObject({ date: '2026-05-06', hrvRmssdDaily: 41 });
    expect(day?.hrvRmssd).toBeUndefined();
    expect(day?.restingHr).toBeUndefined();
    expect(day?.recoveryScore).toBeUndefined();
  });

  it("files a night ending in UTC under the athlete's date; local offsets stay as sent", () => {
    const night = (end: string) => ({
      type: 'sleep',
      user,
      data: [
        {
          metadata: { start_time: '2026-06-01T12:00:00Z', end_time: end },
          sleep_durations_data: { asleep: { duration_asleep_state_seconds: 28_000 } },
        },
      ],
    });
    // 20:30 UTC on 1 June is 06:30 on 2 June in Sydney.
    expect(normalizeTerraWebhook(night('2026-06-01T20:30:00Z'), 'Australia/Sydney')).toMatchObject({
      days: [{ date: '2026-06-02' }],
    });
    expect(normalizeTerraWebhook(night('2026-06-01T20:30:00Z'))).toMatchObject({
      days: [{ date: '2026-06-01' }],
    });
    expect(
      normalizeTerraWebhook(night('2026-06-02T06:30:00+10:00'), 'America/Los_Angeles'),
    ).toMatchObject({ days: [{ date: '2026-06-02' }] });
  });

  it('maps lifecycle events to connection changes', () => {
    expect(normalizeTerraWebhook({ type: 'auth', status: 'success', user })).toEqual({
      kind: 'connections',
      changes: [
        {
          status: 'connected',
          provider: 'oura',
          externalUserId: 'terra-user-1',
          athleteId: 'athlete-1',
        },
      ],
    });
    expect(normalizeTerraWebhook({ type: 'deauth', user })).toMatchObject({
      changes: [{ status: 'revoked', externalUserId: 'terra-user-1' }],
    });
    expect(
      normalizeTerraWebhook({
        type: 'user_reauth',
        old_user: user,
        new_user: { ...user, user_id: 'terra-user-2' },
      }),
    ).toMatchObject({
      changes: [
        { status: 'revoked', externalUserId: 'terra-user-1' },
        { status: 'connected', externalUserId: 'terra-user-2', athleteId: 'athlete-1' },
      ],
    });
  });

  it('ignores what carries nothing for Aria', () => {
    expect(normalizeTerraWebhook({ type: 'healthcheck' })).toMatchObject({ kind: 'ignored' });
    expect(normalizeTerraWebhook({ type: 'auth', status: 'error', user })).toMatchObject({
      kind: 'ignored',
    });
    expect(normalizeTerraWebhook({ type: 'activity', user, data: [{}] })).toMatchObject({
      kind: 'ignored',
    });
    expect(normalizeTerraWebhook({ type: 'daily', user, data: [{ metadata: {} }] })).toMatchObject({
      kind: 'ignored',
    });
    expect(normalizeTerraWebhook([1, 2])).toMatchObject({ kind: 'ignored' });
  });
});
