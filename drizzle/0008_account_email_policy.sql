DROP POLICY "platform_email" ON "email_attempts" CASCADE;--> statement-breakpoint
DROP POLICY "platform_email" ON "email_bulk_jobs" CASCADE;--> statement-breakpoint
DROP POLICY "platform_email" ON "email_outbox" CASCADE;--> statement-breakpoint
CREATE POLICY "account_email_insert" ON "email_attempts" AS PERMISSIVE FOR INSERT TO "eduledger_app" WITH CHECK (tenant_id is null);--> statement-breakpoint
CREATE POLICY "account_email_insert" ON "email_bulk_jobs" AS PERMISSIVE FOR INSERT TO "eduledger_app" WITH CHECK (tenant_id is null);--> statement-breakpoint
CREATE POLICY "account_email_insert" ON "email_outbox" AS PERMISSIVE FOR INSERT TO "eduledger_app" WITH CHECK (tenant_id is null);