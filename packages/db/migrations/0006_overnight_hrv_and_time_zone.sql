ALTER TABLE "athletes" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_metrics" ADD COLUMN "hrv_rmssd_daily" real;--> statement-breakpoint
-- Until now Terra's 24-hour average and its overnight HRV overwrote each other in hrv_rmssd,
-- so a stored Terra value has no known condition. Keep it as a 24-hour average, so that the
-- overnight series readiness prefers holds only overnight readings (manual entries, and
-- Terra sleep records from now on).
UPDATE "daily_metrics" SET "hrv_rmssd_daily" = "hrv_rmssd", "hrv_rmssd" = NULL WHERE "source" LIKE 'terra:%' AND "hrv_rmssd" IS NOT NULL;
