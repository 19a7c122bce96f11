CREATE TYPE "public"."analysis_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"athlete_id" text NOT NULL,
	"status" "analysis_status" DEFAULT 'queued' NOT NULL,
	"media_kind" text NOT NULL,
	"media_type" text NOT NULL,
	"media_bytes" integer NOT NULL,
	"event" text,
	"experience_level" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error_code" text,
	"provider" text,
	"model" text,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"charged_period_start" date,
	"charged_day" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "analyses_media_kind" CHECK ("analyses"."media_kind" IN ('video', 'image')),
	CONSTRAINT "analyses_completed_has_result" CHECK ("analyses"."status" <> 'completed' OR "analyses"."result" IS NOT NULL),
	CONSTRAINT "analyses_failed_has_error" CHECK ("analyses"."status" <> 'failed' OR "analyses"."error_code" IS NOT NULL),
	CONSTRAINT "analyses_charge_complete" CHECK (("analyses"."charged_period_start" IS NULL) = ("analyses"."charged_day" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "analysis_media" (
	"analysis_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"part" text NOT NULL,
	"media_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "analysis_media_pk" PRIMARY KEY("analysis_id","seq"),
	CONSTRAINT "analysis_media_part" CHECK ("analysis_media"."part" IN ('upload', 'frame'))
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_media" ADD CONSTRAINT "analysis_media_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analyses_athlete_created_idx" ON "analyses" USING btree ("athlete_id","created_at");