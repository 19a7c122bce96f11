ALTER TABLE "messages" ADD COLUMN "answer" jsonb;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "media_type" text;