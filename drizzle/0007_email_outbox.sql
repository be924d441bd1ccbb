CREATE TABLE "email_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"outbox_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"outcome" text NOT NULL,
	"response" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_attempts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "email_bulk_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"template" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "email_bulk_jobs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"template" text NOT NULL,
	"to" text NOT NULL,
	"from_name" text NOT NULL,
	"reply_to" text,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"provider_message_id" text,
	"bulk_job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "dev_emails" CASCADE;--> statement-breakpoint
ALTER TABLE "email_attempts" ADD CONSTRAINT "email_attempts_outbox_id_email_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."email_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_bulk_job_id_email_bulk_jobs_id_fk" FOREIGN KEY ("bulk_job_id") REFERENCES "public"."email_bulk_jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_attempts_outbox_idx" ON "email_attempts" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_tenant_created_idx" ON "email_outbox" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_bulk_idx" ON "email_outbox" USING btree ("bulk_job_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "email_attempts" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "email_attempts" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "platform_work" ON "email_attempts" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on') WITH CHECK (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "platform_email" ON "email_attempts" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id is null) WITH CHECK (tenant_id is null);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "email_bulk_jobs" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "email_bulk_jobs" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "platform_work" ON "email_bulk_jobs" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on') WITH CHECK (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "platform_email" ON "email_bulk_jobs" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id is null) WITH CHECK (tenant_id is null);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "email_outbox" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "email_outbox" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "platform_work" ON "email_outbox" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on') WITH CHECK (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "platform_email" ON "email_outbox" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id is null) WITH CHECK (tenant_id is null);