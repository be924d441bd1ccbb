import { renderSimpleEmail } from '../email/render.js';
import type { EmailMessage } from '../email/sender.js';

export const ROLE_LABELS: Record<string, string> = {
  tenant_admin: 'tenant administrator',
  staff: 'staff member',
  district_viewer: 'district viewer',
  program_admin: 'program administrator',
  instructor: 'instructor',
};

export function invitationEmail(input: {
  to: string;
  tenantId: string;
  tenantName: string;
  inviterName: string;
  role: string;
  message: string | null;
  url: string;
}): EmailMessage {
  const role = ROLE_LABELS[input.role] ?? input.role;
  return {
    template: 'invitation',
    to: input.to,
    tenantId: input.tenantId,
    data: { url: input.url, role: input.role, inviter: input.inviterName },
    ...renderSimpleEmail({
      subject: `${input.inviterName} invited you to ${input.tenantName} on EduLedger`,
      paragraphs: [
        `${input.inviterName} invited you to join ${input.tenantName} on EduLedger as ${role}.`,
        ...(input.message ? [`Their message: “${input.message}”`] : []),
        'Accept within 7 days to set your name and password and get started.',
      ],
      action: { label: 'Accept the invitation', url: input.url },
    }),
  };
}
