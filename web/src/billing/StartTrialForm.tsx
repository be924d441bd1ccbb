import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../api/fieldErrors';
import { listTenants, TENANTS_KEY } from '../tenants/api';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FormError } from '../ui/FormError';
import { listPlans, PLATFORM_BILLING_KEY, startTrial } from './api';
import { formatDay, planPrice } from './format';

interface StartTrialFormProps {
  /** The tenant, when the form is opened from its row; else the admin picks one. */
  tenantId?: string;
  onDone: (result: { tenantName: string; trialEndsOn: string }) => void;
  onCancel: () => void;
}

/** Site admins put a tenant on a 30-day trial: no card, everything editable. */
export function StartTrialForm({ tenantId, onDone, onCancel }: StartTrialFormProps) {
  const queryClient = useQueryClient();
  const tenants = useQuery({
    queryKey: TENANTS_KEY,
    queryFn: ({ signal }) => listTenants(signal),
  });
  const plans = useQuery({
    queryKey: [...PLATFORM_BILLING_KEY, 'plans'],
    queryFn: ({ signal }) => listPlans(signal),
  });
  const [tenant, setTenant] = useState(tenantId ?? '');
  const [plan, setPlan] = useState('institution');
  const [currency, setCurrency] = useState('USD');
  const [submitted, setSubmitted] = useState(false);
  const trial = useMutation({
    mutationFn: () => startTrial(tenant, { plan, currency }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: PLATFORM_BILLING_KEY });
      const name = tenants.data?.items.find((t) => t.id === tenant)?.name ?? 'The tenant';
      onDone({ tenantName: name, trialEndsOn: result.trialEndsOn });
    },
  });

  if (tenants.isPending || plans.isPending)
    return <TableLoading label="Loading tenants and plans…" />;
  if (tenants.isError || plans.isError) {
    return (
      <ErrorAlert
        title="Tenants or plans could not be loaded"
        error={tenants.error ?? plans.error ?? new Error('unknown')}
      />
    );
  }
  const currencyProblem =
    submitted && !/^[A-Z]{3}$/.test(currency)
      ? 'Use a 3-letter code such as USD or EUR.'
      : undefined;
  const tenantProblem = submitted && tenant === '' ? 'Choose a tenant.' : undefined;
  const serverCurrency = fieldErrorText(trial.error, 'currency', 'Currency');
  const otherError = trial.isError && !serverCurrency ? trial.error : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (tenant === '' || !/^[A-Z]{3}$/.test(currency)) return;
    trial.mutate();
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Start a trial">
      <Stack gap="md">
        <NativeSelect
          label="Tenant"
          value={tenant}
          onChange={(event) => setTenant(event.currentTarget.value)}
          error={tenantProblem}
          data={[
            { value: '', label: 'Choose a tenant…' },
            ...tenants.data.items.map((t) => ({ value: t.id, label: `${t.name} (${t.slug})` })),
          ]}
        />
        <NativeSelect
          label="Plan"
          description="What the trial is of; the tenant may change it."
          value={plan}
          onChange={(event) => setPlan(event.currentTarget.value)}
          data={plans.data.items.map((p) => ({
            value: p.code,
            label: `${p.name}: ${planPrice(p, currency.length === 3 ? currency : 'USD')}`,
          }))}
        />
        <TextInput
          label="Currency"
          description="Invoices are issued in it (ISO 4217 code)."
          value={currency}
          maxLength={3}
          onChange={(event) => setCurrency(event.currentTarget.value.toUpperCase())}
          error={currencyProblem ?? serverCurrency}
        />
        <Text size="sm" c="dimmed">
          The trial lasts 30 days. Its administrators are reminded on days 14, 21 and 28; without a
          plan chosen by then, the tenant becomes read-only.
          {trial.data ? ` Ends ${formatDay(trial.data.trialEndsOn)}.` : ''}
        </Text>
        {otherError && <FormError title="The trial could not be started" error={otherError} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={trial.isPending}>
            Start trial
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
