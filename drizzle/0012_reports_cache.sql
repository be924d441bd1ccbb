CREATE TABLE "report_cache" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"report" text NOT NULL,
	"cache_key" text NOT NULL,
	"filters" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"tenant_generation" integer NOT NULL,
	"report_generation" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_cache" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_cache_rows" (
	"tenant_id" uuid NOT NULL,
	"cache_id" uuid NOT NULL,
	"ord" integer NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "report_cache_rows_cache_id_ord_pk" PRIMARY KEY("cache_id","ord")
);
--> statement-breakpoint
ALTER TABLE "report_cache_rows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_generations" (
	"tenant_id" uuid NOT NULL,
	"report" text NOT NULL,
	"generation" integer NOT NULL,
	CONSTRAINT "report_generations_tenant_id_report_pk" PRIMARY KEY("tenant_id","report")
);
--> statement-breakpoint
ALTER TABLE "report_generations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_settings" (
	"tenant_id" uuid NOT NULL,
	"report" text NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_settings_tenant_id_report_pk" PRIMARY KEY("tenant_id","report")
);
--> statement-breakpoint
ALTER TABLE "report_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_cache" ADD CONSTRAINT "report_cache_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cache_rows" ADD CONSTRAINT "report_cache_rows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cache_rows" ADD CONSTRAINT "report_cache_rows_cache_id_report_cache_id_fk" FOREIGN KEY ("cache_id") REFERENCES "public"."report_cache"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_generations" ADD CONSTRAINT "report_generations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_cache_key_uq" ON "report_cache" USING btree ("tenant_id","report","cache_key");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_cache" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "report_cache" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_cache_rows" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "report_cache_rows" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_generations" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "report_generations" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_settings" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "report_settings" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');