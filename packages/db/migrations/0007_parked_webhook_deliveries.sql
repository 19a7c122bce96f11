CREATE TABLE "parked_webhook_deliveries" (
	"provider" text NOT NULL,
	"delivery_id" text NOT NULL,
	"reason" text NOT NULL,
	"body_base64" text NOT NULL,
	"parked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parked_webhook_deliveries_pk" PRIMARY KEY("provider","delivery_id")
);
