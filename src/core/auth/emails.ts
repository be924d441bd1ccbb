import { renderSimpleEmail } from '../email/render.js';
import type { EmailMessage } from '../email/sender.js';

/** The account emails of DOMAIN.md §1.2, rendered for the EmailSender. */
export const accountEmails = {
  passwordReset: (to: string, url: string): EmailMessage => ({
    template: 'password-reset',
    to,
    data: { url },
    ...renderSimpleEmail({
      subject: 'Reset your EduLedger password',
      paragraphs: [
        'Someone asked to reset the password of your EduLedger account.',
        'The link works once and expires in 1 hour. If it was not you, ignore this email: your password stays as it is.',
      ],
      action: { label: 'Choose a new password', url },
    }),
  }),
  resetConfirmation: (to: string, signInUrl: string): EmailMessage => ({
    template: 'reset-confirmation',
    to,
    ...renderSimpleEmail({
      subject: 'Your EduLedger password was reset',
      paragraphs: [
        'The password of your EduLedger account was just reset, and your other sessions were signed out.',
        'If you did not do this, reset your password again at once and tell your administrator.',
      ],
      action: { label: 'Sign in', url: signInUrl },
    }),
  }),
  passwordChanged: (to: string, signInUrl: string): EmailMessage => ({
    template: 'password-changed',
    to,
    ...renderSimpleEmail({
      subject: 'Your EduLedger password was changed',
      paragraphs: [
        'The password of your EduLedger account was just changed.',
        'If you did not do this, reset your password at once and tell your administrator.',
      ],
      action: { label: 'Sign in', url: signInUrl },
    }),
  }),
  verifyEmail: (to: string, url: string): EmailMessage => ({
    template: 'verify-email',
    to,
    data: { url },
    ...renderSimpleEmail({
      subject: 'Confirm your email address for EduLedger',
      paragraphs: [
        'Confirm this address to finish setting up your EduLedger account. The link expires in 24 hours.',
      ],
      action: { label: 'Confirm my email', url },
    }),
  }),
};

export const emailChangeEmails = {
  confirmNewAddress: (to: string, url: string): EmailMessage => ({
    template: 'email-change',
    to,
    data: { url },
    ...renderSimpleEmail({
      subject: 'Confirm your new EduLedger email address',
      paragraphs: [
        'You asked to use this address for your EduLedger account. The change takes effect when you confirm it; the link expires in 24 hours.',
        'If it was not you, ignore this email.',
      ],
      action: { label: 'Confirm this address', url },
    }),
  }),
};
