import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../api/fieldErrors';
import { FormError } from '../ui/FormError';
import { createTenant } from './api';
import { ModulesField } from './ModulesField';
import { SLUG_PATTERN, slugFrom } from './slug';
import type { AdminTenant } from './types';
import { useTenantMutation } from './useTenantMutation';

interface ClientErrors {
  name?: string;
  slug?: string;
}

function validate(name: string, slug: string): ClientErrors {
  const errors: ClientErrors = {};
  if (name === '') errors.name = 'Enter the name of the organization.';
  if (slug === '') errors.slug = 'Enter a slug.';
  else if (!SLUG_PATTERN.test(slug)) {
    errors.slug = 'Use 2 to 40 lower-case letters, digits or hyphens.';
  }
  return errors;
}

interface CreateTenantFormProps {
  /** The modules this installation ships. */
  modules: readonly string[];
  onDone: (tenant: Omit<AdminTenant, 'members'>) => void;
  onCancel: () => void;
}

/** A new tenant: its name, its slug (suggested from the name, fixed once created) and modules. */
export function CreateTenantForm({ modules, onDone, onCancel }: CreateTenantFormProps) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const create = useTenantMutation(createTenant, onDone);

  const clientErrors = submitted ? validate(name.trim(), slug) : {};
  const serverErrors = {
    name: fieldErrorText(create.error, 'name', 'Name'),
    slug: fieldErrorText(create.error, 'slug', 'Slug'),
    modules: fieldErrorText(create.error, 'modules', 'Modules'),
  };
  const otherError =
    create.isError && !Object.values(serverErrors).some(Boolean) ? create.error : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const errors = validate(name.trim(), slug);
    if (errors.name !== undefined || errors.slug !== undefined) return;
    create.mutate({ name: name.trim(), slug, modules: chosen });
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="New tenant">
      <Stack gap="md">
        {otherError && <FormError title="The tenant could not be created" error={otherError} />}
        <TextInput
          label="Name"
          description="The organization, as its members know it."
          required
          data-autofocus
          maxLength={200}
          value={name}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setName(value);
            if (!slugEdited) setSlug(slugFrom(value));
          }}
          error={clientErrors.name ?? serverErrors.name}
        />
        <TextInput
          label="Slug"
          description="2 to 40 lower-case letters, digits or hyphens. It cannot be changed later."
          required
          maxLength={40}
          value={slug}
          onChange={(event) => {
            setSlug(event.currentTarget.value);
            setSlugEdited(true);
          }}
          error={clientErrors.slug ?? serverErrors.slug}
        />
        <ModulesField
          available={modules}
          value={chosen}
          onChange={setChosen}
          error={serverErrors.modules}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create tenant
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
