import { useParams } from 'react-router';
import { z } from 'zod';
import type { FieldSpec, FormValues } from '../form/RecordForm';
import { RecordFormPage } from '../form/RecordFormPage';
import { optionalText, requiredText, textOf } from '../form/values';
import { ORGANIZATIONS_PAGE } from '../pages';
import type { OrganizationDetail } from '../types';

const FIELDS = [
  { name: 'name', label: 'Name', required: true },
  {
    name: 'type',
    label: 'Type',
    description: 'E.g. Business, Non-Profit, Government. Left empty, it is Other.',
  },
  { name: 'billingStreet', label: 'Street', wide: true },
  { name: 'billingCity', label: 'City' },
  { name: 'billingState', label: 'State' },
  { name: 'billingPostalCode', label: 'ZIP code' },
  { name: 'billingCountry', label: 'Country' },
  { name: 'description', label: 'Description', kind: 'textarea', wide: true },
] as const satisfies readonly FieldSpec<string>[];

type Field = (typeof FIELDS)[number]['name'];

export const organizationSchema = z.object({
  name: requiredText(200, 'Enter the organization’s name.', 'Name'),
  type: optionalText(100, 'Type'),
  billingStreet: optionalText(200, 'Street'),
  billingCity: optionalText(100, 'City'),
  billingState: optionalText(100, 'State'),
  billingPostalCode: optionalText(20, 'ZIP code'),
  billingCountry: optionalText(100, 'Country'),
  description: optionalText(5000, 'Description'),
});

const BLANK: FormValues<Field> = {
  name: '',
  type: '',
  billingStreet: '',
  billingCity: '',
  billingState: '',
  billingPostalCode: '',
  billingCountry: '',
  description: '',
};

const valuesOf = (o: OrganizationDetail): FormValues<Field> => ({
  name: o.name,
  type: o.type === 'Other' ? '' : o.type,
  billingStreet: textOf(o.billingStreet),
  billingCity: textOf(o.billingCity),
  billingState: textOf(o.billingState),
  billingPostalCode: textOf(o.billingPostalCode),
  billingCountry: textOf(o.billingCountry),
  description: textOf(o.description),
});

/** `/engagement/organizations/new` and `/engagement/organizations/:id/edit`. */
export function OrganizationFormPage() {
  const { id } = useParams();
  return (
    <RecordFormPage
      id={id}
      list={ORGANIZATIONS_PAGE}
      resource="organizations"
      noun="organization"
      fields={FIELDS}
      schema={organizationSchema}
      blank={BLANK}
      valuesOf={valuesOf}
      nameOf={(o: OrganizationDetail) => o.name}
    />
  );
}
