import { useParams } from 'react-router';
import { z } from 'zod';
import type { FieldSpec, FormValues } from '../form/RecordForm';
import { RecordFormPage } from '../form/RecordFormPage';
import {
  optionalCount,
  optionalInstant,
  optionalText,
  requiredText,
  textOf,
  toLocalInput,
} from '../form/values';
import { eventTypeLabel, FORMAT_LABELS, optionsOf } from '../labels';
import { EVENTS_PAGE } from '../pages';
import { EVENT_FORMATS, EVENT_STATUSES, EVENT_TYPES, type EventDetail } from '../types';
import { usePlaces } from '../ui/usePlaces';

type Field =
  | 'title'
  | 'type'
  | 'format'
  | 'status'
  | 'startAt'
  | 'endAt'
  | 'durationMinutes'
  | 'location'
  | 'schoolId'
  | 'districtName'
  | 'volunteersNeeded'
  | 'availableSlots'
  | 'registrationLink'
  | 'sessionHost'
  | 'series'
  | 'careerCluster'
  | 'cancellationReason'
  | 'description';

function fieldsWith(schools: readonly { value: string; label: string }[]): FieldSpec<Field>[] {
  return [
    { name: 'title', label: 'Title', required: true, wide: true },
    {
      name: 'type',
      label: 'Type',
      kind: 'select',
      options: optionsOf(EVENT_TYPES, eventTypeLabel),
    },
    {
      name: 'format',
      label: 'Format',
      kind: 'select',
      options: optionsOf(EVENT_FORMATS, (f) => FORMAT_LABELS[f]),
    },
    {
      name: 'status',
      label: 'Status',
      kind: 'select',
      options: optionsOf(EVENT_STATUSES, (s) => s),
    },
    { name: 'startAt', label: 'Start', kind: 'datetime' },
    { name: 'endAt', label: 'End', kind: 'datetime' },
    { name: 'durationMinutes', label: 'Duration (minutes)', kind: 'number' },
    { name: 'location', label: 'Location' },
    {
      name: 'schoolId',
      label: 'School',
      kind: 'select',
      options: [{ value: '', label: 'No school' }, ...schools],
    },
    {
      name: 'districtName',
      label: 'District name',
      description: 'For an event without a school: matched to a district by name or alias.',
    },
    { name: 'volunteersNeeded', label: 'Volunteers needed', kind: 'number' },
    { name: 'availableSlots', label: 'Available slots', kind: 'number' },
    { name: 'registrationLink', label: 'Registration link', kind: 'url', wide: true },
    { name: 'sessionHost', label: 'Session host' },
    { name: 'series', label: 'Series' },
    { name: 'careerCluster', label: 'Career cluster' },
    { name: 'cancellationReason', label: 'Cancellation reason' },
    { name: 'description', label: 'Description', kind: 'textarea', wide: true },
  ];
}

export const eventSchema = z
  .object({
    title: requiredText(300, 'Enter the event’s title.', 'Title'),
    type: z.enum(EVENT_TYPES),
    format: z.enum(EVENT_FORMATS),
    status: z.enum(EVENT_STATUSES),
    startAt: optionalInstant('Start'),
    endAt: optionalInstant('End'),
    durationMinutes: optionalCount('Duration'),
    location: optionalText(300, 'Location'),
    schoolId: z.string().transform((value) => (value === '' ? null : value)),
    districtName: optionalText(200, 'District name'),
    volunteersNeeded: optionalCount('Volunteers needed'),
    availableSlots: optionalCount('Available slots'),
    registrationLink: z
      .string()
      .trim()
      .refine(
        (v) => v === '' || /^https?:\/\/\S+$/.test(v),
        'Enter a web address starting with https://.',
      )
      .transform((v) => (v === '' ? null : v)),
    sessionHost: optionalText(200, 'Session host'),
    series: optionalText(200, 'Series'),
    careerCluster: optionalText(200, 'Career cluster'),
    cancellationReason: optionalText(500, 'Cancellation reason'),
    description: optionalText(10_000, 'Description'),
  })
  .refine((e) => !e.startAt || !e.endAt || e.endAt >= e.startAt, {
    message: 'The end must not be before the start.',
    path: ['endAt'],
    when: ({ value }) => {
      const { startAt, endAt } = value as Record<string, unknown>;
      return [startAt, endAt].every(
        (at) => at === null || (typeof at === 'string' && !Number.isNaN(Date.parse(at))),
      );
    },
  });

const BLANK: FormValues<Field> = {
  title: '',
  type: 'classroom_activity',
  format: 'in_person',
  status: 'Requested',
  startAt: '',
  endAt: '',
  durationMinutes: '',
  location: '',
  schoolId: '',
  districtName: '',
  volunteersNeeded: '',
  availableSlots: '',
  registrationLink: '',
  sessionHost: '',
  series: '',
  careerCluster: '',
  cancellationReason: '',
  description: '',
};

const valuesOf = (e: EventDetail): FormValues<Field> => ({
  title: e.title,
  type: e.type,
  format: e.format,
  status: e.status,
  startAt: toLocalInput(e.startAt),
  endAt: toLocalInput(e.endAt),
  durationMinutes: textOf(e.durationMinutes),
  location: textOf(e.location),
  schoolId: textOf(e.schoolId),
  districtName: textOf(e.districtName),
  volunteersNeeded: textOf(e.volunteersNeeded),
  availableSlots: textOf(e.availableSlots),
  registrationLink: textOf(e.registrationLink),
  sessionHost: textOf(e.sessionHost),
  series: textOf(e.series),
  careerCluster: textOf(e.careerCluster),
  cancellationReason: textOf(e.cancellationReason),
  description: textOf(e.description),
});

/** `/engagement/events/new` and `/engagement/events/:id/edit`. */
export function EventFormPage() {
  const { id } = useParams();
  const { schoolOptions } = usePlaces();
  return (
    <RecordFormPage
      id={id}
      list={EVENTS_PAGE}
      resource="events"
      noun="event"
      fields={fieldsWith(schoolOptions)}
      schema={eventSchema}
      blank={BLANK}
      valuesOf={valuesOf}
      nameOf={(e: EventDetail) => e.title}
    />
  );
}
