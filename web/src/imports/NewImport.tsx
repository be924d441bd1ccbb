import {
  Button,
  Checkbox,
  FileInput,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormError } from '../ui/FormError';
import { ErrorAlert } from '../ui/ErrorAlert';
import { getPlan, IMPORTS_KEY, RUNS_KEY, startRun, uploadZip } from './api';
import { PlanView } from './PlanView';
import type { ImportsOverview, RunSource, Upload } from './types';

type SourceKind = 'upload' | 'salesforce';

/** Choose the data (a zip of the export, or the Salesforce connection), see the plan, run it. */
export function NewImport({ overview }: { overview: ImportsOverview }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [pipeline, setPipeline] = useState(overview.pipelines[0]?.name ?? '');
  const [kind, setKind] = useState<SourceKind>('upload');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [exclude, setExclude] = useState<string[]>([]);
  const [validateOnly, setValidateOnly] = useState(false);
  const [failFast, setFailFast] = useState(false);
  const steps = overview.pipelines.find((p) => p.name === pipeline)?.steps ?? [];

  const uploading = useMutation({ mutationFn: uploadZip, onSuccess: setUpload });
  const source: RunSource | null =
    kind === 'salesforce'
      ? { type: 'salesforce' }
      : upload
        ? { type: 'upload', uploadId: upload.uploadId }
        : null;
  const plan = useQuery({
    queryKey: [...IMPORTS_KEY, 'plan', pipeline, exclude, upload?.uploadId ?? null, kind],
    queryFn: ({ signal }) =>
      getPlan(
        pipeline,
        { exclude, uploadId: kind === 'upload' ? upload?.uploadId : undefined },
        signal,
      ),
    enabled: source !== null && pipeline !== '',
  });
  const run = useMutation({
    mutationFn: startRun,
    onSuccess: (started) => {
      void queryClient.invalidateQueries({ queryKey: RUNS_KEY });
      void navigate(`/imports/${started.runId}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!source) return;
    run.mutate({ pipeline, source, exclude, validateOnly, failFast });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} aria-label="New import">
        <Stack gap="md">
          <Title order={2}>New import</Title>
          {overview.pipelines.length > 1 && (
            <Select
              label="Data"
              data={overview.pipelines.map((p) => ({ value: p.name, label: p.label }))}
              value={pipeline}
              onChange={(value) => {
                setPipeline(value ?? pipeline);
                setExclude([]);
              }}
              allowDeselect={false}
            />
          )}
          {overview.salesforce.configured && (
            <SegmentedControl
              aria-label="Source"
              value={kind}
              onChange={(value) => setKind(value as SourceKind)}
              data={[
                { value: 'upload', label: 'Upload a zip' },
                { value: 'salesforce', label: 'Salesforce connection' },
              ]}
            />
          )}
          {kind === 'upload' ? (
            <Stack gap={4}>
              <FileInput
                label="Salesforce export (.zip)"
                description="A zip of the export's CSV files: Account.csv, Contact.csv, …"
                placeholder="Choose a zip file"
                accept=".zip,application/zip"
                clearable
                onChange={(file) => {
                  setUpload(null);
                  if (file) uploading.mutate(file);
                }}
                error={uploading.error?.message}
                disabled={uploading.isPending}
              />
              {uploading.isPending && (
                <Text size="sm" role="status">
                  Uploading and unpacking…
                </Text>
              )}
              {upload && (
                <Text size="sm" c="dimmed">
                  {upload.fileName}: {upload.files.join(', ')}
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Reads what changed in Salesforce since the last run of each step.
            </Text>
          )}
          <MultiSelect
            label="Leave out steps"
            description="Every other step runs, in dependency order."
            data={steps.map((s) => s.name)}
            value={exclude}
            onChange={setExclude}
            clearable
          />
          <Group gap="lg">
            <Checkbox
              label="Validate only (check everything, save nothing)"
              checked={validateOnly}
              onChange={(event) => setValidateOnly(event.currentTarget.checked)}
            />
            <Checkbox
              label="Stop at the first rejected row"
              checked={failFast}
              onChange={(event) => setFailFast(event.currentTarget.checked)}
            />
          </Group>
          {plan.isError && <ErrorAlert title="The plan could not be resolved" error={plan.error} />}
          {plan.data && <PlanView preview={plan.data} />}
          {run.isError && <FormError title="The import could not start" error={run.error} />}
          <Group>
            <Button type="submit" disabled={!source || !plan.data} loading={run.isPending}>
              {validateOnly ? 'Validate' : 'Run import'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
