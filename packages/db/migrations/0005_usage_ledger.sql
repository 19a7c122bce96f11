CREATE TABLE "quota_grants" (
	"athlete_id" text NOT NULL,
	"kind" "usage_kind" NOT NULL,
	"subject" text NOT NULL,
	"period_start" date NOT NULL,
	CONSTRAINT "quota_grants_pk" PRIMARY KEY("athlete_id","kind","subject")
);
--> statement-breakpoint
ALTER TABLE "daily_usage" DROP CONSTRAINT "daily_usage_athlete_id_athletes_id_fk";
--> statement-breakpoint
ALTER TABLE "monthly_usage" DROP CONSTRAINT "monthly_usage_athlete_id_athletes_id_fk";
