CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contact_id" uuid NOT NULL,
	"event_id" uuid,
	"type" text,
	"subject" text,
	"description" text,
	"activity_date" date,
	"status" text,
	"deleted_at" timestamp with time zone,
	"deleted_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "affiliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contact_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'Current' NOT NULL,
	"start_date" date,
	"end_date" date
);
--> statement-breakpoint
ALTER TABLE "affiliations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"school_id" uuid,
	"class_year" integer
);
--> statement-breakpoint
ALTER TABLE "classes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contact_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"email" text NOT NULL,
	"kind" text DEFAULT 'email' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_emails" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"salutation" text,
	"first_name" text DEFAULT '' NOT NULL,
	"middle_name" text,
	"last_name" text DEFAULT '' NOT NULL,
	"suffix" text,
	"gender" text,
	"race_ethnicity" text,
	"age_group" text,
	"education_level" text,
	"birthdate" date,
	"phone" text,
	"mobile_phone" text,
	"mailing_street" text,
	"mailing_city" text,
	"mailing_state" text,
	"mailing_postal_code" text,
	"do_not_call" boolean DEFAULT false NOT NULL,
	"do_not_contact" boolean DEFAULT false NOT NULL,
	"email_opt_out" boolean DEFAULT false NOT NULL,
	"exclude_from_reports" boolean DEFAULT false NOT NULL,
	"notes" text
);
--> statement-breakpoint
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "data_quality_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"entity_external_id" text NOT NULL,
	"issue" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"dismissed_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "data_quality_flags" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "engagement_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"local_zip_prefixes" text[],
	"partial_zip_prefixes" text[],
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engagement_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"type" text DEFAULT 'classroom_activity' NOT NULL,
	"format" text DEFAULT 'in_person' NOT NULL,
	"start_at" timestamp with time zone,
	"end_at" timestamp with time zone,
	"duration_minutes" integer,
	"status" text DEFAULT 'Requested' NOT NULL,
	"raw_status" text,
	"cancellation_reason" text,
	"location" text,
	"school_id" uuid,
	"district_name" text,
	"inferred_district_id" uuid,
	"volunteers_needed" integer,
	"available_slots" integer,
	"registration_link" text,
	"session_host" text,
	"series" text,
	"career_cluster" text
);
--> statement-breakpoint
ALTER TABLE "events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"type" text DEFAULT 'Other' NOT NULL,
	"description" text,
	"billing_street" text,
	"billing_city" text,
	"billing_state" text,
	"billing_postal_code" text,
	"billing_country" text,
	"last_activity_date" date
);
--> statement-breakpoint
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "schools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"district_id" uuid,
	"code" text,
	"level" text DEFAULT 'Other' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schools" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "student_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"status" text DEFAULT 'Registered' NOT NULL,
	"delivery_hours" numeric(8, 2),
	"age_group" text
);
--> statement-breakpoint
ALTER TABLE "student_participations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "students" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"student_number" text,
	"school_id" uuid,
	"class_id" uuid,
	"current_grade" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "students_grade_range" CHECK (current_grade between 0 and 12)
);
--> statement-breakpoint
ALTER TABLE "students" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "teacher_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"attendance_confirmed_at" timestamp with time zone,
	"admin_note" text
);
--> statement-breakpoint
ALTER TABLE "teacher_participations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "teachers" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"school_id" uuid,
	"department" text,
	"status" text DEFAULT 'active' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teachers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteer_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"status" text,
	"delivery_hours" numeric(8, 2),
	"age_group" text,
	"title" text,
	"email" text
);
--> statement-breakpoint
ALTER TABLE "volunteer_participations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteers" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"primary_organization_id" uuid,
	"organization_name" text,
	"title" text,
	"department" text,
	"industry" text,
	"skills" text,
	"interests" text,
	"local_status" text DEFAULT 'unknown' NOT NULL,
	"first_volunteer_date" date,
	"last_volunteer_date" date,
	"times_volunteered" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "volunteers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_emails" ADD CONSTRAINT "contact_emails_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_emails" ADD CONSTRAINT "contact_emails_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_quality_flags" ADD CONSTRAINT "data_quality_flags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_settings" ADD CONSTRAINT "engagement_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_inferred_district_id_districts_id_fk" FOREIGN KEY ("inferred_district_id") REFERENCES "public"."districts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_participations" ADD CONSTRAINT "student_participations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_participations" ADD CONSTRAINT "student_participations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_participations" ADD CONSTRAINT "student_participations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_participations" ADD CONSTRAINT "teacher_participations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_participations" ADD CONSTRAINT "teacher_participations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_participations" ADD CONSTRAINT "teacher_participations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_participations" ADD CONSTRAINT "volunteer_participations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_participations" ADD CONSTRAINT "volunteer_participations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_participations" ADD CONSTRAINT "volunteer_participations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_primary_organization_id_organizations_id_fk" FOREIGN KEY ("primary_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_external_uq" ON "activities" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "activities_contact_idx" ON "activities" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "activities_event_idx" ON "activities" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "activities_tenant_date_idx" ON "activities" USING btree ("tenant_id","activity_date");--> statement-breakpoint
CREATE UNIQUE INDEX "affiliations_external_uq" ON "affiliations" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "affiliations_contact_idx" ON "affiliations" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "affiliations_organization_idx" ON "affiliations" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "classes_external_uq" ON "classes" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "classes_school_idx" ON "classes" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_emails_contact_email_uq" ON "contact_emails" USING btree ("contact_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_emails_one_primary_uq" ON "contact_emails" USING btree ("contact_id") WHERE is_primary;--> statement-breakpoint
CREATE INDEX "contact_emails_tenant_email_idx" ON "contact_emails" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_external_uq" ON "contacts" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "contacts_tenant_kind_name_idx" ON "contacts" USING btree ("tenant_id","kind","last_name","first_name");--> statement-breakpoint
CREATE UNIQUE INDEX "data_quality_flags_entity_issue_uq" ON "data_quality_flags" USING btree ("tenant_id","entity_type","entity_external_id","issue");--> statement-breakpoint
CREATE INDEX "data_quality_flags_tenant_status_idx" ON "data_quality_flags" USING btree ("tenant_id","status","issue");--> statement-breakpoint
CREATE UNIQUE INDEX "districts_external_uq" ON "districts" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "districts_tenant_name_idx" ON "districts" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "events_external_uq" ON "events" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "events_tenant_start_idx" ON "events" USING btree ("tenant_id","start_at");--> statement-breakpoint
CREATE INDEX "events_tenant_status_start_idx" ON "events" USING btree ("tenant_id","status","start_at");--> statement-breakpoint
CREATE INDEX "events_school_idx" ON "events" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "events_inferred_district_idx" ON "events" USING btree ("inferred_district_id");--> statement-breakpoint
CREATE INDEX "events_tenant_title_idx" ON "events" USING btree ("tenant_id","title");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_external_uq" ON "organizations" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "organizations_tenant_name_idx" ON "organizations" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "schools_external_uq" ON "schools" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "schools_district_idx" ON "schools" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "schools_tenant_name_idx" ON "schools" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "student_participations_external_uq" ON "student_participations" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "student_participations_pair_uq" ON "student_participations" USING btree ("event_id","contact_id");--> statement-breakpoint
CREATE INDEX "student_participations_contact_idx" ON "student_participations" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "students_tenant_number_idx" ON "students" USING btree ("tenant_id","student_number");--> statement-breakpoint
CREATE INDEX "students_school_idx" ON "students" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "students_class_idx" ON "students" USING btree ("class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_participations_external_uq" ON "teacher_participations" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_participations_pair_uq" ON "teacher_participations" USING btree ("event_id","contact_id");--> statement-breakpoint
CREATE INDEX "teacher_participations_contact_idx" ON "teacher_participations" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "teachers_tenant_idx" ON "teachers" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "teachers_school_idx" ON "teachers" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_participations_external_uq" ON "volunteer_participations" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "volunteer_participations_event_idx" ON "volunteer_participations" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "volunteer_participations_contact_idx" ON "volunteer_participations" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "volunteers_tenant_idx" ON "volunteers" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "volunteers_primary_org_idx" ON "volunteers" USING btree ("primary_organization_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "activities" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "activities" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "affiliations" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "affiliations" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "classes" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "classes" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "contact_emails" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "contact_emails" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "contacts" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "contacts" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "data_quality_flags" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "data_quality_flags" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "districts" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "districts" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "engagement_settings" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "engagement_settings" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "events" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "events" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "organizations" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "organizations" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "schools" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "schools" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "student_participations" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "student_participations" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "students" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "students" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "teacher_participations" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "teacher_participations" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "teachers" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "teachers" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "volunteer_participations" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "volunteer_participations" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "volunteers" AS PERMISSIVE FOR ALL TO "eduledger_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "platform_read" ON "volunteers" AS PERMISSIVE FOR SELECT TO "eduledger_app" USING (current_setting('app.all_tenants', true) = 'on');