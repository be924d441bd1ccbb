import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../api/fieldErrors';
import { FormError } from '../ui/FormError';
import { updateTenant } from './api';
import { moduleName } from './modules';
import { ModulesField } from './ModulesField';
import type { AdminTenant, TenantChange } from './types';
import { useTenantMutation } from './useTenantMutation';

const sameModules = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.includes(name));

interface EditTenantFormProps {
  tenant: AdminTenant;
  /** The modules this installation ships. */
  modules: readonly string[];
  onDone: () => void;
  onCancel: () => void;
}

/** Renames a tenant and switches its modules on or off; sends only what changed. */
export function EditTenantForm({ tenant, modules, onDone, onCancel }: EditTenantFormProps) {
  const [name, setName] = useState(tenant.name);
  const [chosen, setChosen] = useState<string[]>([...tenant.modules]);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const save = useTenantMutation((change: TenantChange) => updateTenant(tenant.id, change), onDone);

  const available = [...modules, ...tenant.modules.filter((module) => !modules.includes(module))];
  const change: TenantChange = {};
  if (name.trim() !== tenant.name) change.name = name.trim();
  if (!sameModules(chosen, tenant.modules)) change.modules = chosen;
  const switchedOff = tenant.modules.filter((module) => !chosen.includes(module));

  const serverErrors = {
    name: fieldErrorText(save.error, 'name', 'Name'),
    modules: fieldErrorText(save.error, 'modules', 'Modules'),
  };
  const otherError =
    save.isError && !serverErrors.name && !serverErrors.modules ? save.error : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError('Enter the name of the organization.');
      return;
    }
    setNameError(undefined);
    save.mutate(change);
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={`Edit ${tenant.name}`}>
      <Stack gap="md">
        {otherError && <FormError title="The tenant could not be saved" error={otherError} />}
        <TextInput label="Slug" value={tenant.slug} readOnly description="Fixed at creation." />
        <TextInput
          label="Name"
          required
          data-autofocus
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError ?? serverErrors.name}
        />
        <ModulesField
          available={available}
          value={chosen}
          onChange={setChosen}
          error={serverErrors.modules}
        />
        {switchedOff.length > 0 && (
          <Alert color="orange" variant="light" title="Switching modules off">
            The pages of {switchedOff.map(moduleName).join(' and ')} disappear for every member of{' '}
            {tenant.name}. The data is kept: switching the module on again brings it back.
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={Object.keys(change).length === 0}
            color={switchedOff.length > 0 ? 'orange' : undefined}
          >
            {switchedOff.length > 0 ? 'Save and switch off' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
