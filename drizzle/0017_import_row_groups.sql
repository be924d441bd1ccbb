CREATE TABLE "import_part_generations" (
	"tenant_id" uuid NOT NULL,
	"pipeline" text NOT NULL,
	"part" text NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "import_part_generations_tenant_id_pipeline_part_pk" PRIMARY KEY("tenant_id","pipeline","part")
);
--> statement-breakpoint
ALTER TABLE "import_part_generations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNLOGGED TABLE "import_row_groups" (
	"tenant_id" uuid NOT NULL,
	"pipeline" text NOT NULL,
	"part" text NOT NULL,
	"hash" text NOT NULL,
	"fingerprint" text NOT NULL,
	CONSTRAINT "import_row_groups_tenant_id_pipeline_part_hash_pk" PRIMARY KEY("tenant_id","pipeline","part","hash")
);
--> statement-breakpoint
ALTER TABLE "import_row_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "import_part_generations" ADD CONSTRAINT "import_part_generations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row_groups" ADD CONSTRAINT "import_row_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "import_part_generations" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "import_part_generations" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "import_row_groups" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "import_row_groups" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');