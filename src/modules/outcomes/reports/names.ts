/** The outcomes module's reports, by name. */
export const CLO_RESULTS_REPORT = 'clo-results-by-course';
