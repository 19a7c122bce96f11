CREATE TABLE "operator_audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "operator_audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "event_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "athlete_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "parked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE INDEX "operator_audit_log_created_idx" ON "operator_audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_events_event_id_unique" ON "outbox_events" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "outbox_events_athlete_pending_idx" ON "outbox_events" USING btree ("athlete_id","id") WHERE "outbox_events"."published_at" IS NULL AND "outbox_events"."parked_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_external_unique" ON "training_sessions" USING btree ("athlete_id","source","external_id");