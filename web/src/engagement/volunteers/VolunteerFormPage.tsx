import { useParams } from 'react-router';
import { z } from 'zod';
import { RecordFormPage } from '../form/RecordFormPage';
import type { FieldSpec, FormValues } from '../form/RecordForm';
import { optionalText, requiredText, textOf } from '../form/values';
import { optionsOf, VOLUNTEER_STATUS_LABELS } from '../labels';
import { VOLUNTEERS_PAGE } from '../pages';
import { VOLUNTEER_STATUSES, type VolunteerDetail } from '../types';

const FIELDS = [
  { name: 'firstName', label: 'First name', required: true },
  { name: 'lastName', label: 'Last name', required: true },
  { name: 'middleName', label: 'Middle name' },
  { name: 'email', label: 'Email', kind: 'email' },
  { name: 'phone', label: 'Phone' },
  { name: 'mailingPostalCode', label: 'ZIP code', description: 'Decides the local status.' },
  { name: 'organizationName', label: 'Organization' },
  { name: 'title', label: 'Title' },
  { name: 'department', label: 'Department' },
  { name: 'industry', label: 'Industry' },
  {
    name: 'status',
    label: 'Status',
    kind: 'select',
    options: optionsOf(VOLUNTEER_STATUSES, (s) => VOLUNTEER_STATUS_LABELS[s]),
  },
  { name: 'skills', label: 'Skills', kind: 'textarea', wide: true },
  { name: 'interests', label: 'Interests', kind: 'textarea', wide: true },
  { name: 'notes', label: 'Notes', kind: 'textarea', wide: true },
  { name: 'doNotContact', label: 'Do not contact', kind: 'checkbox' },
  {
    name: 'excludeFromReports',
    label: 'Exclude from reports',
    kind: 'checkbox',
    description: 'Leaves this person out of every report.',
  },
] as const satisfies readonly FieldSpec<string>[];

type Field = (typeof FIELDS)[number]['name'];

/** The same rules as the server's, with sentences for the form. */
export const volunteerSchema = z.object({
  firstName: requiredText(100, 'Enter the first name.', 'First name'),
  lastName: requiredText(100, 'Enter the last name.', 'Last name'),
  middleName: optionalText(100, 'Middle name'),
  email: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || z.email().safeParse(v).success,
      'Enter an email address, like name@example.org.',
    )
    .transform((v) => (v === '' ? null : v)),
  phone: optionalText(40, 'Phone'),
  mailingPostalCode: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{5}(-\d{4})?$/.test(v), 'Enter a ZIP code like 64106.')
    .transform((v) => (v === '' ? null : v)),
  organizationName: optionalText(200, 'Organization'),
  title: optionalText(200, 'Title'),
  department: optionalText(200, 'Department'),
  industry: optionalText(200, 'Industry'),
  status: z.enum(VOLUNTEER_STATUSES),
  skills: optionalText(2000, 'Skills'),
  interests: optionalText(2000, 'Interests'),
  notes: optionalText(5000, 'Notes'),
  doNotContact: z.boolean(),
  excludeFromReports: z.boolean(),
});

const BLANK: FormValues<Field> = {
  firstName: '',
  lastName: '',
  middleName: '',
  email: '',
  phone: '',
  mailingPostalCode: '',
  organizationName: '',
  title: '',
  department: '',
  industry: '',
  status: 'active',
  skills: '',
  interests: '',
  notes: '',
  doNotContact: false,
  excludeFromReports: false,
};

function valuesOf(v: VolunteerDetail): FormValues<Field> {
  return {
    firstName: textOf(v.firstName),
    lastName: textOf(v.lastName),
    middleName: textOf(v.middleName),
    email: textOf(v.email),
    phone: textOf(v.phone),
    mailingPostalCode: textOf(v.mailingPostalCode),
    organizationName: textOf(v.organizationName),
    title: textOf(v.title),
    department: textOf(v.department),
    industry: textOf(v.industry),
    status: v.status ?? 'active',
    skills: textOf(v.skills),
    interests: textOf(v.interests),
    notes: textOf(v.notes),
    doNotContact: v.doNotContact ?? false,
    excludeFromReports: v.excludeFromReports ?? false,
  };
}

/** `/engagement/volunteers/new` and `/engagement/volunteers/:id/edit`. */
export function VolunteerFormPage() {
  const { id } = useParams();
  return (
    <RecordFormPage
      id={id}
      list={VOLUNTEERS_PAGE}
      resource="volunteers"
      noun="volunteer"
      fields={FIELDS}
      schema={volunteerSchema}
      blank={BLANK}
      valuesOf={valuesOf}
      nameOf={(v: VolunteerDetail) => [v.firstName, v.lastName].filter(Boolean).join(' ')}
    />
  );
}
