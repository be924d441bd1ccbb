import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { tenants } from '../db/schema.js';
import { DEFAULT_BRANDING, renderLayout, type Branding } from './layout.js';
import { templates, type TemplateData, type TemplateName } from './templates.js';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

export interface TenantLook {
  tenantName: string;
  branding: Branding;
}

/** The tenant's name and email branding (settings.branding), or EduLedger's own. */
export async function tenantLook(
  db: Queryable,
  tenantId: string | null | undefined,
): Promise<TenantLook> {
  if (!tenantId) return { tenantName: 'EduLedger', branding: DEFAULT_BRANDING };
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  const custom = tenant?.settings.branding ?? {};
  return {
    tenantName: tenant?.name ?? 'EduLedger',
    branding: {
      senderName: custom.senderName ?? tenant?.name ?? DEFAULT_BRANDING.senderName,
      primaryColor: custom.primaryColor ?? DEFAULT_BRANDING.primaryColor,
      logoUrl: custom.logoUrl,
      replyTo: custom.replyTo,
    },
  };
}

/** Subject, HTML and text of one template with its data, in a tenant's look. */
export function renderTemplate<N extends TemplateName>(
  name: N,
  data: TemplateData<N>,
  look: TenantLook,
) {
  const template = templates[name] as {
    content(d: TemplateData<N>, tenantName: string): Parameters<typeof renderLayout>[0];
  };
  return renderLayout(template.content(data, look.tenantName), look.branding);
}
