const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

export interface SimpleEmail {
  subject: string;
  /** Paragraphs of plain text; they are HTML-escaped for the HTML part. */
  paragraphs: string[];
  action?: { label: string; url: string };
}

/** Plain text and minimal HTML for a transactional email (the email issue brings MJML). */
export function renderSimpleEmail(email: SimpleEmail): {
  subject: string;
  text: string;
  html: string;
} {
  const text = [
    ...email.paragraphs,
    ...(email.action ? [`${email.action.label}: ${email.action.url}`] : []),
  ].join('\n\n');
  const body = email.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const button = email.action
    ? `<p><a href="${escapeHtml(email.action.url)}">${escapeHtml(email.action.label)}</a></p>`
    : '';
  return {
    subject: email.subject,
    text,
    html: `<!doctype html><html><body>${body}${button}<p>— EduLedger</p></body></html>`,
  };
}
