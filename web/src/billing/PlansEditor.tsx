import {
  Button,
  Card,
  Checkbox,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert, requestIdOf } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { listPlans, PLATFORM_BILLING_KEY, updatePlan } from './api';
import { centsToInput, parseCents } from './format';
import type { Plan } from './types';

const PRICE_HINT = 'An amount such as 49 or 49.00';

function PlanRow({ plan }: { plan: Plan }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(centsToInput(plan.basePriceCents));
  const [course, setCourse] = useState(centsToInput(plan.coursePriceCents));
  const [selfServe, setSelfServe] = useState(plan.selfServe);
  const baseCents = parseCents(base);
  const courseCents = parseCents(course);
  const changed =
    baseCents !== plan.basePriceCents ||
    courseCents !== plan.coursePriceCents ||
    selfServe !== plan.selfServe;
  const save = useMutation({
    mutationFn: () =>
      updatePlan(plan.code, {
        basePriceCents: baseCents ?? plan.basePriceCents,
        coursePriceCents: courseCents ?? plan.coursePriceCents,
        selfServe,
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: PLATFORM_BILLING_KEY });
      notify({
        kind: 'success',
        title: `${saved.name} prices saved`,
        message: 'They apply to invoices issued from now on.',
      });
    },
    onError: (error) =>
      notify({
        kind: 'error',
        title: `${plan.name} could not be saved`,
        message: error.message,
        requestId: requestIdOf(error),
      }),
  });

  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{plan.name}</Text>
        <Text size="xs" c="dimmed">
          {plan.code}
        </Text>
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${plan.name} monthly base price`}
          value={base}
          onChange={(event) => setBase(event.currentTarget.value)}
          error={baseCents === null ? PRICE_HINT : undefined}
          w={130}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${plan.name} price per billable course`}
          value={course}
          onChange={(event) => setCourse(event.currentTarget.value)}
          error={courseCents === null ? PRICE_HINT : undefined}
          w={130}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={`Tenant admins may choose ${plan.name}`}
          checked={selfServe}
          onChange={(event) => setSelfServe(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!changed || baseCents === null || courseCents === null}
          aria-label={`Save ${plan.name}`}
        >
          Save
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Plan prices (in the tenants' currencies, per month), and which plans tenants may choose. */
export function PlansEditor() {
  const plans = useQuery({
    queryKey: [...PLATFORM_BILLING_KEY, 'plans'],
    queryFn: ({ signal }) => listPlans(signal),
  });
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4">
            Plans and prices
          </Title>
          <Text size="sm" c="dimmed">
            Monthly prices in each tenant’s currency; changes apply to invoices issued afterwards.
          </Text>
        </Stack>
        {plans.isPending && <TableLoading label="Loading plans…" />}
        {plans.isError && (
          <ErrorAlert
            title="The plans could not be loaded"
            error={plans.error}
            onRetry={() => void plans.refetch()}
            retrying={plans.isFetching}
          />
        )}
        {plans.data && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Plans">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Plan</Table.Th>
                  <Table.Th>Base a month</Table.Th>
                  <Table.Th>Per billable course</Table.Th>
                  <Table.Th>Self-serve</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Save</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plans.data.items.map((plan) => (
                  <PlanRow key={`${plan.code}-${plan.updatedAt}`} plan={plan} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
