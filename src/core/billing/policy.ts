/** The billing rules' constants (DOMAIN.md §1.7), in one place. */

/** Length of a trial, in days: the trial ends on `trialStartedOn + TRIAL_DAYS`. */
export const TRIAL_DAYS = 30;

/** Days of the trial (0 = its first day) on which the tenant admins are reminded it will end. */
export const TRIAL_NOTICE_DAYS = [14, 21, 28] as const;

/** An invoice is due this many days after it is issued. */
export const PAYMENT_TERMS_DAYS = 14;

/** A past-due subscription becomes read-only this many days after its oldest unpaid due day. */
export const GRACE_DAYS = 14;

/** The plan a trial is of when the site admin names none. */
export const DEFAULT_TRIAL_PLAN = 'institution';

/** Where tenant admins see their plan, usage and invoices (linked from notices and 402 errors). */
export const BILLING_PAGE_PATH = '/admin/billing';
