import { Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { EMAILS_KEY, previewTemplate } from './api';
import { EmailPreview } from './EmailPreview';
import { templateLabel } from './labels';
import type { TemplateInfo } from './types';
import { useTemplates } from './useTemplates';

function TemplateCard({ template }: { template: TemplateInfo }) {
  const label = templateLabel(template.name);
  const preview = useQuery({
    queryKey: [...EMAILS_KEY, 'templates', template.name],
    queryFn: ({ signal }) => previewTemplate(template.name, signal),
    staleTime: 5 * 60_000,
  });
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`template-${template.name}`}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Group justify="space-between" align="baseline" gap="xs">
            <Title order={3} size="h4" id={`template-${template.name}`}>
              {label}
            </Title>
            <Code style={{ whiteSpace: 'nowrap' }}>{template.name}</Code>
          </Group>
          <Text size="sm" c="dimmed">
            {template.description}
          </Text>
        </Stack>
        {preview.isPending && <TableLoading label={`Rendering ${label}…`} />}
        {preview.isError && (
          <ErrorAlert
            title={`${label} could not be rendered`}
            error={preview.error}
            onRetry={() => void preview.refetch()}
            retrying={preview.isFetching}
          />
        )}
        {preview.data && (
          <>
            <Text size="sm">
              <Text span fw={700}>
                Subject:
              </Text>{' '}
              {preview.data.subject}
            </Text>
            <EmailPreview email={preview.data} label={label} height={480} />
          </>
        )}
      </Stack>
    </Card>
  );
}

/** `/admin/emails/templates`: every email EduLedger sends, rendered with sample data. */
export function TemplateGalleryPage() {
  const templates = useTemplates();
  return (
    <Stack gap="md">
      <title>Email templates · Emails · EduLedger</title>
      <Stack gap={0}>
        <Title order={2} size="h3">
          Templates
        </Title>
        <Text size="sm" c="dimmed">
          Every email EduLedger sends, rendered with sample data in this tenant’s branding.
        </Text>
      </Stack>
      {templates.isPending && <TableLoading label="Loading templates…" />}
      {templates.isError && (
        <ErrorAlert
          title="The templates could not be loaded"
          error={templates.error}
          onRetry={() => void templates.refetch()}
          retrying={templates.isFetching}
        />
      )}
      {templates.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {templates.data.map((template) => (
            <TemplateCard key={template.name} template={template} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
