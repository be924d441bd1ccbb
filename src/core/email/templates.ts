import type { EmailContent } from './layout.js';

const ROLE_NAMES: Record<string, string> = {
  tenant_admin: 'Tenant administrator',
  staff: 'Staff',
  district_viewer: 'District viewer',
  program_admin: 'Program administrator',
  instructor: 'Instructor',
};
const roleName = (role: string) => ROLE_NAMES[role] ?? role;

interface Template<D> {
  description: string;
  /** Links in it grant access (reset, verification, invitation): masked in production previews. */
  sensitive?: boolean;
  sample: D;
  content(data: D, tenantName: string): EmailContent;
}

const define = <D>(template: Template<D>) => template;

interface AssessmentReminderData {
  instructorName: string;
  sections: string[];
  term: string;
  dueDate: string;
  message: string | null;
  url: string;
  /** The sender's own subject line (a reviewer's reminder); the default one without it. */
  subject?: string | null;
}
const notYou = 'If you did not ask for this, you can ignore this email.';

/** Every transactional email of DOMAIN.md §1.6, with sample data for the gallery. */
export const templates = {
  'verify-email': define({
    description: 'Confirm an address (self-registration)',
    sensitive: true,
    sample: { url: 'https://eduledger.example.org/api/auth/verify-email?token=sample' },
    content: ({ url }) => ({
      subject: 'Confirm your email address for EduLedger',
      preheader: 'One click to finish setting up your account',
      heading: 'Confirm your email address',
      paragraphs: ['Confirm this address to finish setting up your EduLedger account.'],
      action: { label: 'Confirm my email', url },
      footnote: `The link expires in 24 hours. ${notYou}`,
    }),
  }),
  'email-change': define({
    description: 'Confirm a new address for an existing account',
    sensitive: true,
    sample: { url: 'https://eduledger.example.org/api/me/email/confirm?token=sample' },
    content: ({ url }) => ({
      subject: 'Confirm your new EduLedger email address',
      preheader: 'The change takes effect when you confirm it',
      heading: 'Confirm your new email address',
      paragraphs: ['You asked to use this address for your EduLedger account.'],
      action: { label: 'Confirm this address', url },
      footnote: `The link expires in 24 hours. ${notYou}`,
    }),
  }),
  'password-reset': define({
    description: 'Reset link (valid 1 hour, single use)',
    sensitive: true,
    sample: { url: 'https://eduledger.example.org/api/auth/reset-password/sample' },
    content: ({ url }) => ({
      subject: 'Reset your EduLedger password',
      preheader: 'The link works once and expires in 1 hour',
      heading: 'Reset your password',
      paragraphs: ['Someone asked to reset the password of your EduLedger account.'],
      action: { label: 'Choose a new password', url },
      footnote: `The link works once and expires in 1 hour. ${notYou} Your password stays as it is.`,
    }),
  }),
  'reset-confirmation': define({
    description: 'After a password reset',
    sample: { signInUrl: 'https://eduledger.example.org/sign-in' },
    content: ({ signInUrl }) => ({
      subject: 'Your EduLedger password was reset',
      preheader: 'Your other sessions were signed out',
      heading: 'Your password was reset',
      paragraphs: [
        'The password of your EduLedger account was just reset, and your other sessions were signed out.',
        'If you did not do this, reset your password again at once and tell your administrator.',
      ],
      action: { label: 'Sign in', url: signInUrl },
    }),
  }),
  'password-changed': define({
    description: 'After a password change from the profile',
    sample: { signInUrl: 'https://eduledger.example.org/sign-in' },
    content: ({ signInUrl }) => ({
      subject: 'Your EduLedger password was changed',
      preheader: 'If this was not you, act now',
      heading: 'Your password was changed',
      paragraphs: [
        'The password of your EduLedger account was just changed.',
        'If you did not do this, reset your password at once and tell your administrator.',
      ],
      action: { label: 'Sign in', url: signInUrl },
    }),
  }),
  invitation: define({
    description: 'Invitation to join a tenant with a role',
    sensitive: true,
    sample: {
      url: 'https://eduledger.example.org/invitations/accept?token=sample',
      inviterName: 'Dana Whitfield',
      role: 'instructor',
      program: 'Automotive Technology' as string | null,
      section: 'ASE-103L 001 (Fall 2024)' as string | null,
      message: 'Looking forward to your CLO results this term!' as string | null,
    },
    content: (d, tenantName) => ({
      subject: `${d.inviterName} invited you to ${tenantName} on EduLedger`,
      preheader: `Join as ${roleName(d.role).toLowerCase()}`,
      heading: `Join ${tenantName} on EduLedger`,
      paragraphs: [`${d.inviterName} invited you to join ${tenantName} on EduLedger.`],
      details: [
        ['Role', roleName(d.role)],
        ...(d.program ? ([['Program', d.program]] as [string, string][]) : []),
        ...(d.section ? ([['Section to assess', d.section]] as [string, string][]) : []),
      ],
      quote: d.message ? { author: d.inviterName, text: d.message } : undefined,
      action: { label: 'Accept the invitation', url: d.url },
      footnote: 'The invitation is valid for 7 days. Accepting sets your name and password.',
    }),
  }),
  welcome: define({
    description: 'After accepting an invitation',
    sample: { name: 'Jordan', url: 'https://eduledger.example.org/' },
    content: ({ name, url }, tenantName) => ({
      subject: `Welcome to ${tenantName} on EduLedger`,
      preheader: 'Your account is ready',
      heading: `Welcome, ${name}`,
      paragraphs: [`Your EduLedger account for ${tenantName} is ready.`],
      action: { label: 'Open EduLedger', url },
    }),
  }),
  'assessment-reminder': define<AssessmentReminderData>({
    description: 'Reminder to submit CLO assessment data (individual or bulk)',
    sample: {
      instructorName: 'Jordan Lee',
      sections: ['ASE-103L 001', 'MAS-105C 002'],
      term: 'Fall 2024',
      dueDate: 'December 20, 2024',
      message: null,
      url: 'https://eduledger.example.org/outcomes/my',
    },
    content: (d) => ({
      subject: d.subject ?? `Reminder: assessment data for ${d.term} is due ${d.dueDate}`,
      preheader: `${d.sections.length} section(s) waiting for your results`,
      heading: 'Your course assessment is due soon',
      paragraphs: [
        `Hello ${d.instructorName}, the learning-outcome results for these ${d.term} sections are due ${d.dueDate}: ${d.sections.join(', ')}.`,
      ],
      quote: d.message ? { author: 'Your program administrator', text: d.message } : undefined,
      action: { label: 'Enter my results', url: d.url },
    }),
  }),
  'submission-alert': define({
    description: 'To program admins when an instructor submits',
    sample: {
      instructorName: 'Jordan Lee',
      section: 'ASE-103L 001',
      term: 'Fall 2024',
      url: 'https://eduledger.example.org/outcomes/review',
    },
    content: (d) => ({
      subject: `${d.instructorName} submitted ${d.section} (${d.term})`,
      preheader: 'Ready for your review',
      heading: 'A section is ready for review',
      paragraphs: [`${d.instructorName} submitted the assessment of ${d.section} for ${d.term}.`],
      action: { label: 'Review it', url: d.url },
    }),
  }),
  'rework-requested': define({
    description: 'To the instructor when a reviewer asks for changes',
    sample: {
      reviewerName: 'Dana Whitfield',
      section: 'ASE-103L 001',
      comment: 'CLO 2: passed cannot exceed took. Please check the numbers.',
      url: 'https://eduledger.example.org/outcomes/sections/sample',
    },
    content: (d) => ({
      subject: `Changes requested on ${d.section}`,
      preheader: d.comment.slice(0, 90),
      heading: 'Your reviewer asked for changes',
      paragraphs: [
        `${d.reviewerName} reviewed ${d.section} and asked for changes before approving it.`,
      ],
      quote: { author: d.reviewerName, text: d.comment },
      action: { label: 'Open the section', url: d.url },
    }),
  }),
  'import-finished-with-errors': define({
    description: 'To tenant admins when an import ends partial or failed',
    sample: {
      source: 'Salesforce export (engagement)',
      status: 'partial',
      failedRows: 12,
      url: 'https://eduledger.example.org/imports/sample',
    },
    content: (d) => ({
      subject: `Import ${d.status}: ${d.failedRows} row(s) need attention`,
      preheader: d.source,
      heading: 'An import finished with errors',
      paragraphs: [
        `The import of ${d.source} ended ${d.status}. ${d.failedRows} row(s) were rejected; the rest were saved.`,
        'Download the rejected rows, fix them, and import them again: reruns never duplicate.',
      ],
      action: { label: 'See the errors', url: d.url },
    }),
  }),
  'billing-trial-ending': define({
    description: 'Trial notices on days 14, 21 and 28',
    sample: { daysLeft: 7, url: 'https://eduledger.example.org/admin/billing' },
    content: (d, tenantName) => ({
      subject: `${tenantName}: your EduLedger trial ends in ${d.daysLeft} days`,
      preheader: 'Choose a plan to keep editing',
      heading: `Your trial ends in ${d.daysLeft} days`,
      paragraphs: [
        `After the trial, ${tenantName} stays readable and exportable, but nothing can be edited until a plan is chosen.`,
      ],
      action: { label: 'Choose a plan', url: d.url },
    }),
  }),
  'billing-payment-due': define({
    description: 'An invoice is due',
    sample: {
      amount: '$240.00',
      dueDate: 'March 1, 2025',
      url: 'https://eduledger.example.org/admin/billing',
    },
    content: (d, tenantName) => ({
      subject: `${tenantName}: invoice of ${d.amount} due ${d.dueDate}`,
      preheader: 'Payment keeps your workspace editable',
      heading: 'A payment is due',
      paragraphs: [`An invoice of ${d.amount} for ${tenantName} is due ${d.dueDate}.`],
      action: { label: 'View the invoice', url: d.url },
    }),
  }),
  'billing-read-only': define({
    description: 'The tenant became read-only',
    sample: { url: 'https://eduledger.example.org/admin/billing' },
    content: (d, tenantName) => ({
      subject: `${tenantName} is now read-only`,
      preheader: 'Everything is still readable and exportable',
      heading: `${tenantName} is read-only`,
      paragraphs: [
        'Everything stays readable and exportable, but nothing can be edited and no one can be invited until payment is made.',
      ],
      action: { label: 'Restore full access', url: d.url },
    }),
  }),
};

export type TemplateName = keyof typeof templates;
export type TemplateData<N extends TemplateName> = (typeof templates)[N]['sample'];
export const TEMPLATE_NAMES = Object.keys(templates) as TemplateName[];
