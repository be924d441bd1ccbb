import mjml2html from 'mjml';
import { escapeHtml } from './render.js';

export interface Branding {
  senderName: string;
  primaryColor: string;
  logoUrl?: string;
  replyTo?: string;
}

export const DEFAULT_BRANDING: Branding = { senderName: 'EduLedger', primaryColor: '#1c7ed6' };

/** The parts every transactional email is made of; all text is escaped when rendered. */
export interface EmailContent {
  subject: string;
  /** Shown by mail clients beside the subject. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  /** Label/value rows, e.g. role and program of an invitation. */
  details?: [string, string][];
  /** A personal message from a person, shown set apart. */
  quote?: { author: string; text: string };
  action?: { label: string; url: string };
  /** Small print under the button (why you got this, what to do if it was not you). */
  footnote?: string;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function mjmlOf(content: EmailContent, branding: Branding): string {
  const color = HEX_COLOR.test(branding.primaryColor)
    ? branding.primaryColor
    : DEFAULT_BRANDING.primaryColor;
  const text = (value: string) => escapeHtml(value);
  const header = branding.logoUrl
    ? `<mj-image src="${text(branding.logoUrl)}" alt="${text(branding.senderName)}" width="160px" align="left" padding="0" />`
    : `<mj-text font-size="18px" font-weight="700" color="${color}" padding="0">${text(branding.senderName)}</mj-text>`;
  const details = content.details?.length
    ? `<mj-table padding="8px 25px">${content.details
        .map(
          ([label, value]) =>
            `<tr><td style="padding:4px 16px 4px 0;color:#555;white-space:nowrap;width:1%">${text(label)}</td><td style="padding:4px 0;font-weight:600">${text(value)}</td></tr>`,
        )
        .join('')}</mj-table>`
    : '';
  const quote = content.quote
    ? `<mj-text padding="16px 25px" container-background-color="#f1f3f5" font-style="italic">“${text(content.quote.text)}”<br/><span style="font-style:normal;color:#555">— ${text(content.quote.author)}</span></mj-text>`
    : '';
  const action = content.action
    ? `<mj-button href="${text(content.action.url)}" background-color="${color}" align="left" border-radius="6px" font-weight="600">${text(content.action.label)}</mj-button>
       <mj-text font-size="12px" color="#666">If the button does not work, paste this address into your browser:<br/>${text(content.action.url)}</mj-text>`
    : '';
  return `<mjml>
  <mj-head>
    <mj-title>${text(content.subject)}</mj-title>
    <mj-preview>${text(content.preheader)}</mj-preview>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="1.5" color="#212529" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section padding="24px 16px 8px"><mj-column>${header}</mj-column></mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="24px">
      <mj-column>
        <mj-text font-size="22px" font-weight="700" padding-bottom="8px">${text(content.heading)}</mj-text>
        ${content.paragraphs.map((p) => `<mj-text>${text(p)}</mj-text>`).join('\n')}
        ${details}${quote}${action}
        ${content.footnote ? `<mj-text font-size="12px" color="#666">${text(content.footnote)}</mj-text>` : ''}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 16px"><mj-column><mj-text font-size="12px" color="#868e96" align="center">${branding.senderName === DEFAULT_BRANDING.senderName ? 'Sent by EduLedger.' : `Sent by EduLedger for ${text(branding.senderName)}.`}</mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`;
}

function plainTextOf(content: EmailContent, branding: Branding): string {
  return [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.details?.map(([label, value]) => `${label}: ${value}`) ?? []),
    ...(content.details?.length ? [''] : []),
    ...(content.quote ? [`“${content.quote.text}”`, `— ${content.quote.author}`, ''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.footnote ? [content.footnote, ''] : []),
    `— EduLedger for ${branding.senderName}`,
  ].join('\n');
}

/** Responsive HTML (MJML) and plain text of one email. */
export async function renderLayout(content: EmailContent, branding: Branding) {
  const { html, errors } = await mjml2html(mjmlOf(content, branding), {
    validationLevel: 'strict',
  });
  if (errors.length > 0)
    throw new Error(`Invalid email layout: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  return { subject: content.subject, html, text: plainTextOf(content, branding) };
}
