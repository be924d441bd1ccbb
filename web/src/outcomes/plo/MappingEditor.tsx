import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { TableEmpty, TableLoading } from '../../table/TableStates';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useNotify } from '../../ui/notificationsContext';
import {
  discardDraft,
  getMatrix,
  listVersions,
  PLO_KEY,
  publishDraft,
  setDraftEntry,
  type VersionRef,
} from './api';
import type { Matrix, MatrixClo, MappingVersion } from './types';

const matrixKey = (programId: string, version: VersionRef) =>
  [...PLO_KEY, programId, 'matrix', version] as const;
const versionsKey = (programId: string) => [...PLO_KEY, programId, 'versions'] as const;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : '');

/** The select's value for a CLO without a PLO. */
const NOT_MAPPED = 'none';

const cloLabel = (clo: Pick<MatrixClo, 'course' | 'number'>) =>
  `${clo.course}.${String(clo.number)}`;

function versionLabel(version: MappingVersion, current: number | null) {
  if (version.version === null) return 'Draft';
  const label = `v${String(version.version)} · ${when(version.publishedAt)}`;
  return version.version === current ? `${label} (current)` : label;
}

interface StatusProps {
  matrix: Matrix;
  viewing: VersionRef;
}

/** What the shown version is: the draft (or the version it would start from), or a published one. */
function VersionStatus({ matrix, viewing }: StatusProps) {
  if (viewing !== 'draft') {
    return (
      <Group gap="xs">
        <Badge color="green" variant="light">
          {`Published v${String(matrix.mapping?.version ?? '')}`}
        </Badge>
        <Text size="sm" c="dimmed">
          {`Read-only, published ${when(matrix.mapping?.publishedAt ?? null)}`}
        </Text>
      </Group>
    );
  }
  if (matrix.mapping) {
    return (
      <Group gap="xs">
        <Badge color="orange" variant="light">
          Draft
        </Badge>
        <Text size="sm" c="dimmed">
          {`Unpublished changes, last edited ${when(matrix.mapping.updatedAt)}. The dashboard uses the latest published version until you publish.`}
        </Text>
      </Group>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {matrix.basedOnVersion === null
        ? 'Nothing is published yet. Choose a PLO for a CLO to start the draft.'
        : `Showing v${String(matrix.basedOnVersion)}. Choosing a PLO starts a draft from it.`}
    </Text>
  );
}

interface RowProps {
  programId: string;
  matrix: Matrix;
  clo: MatrixClo;
  editable: boolean;
  unmapped: boolean;
}

function MatrixRow({ programId, matrix, clo, editable, unmapped }: RowProps) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const save = useMutation({
    mutationFn: (ploId: string | null) => setDraftEntry(programId, clo.id, ploId),
    onSuccess: async (next) => {
      queryClient.setQueryData(matrixKey(programId, 'draft'), next);
      await queryClient.invalidateQueries({ queryKey: versionsKey(programId) });
    },
    onError: (error: Error) =>
      notify({
        kind: 'error',
        title: `${cloLabel(clo)} could not be mapped`,
        message: error.message,
      }),
  });
  const label = cloLabel(clo);
  // An option rather than Mantine's clear button, which keyboards and screen readers cannot reach.
  const options = [
    { value: NOT_MAPPED, label: 'Not mapped' },
    ...matrix.plos.map((plo) => ({
      value: plo.id,
      label: `PLO ${String(plo.number)} — ${plo.description}`,
    })),
  ];
  const mapped = matrix.plos.find((plo) => plo.id === clo.programOutcomeId);
  return (
    <Table.Tr bg={unmapped ? 'var(--mantine-color-yellow-light)' : undefined}>
      <Table.Th scope="row" fw={500}>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <Group gap={4}>
            {unmapped && (
              <Badge size="xs" color="yellow" variant="filled">
                Unmapped
              </Badge>
            )}
            {!clo.isActive && (
              <Badge size="xs" color="gray" variant="light">
                Inactive
              </Badge>
            )}
            {!clo.inProgram && (
              <Badge size="xs" color="red" variant="light">
                Course left the program
              </Badge>
            )}
          </Group>
        </Stack>
      </Table.Th>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {clo.description}
        </Text>
      </Table.Td>
      <Table.Td miw={220}>
        {editable ? (
          <Select
            aria-label={`PLO of ${label}`}
            data={options}
            value={clo.programOutcomeId ?? NOT_MAPPED}
            allowDeselect={false}
            onChange={(value) => save.mutate(value === NOT_MAPPED ? null : value)}
            disabled={save.isPending || (!clo.inProgram && clo.programOutcomeId === null)}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Text size="sm">{mapped ? `PLO ${String(mapped.number)}` : 'Not mapped'}</Text>
        )}
      </Table.Td>
      {matrix.plos.map((plo) => (
        <Table.Td key={plo.id} ta="center">
          {clo.programOutcomeId === plo.id ? (
            <Text component="span" aria-label={`${label} → PLO ${String(plo.number)}`}>
              ●
            </Text>
          ) : null}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

function MatrixTable({
  programId,
  matrix,
  editable,
}: {
  programId: string;
  matrix: Matrix;
  editable: boolean;
}) {
  const unmapped = new Set(matrix.unmapped);
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table aria-label="PLO × CLO matrix" withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>CLO</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>PLO</Table.Th>
            {matrix.plos.map((plo) => (
              <Table.Th key={plo.id} ta="center" w={70}>
                <Tooltip label={plo.description} multiline w={260} withinPortal>
                  <span>{`PLO ${String(plo.number)}`}</span>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.clos.map((clo) => (
            <MatrixRow
              key={clo.id}
              programId={programId}
              matrix={matrix}
              clo={clo}
              editable={editable}
              unmapped={unmapped.has(clo.id)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Confirm = 'publish' | 'discard' | null;

/**
 * The program's CLO → PLO mapping as a matrix with a PLO per CLO: edits go to the draft (created on
 * the first edit), publishing makes it the next version; past versions read-only.
 */
export function MappingEditor({ programId }: { programId: string }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [viewing, setViewing] = useState<VersionRef>('draft');
  const [confirm, setConfirm] = useState<Confirm>(null);
  const versions = useQuery({
    queryKey: versionsKey(programId),
    queryFn: ({ signal }) => listVersions(programId, signal),
  });
  const query = useQuery({
    queryKey: matrixKey(programId, viewing),
    queryFn: ({ signal }) => getMatrix(programId, viewing, signal),
  });
  const afterChange = async () => {
    setConfirm(null);
    setViewing('draft');
    await queryClient.invalidateQueries({ queryKey: [...PLO_KEY, programId] });
  };
  const publish = useMutation({
    mutationFn: () => publishDraft(programId),
    onSuccess: async (published) => {
      await afterChange();
      notify({
        kind: 'success',
        title: `Published v${String(published.version ?? '')}`,
        message: 'The dashboard uses it for every term now.',
      });
    },
  });
  const discard = useMutation({
    mutationFn: () => discardDraft(programId),
    onSuccess: async () => {
      await afterChange();
      notify({ kind: 'success', title: 'Discarded the draft' });
    },
  });

  const items = versions.data?.items ?? [];
  const current = items.find((v) => v.version !== null)?.version ?? null;
  const published = items.filter((v) => v.version !== null);
  const matrix = query.data;
  const editable = viewing === 'draft';
  const nextVersion = (current ?? 0) + 1;
  const unmappedLabels = matrix
    ? matrix.clos.filter((clo) => matrix.unmapped.includes(clo.id)).map(cloLabel)
    : [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label="Version"
          w={300}
          allowDeselect={false}
          data={[
            { value: 'draft', label: 'Draft (editable)' },
            ...published.map((v) => ({
              value: String(v.version),
              label: versionLabel(v, current),
            })),
          ]}
          value={String(viewing)}
          onChange={(value) =>
            setViewing(value === 'draft' || value === null ? 'draft' : Number(value))
          }
        />
        {editable && matrix && (
          <Group gap="sm">
            {matrix.mapping && (
              <Button variant="default" color="red" onClick={() => setConfirm('discard')}>
                Discard draft
              </Button>
            )}
            <Button disabled={!matrix.mapping} onClick={() => setConfirm('publish')}>
              Publish
            </Button>
          </Group>
        )}
      </Group>
      {versions.isError && (
        <ErrorAlert
          title="The version history could not be loaded"
          error={versions.error}
          onRetry={() => void versions.refetch()}
          retrying={versions.isFetching}
        />
      )}
      {query.isPending && <TableLoading label="Loading the mapping…" />}
      {query.isError && (
        <ErrorAlert
          title="The mapping could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      )}
      {matrix && (
        <>
          <VersionStatus matrix={matrix} viewing={viewing} />
          {matrix.plos.length === 0 && (
            <TableEmpty
              title="No PLOs yet"
              description="Add the program’s learning outcomes in the PLOs tab, then map CLOs to them."
            />
          )}
          {matrix.clos.length === 0 && (
            <TableEmpty
              title="No CLOs to map"
              description="The program’s courses have no learning outcomes yet."
            />
          )}
          {unmappedLabels.length > 0 && matrix.plos.length > 0 && (
            <Alert
              color="yellow"
              variant="light"
              title={`${String(unmappedLabels.length)} CLO(s) not mapped`}
            >
              <Text size="sm">{unmappedLabels.join(', ')}</Text>
            </Alert>
          )}
          {matrix.clos.length > 0 && matrix.plos.length > 0 && (
            <MatrixTable programId={programId} matrix={matrix} editable={editable} />
          )}
        </>
      )}
      <ConfirmModal
        opened={confirm === 'publish'}
        title={`Publish the draft as v${String(nextVersion)}?`}
        confirmLabel="Publish"
        onConfirm={() => publish.mutate()}
        onClose={() => setConfirm(null)}
        pending={publish.isPending}
        error={publish.error}
      >
        <Text size="sm">
          The PLO dashboard will use this mapping for every term, past terms included.
          {unmappedLabels.length > 0 &&
            ` ${String(unmappedLabels.length)} CLO(s) stay unmapped and count for no PLO.`}
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'discard'}
        title="Discard the draft?"
        confirmLabel="Discard draft"
        color="red"
        onConfirm={() => discard.mutate()}
        onClose={() => setConfirm(null)}
        pending={discard.isPending}
        error={discard.error}
      >
        <Text size="sm">Its changes since the latest published version are lost.</Text>
      </ConfirmModal>
    </Stack>
  );
}
