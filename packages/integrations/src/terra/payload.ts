import { z } from 'zod';

// The parts of Terra's webhook payloads Aria reads (docs.tryterra.co):
// `{type, user: {user_id, provider, reference_id?}, data: [...], version}`. Everything else is
// allowed through and ignored; every field Aria reads may be missing or null.

const number = z.number().finite().nullish();

export const terraUserSchema = z.looseObject({
  user_id: z.string().min(1),
  provider: z.string().min(1),
  reference_id: z.string().nullish(),
});
export type TerraUser = z.infer<typeof terraUserSchema>;

const metadata = z.looseObject({
  start_time: z.string().nullish(),
  end_time: z.string().nullish(),
});

const heartRateSummary = z
  .looseObject({
    summary: z
      .looseObject({ resting_hr_bpm: number, avg_hrv_rmssd: number, avg_hrv_sdnn: number })
      .nullish(),
  })
  .nullish();

export const terraDailySchema = z.looseObject({
  metadata,
  heart_rate_data: heartRateSummary,
  distance_data: z.looseObject({ steps: number }).nullish(),
  strain_data: z.looseObject({ strain_level: number }).nullish(),
  scores: z.looseObject({ recovery: number, sleep: number }).nullish(),
});

export const terraSleepSchema = z.looseObject({
  metadata: metadata.extend({ is_nap: z.boolean().nullish() }),
  heart_rate_data: heartRateSummary,
  sleep_durations_data: z
    .looseObject({
      sleep_efficiency: number,
      asleep: z.looseObject({ duration_asleep_state_seconds: number }).nullish(),
      other: z.looseObject({ duration_in_bed_seconds: number }).nullish(),
    })
    .nullish(),
});

export const terraBodySchema = z.looseObject({
  metadata,
  heart_data: z.looseObject({ heart_rate_data: heartRateSummary }).nullish(),
  heart_rate_data: heartRateSummary,
});

export const terraEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  status: z.string().nullish(),
  user: terraUserSchema.nullish(),
  old_user: terraUserSchema.nullish(),
  new_user: terraUserSchema.nullish(),
  reference_id: z.string().nullish(),
  data: z.array(z.unknown()).nullish(),
});
export type TerraEnvelope = z.infer<typeof terraEnvelopeSchema>;
