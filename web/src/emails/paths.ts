import { EMAILS_PAGE } from '../nav';

/** Where the pages of the email section live, under the nav entry's path. */
export const EMAILS_PATH = EMAILS_PAGE.path;
export const emailPath = (id: string) => `${EMAILS_PATH}/${encodeURIComponent(id)}`;
export const METRICS_PATH = `${EMAILS_PATH}/metrics`;
export const TEMPLATES_PATH = `${EMAILS_PATH}/templates`;
export const BULK_PATH = `${EMAILS_PATH}/bulk`;
export const bulkJobPath = (id: string) => `${BULK_PATH}/${encodeURIComponent(id)}`;
