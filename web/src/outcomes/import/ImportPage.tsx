import { Anchor, Button, Container, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../ui/FormError';
import { commitUpload, uploadWorkbook } from '../api';
import { SECTIONS_PAGE } from '../pages';
import type { ImportResult } from '../types';
import { useInvalidateOutcomes } from '../ui/useInvalidate';
import { ImportSummary } from './ImportSummary';

/**
 * `/outcomes/import`: upload the registrar's CEI workbook, read what it would create, update or
 * leave unchanged (and its errors and warnings), then import it.
 */
export function ImportPage() {
  const invalidate = useInvalidateOutcomes();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const check = useMutation({ mutationFn: uploadWorkbook });
  const commit = useMutation({
    mutationFn: commitUpload,
    onSuccess: () => invalidate(),
  });
  const preview: ImportResult | undefined = check.data;
  const imported = commit.data;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissingFile(file === null);
    if (file) {
      commit.reset();
      check.mutate(file);
    }
  }

  return (
    <Container size="lg" py="md">
      <title>Import · EduLedger</title>
      <Stack gap="md">
        <Stack gap={0}>
          <Title order={1}>Import the CEI workbook</Title>
          <Text size="sm" c="dimmed">
            The registrar’s feed: one row per section and CLO. It is checked first; nothing is
            written until you import it. Importing the same file again changes nothing.
          </Text>
        </Stack>
        <form onSubmit={submit} noValidate aria-label="Check a workbook">
          <Group align="flex-end" gap="md">
            <FileInput
              label="Workbook"
              placeholder="Choose an .xlsx file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                check.reset();
                commit.reset();
              }}
              clearable
              w={360}
              error={missingFile ? 'Choose the workbook to import.' : undefined}
            />
            <Button type="submit" loading={check.isPending}>
              Check the file
            </Button>
          </Group>
        </form>
        {check.isPending && (
          <Text size="sm" role="status">
            Checking every row… a large workbook takes a minute.
          </Text>
        )}
        {check.isError && (
          <FormError title="The workbook could not be checked" error={check.error} />
        )}
        {preview && !imported && (
          <>
            <ImportSummary result={preview} />
            {preview.status !== 'failed' && (
              <Group>
                <Button onClick={() => commit.mutate(preview.uploadId)} loading={commit.isPending}>
                  Import
                </Button>
              </Group>
            )}
            {commit.isError && <FormError title="The import failed" error={commit.error} />}
          </>
        )}
        {imported && (
          <>
            <ImportSummary result={imported} />
            <Anchor component={Link} to={SECTIONS_PAGE.path}>
              See the sections
            </Anchor>
          </>
        )}
      </Stack>
    </Container>
  );
}
