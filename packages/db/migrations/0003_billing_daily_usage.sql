CREATE TABLE "daily_usage" (
	"athlete_id" text NOT NULL,
	"period_start" date NOT NULL,
	"day" date NOT NULL,
	"kind" "usage_kind" NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_usage_pk" PRIMARY KEY("athlete_id","period_start","day","kind"),
	CONSTRAINT "daily_usage_used_non_negative" CHECK ("daily_usage"."used" >= 0)
);
--> statement-breakpoint
ALTER TABLE "daily_usage" ADD CONSTRAINT "daily_usage_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE cascade ON UPDATE no action;