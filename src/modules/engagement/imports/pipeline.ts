import type { ImportPipeline } from '../../../core/imports/types.js';
import { affiliationsStep } from './affiliations.js';
import { classesStep } from './classes.js';
import { eventsStep } from './events.js';
import { historyStep } from './history.js';
import { linkUnaffiliatedEventsStep } from './link_unaffiliated_events.js';
import { organizationsStep } from './organizations.js';
import { schoolsStep } from './schools.js';
import { studentsStep } from './students.js';
import { teachersStep } from './teachers.js';
import { virtualSessionsStep } from './virtual_sessions.js';
import { volunteersStep } from './volunteers.js';

/** The Salesforce import of the engagement module (DOMAIN.md §2.3), steps in dependency order. */
export const engagementPipeline: ImportPipeline = {
  name: 'engagement',
  steps: [
    organizationsStep,
    schoolsStep,
    classesStep,
    teachersStep,
    studentsStep,
    volunteersStep,
    affiliationsStep,
    eventsStep,
    historyStep,
    linkUnaffiliatedEventsStep,
    virtualSessionsStep,
  ],
  affects: [
    'district-year-end',
    'district-year-end-detail',
    'first-time-volunteers',
    'organizations',
    'virtual-usage',
    'volunteer-hours',
  ],
};
