import { Button, Container, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '../table/DataTable';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { listTenants, TENANTS_KEY } from './api';
import { tenantColumns } from './columns';
import { CreateTenantForm } from './CreateTenantForm';

/** `/admin/tenants` (site admins): every tenant of the installation, and creating new ones. */
export function TenantsPage() {
  const notify = useNotify();
  const [creating, setCreating] = useState(false);
  const tenants = useQuery({
    queryKey: TENANTS_KEY,
    queryFn: ({ signal }) => listTenants(signal),
  });
  const data = tenants.data;
  const startCreating = () => setCreating(true);

  return (
    <Container size="xl" py="md">
      <title>Tenants · EduLedger</title>
      <Stack gap="md">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={1}>Tenants</Title>
            <Text size="sm" c="dimmed">
              Every organization using this installation of EduLedger.
            </Text>
          </Stack>
          {data && <Button onClick={startCreating}>New tenant</Button>}
        </Group>
        {tenants.isError && (
          <ErrorAlert
            title="The tenants could not be loaded"
            error={tenants.error}
            onRetry={() => void tenants.refetch()}
            retrying={tenants.isFetching}
          />
        )}
        {tenants.isPending && <TableLoading label="Loading tenants…" />}
        {data?.items.length === 0 && (
          <TableEmpty
            title="No tenants yet"
            description="A tenant is an organization using EduLedger: a nonprofit, a college."
            action={<Button onClick={startCreating}>Create the first tenant</Button>}
          />
        )}
        {data !== undefined && data.items.length > 0 && (
          <DataTable
            label="Tenants"
            columns={tenantColumns(data.modules)}
            rows={data.items}
            rowKey={(row) => row.id}
          />
        )}
      </Stack>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title="New tenant"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {creating && data && (
          <CreateTenantForm
            modules={data.modules}
            onCancel={() => setCreating(false)}
            onDone={(created) => {
              setCreating(false);
              notify({
                kind: 'success',
                title: `${created.name} created`,
                message: 'Open it from its Actions menu to invite its first administrator.',
              });
            }}
          />
        )}
      </Modal>
    </Container>
  );
}
