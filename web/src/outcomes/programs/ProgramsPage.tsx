import { Badge, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Column } from '../../table/DataTable';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useNotify } from '../../ui/notificationsContext';
import { useOutcomesAccess } from '../access';
import { deleteProgram } from '../api';
import type { Program } from '../types';
import { OutcomesList } from '../ui/OutcomesList';
import { useInvalidateOutcomes } from '../ui/useInvalidate';
import { useOutcomesList } from '../ui/useOutcomesList';
import { ProgramForm } from './ProgramForm';

const SORTS = ['name', 'shortName', 'courseCount'] as const;
type Sort = (typeof SORTS)[number];

function DeleteProgram({ program, onClose }: { program: Program; onClose: () => void }) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const remove = useMutation({
    mutationFn: () => deleteProgram(program.id, program.courseCount > 0),
    onSuccess: async ({ movedToDefault }) => {
      await invalidate();
      notify({
        kind: 'success',
        title: `Deleted ${program.name}`,
        message:
          movedToDefault > 0
            ? `${String(movedToDefault)} course(s) moved to Unclassified.`
            : undefined,
      });
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened
      title={`Delete ${program.name}?`}
      confirmLabel="Delete program"
      color="red"
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      pending={remove.isPending}
      error={remove.error}
    >
      <Text size="sm">
        {program.courseCount > 0
          ? `Its ${String(program.courseCount)} course(s) stay; those in no other program move to Unclassified. Its program outcomes are deleted.`
          : 'It has no courses. Its program outcomes are deleted.'}
      </Text>
    </ConfirmModal>
  );
}

/** `/outcomes/programs`: the institution's programs (a program admin sees their own). */
export function ProgramsPage() {
  const { isAdmin } = useOutcomesAccess();
  const table = useTableParams({
    tableId: 'outcomes-programs',
    filters: { search: {} },
    sortColumns: SORTS,
    defaultSort: { column: 'name', order: 'asc' },
  });
  const query = useOutcomesList<Program, 'search', Sort>('programs', table, {
    sort: 'name',
    order: 'asc',
  });
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Program | null>(null);

  const columns: Column<Program, Sort>[] = [
    {
      key: 'name',
      header: 'Name',
      sortKey: 'name',
      render: (row) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {row.name}
          </Text>
          {row.isDefault && (
            <Badge size="xs" variant="outline">
              Default
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'shortName',
      header: 'Short name',
      sortKey: 'shortName',
      render: (row) => row.shortName ?? '—',
    },
    {
      key: 'courseCount',
      header: 'Courses',
      sortKey: 'courseCount',
      render: (row) => row.courseCount,
    },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            header: 'Actions',
            hideHeader: true,
            render: (row: Program) => (
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button size="xs" variant="subtle" onClick={() => setEditing(row)}>
                  Edit
                </Button>
                {!row.isDefault && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(row)}>
                    Delete
                  </Button>
                )}
              </Group>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <OutcomesList
        title="Programs"
        description="Courses belong to programs; every institution has the default program Unclassified."
        actions={isAdmin && <Button onClick={() => setEditing('new')}>New program</Button>}
        filters={
          <TextFilter
            label="Search"
            placeholder="Name or short name"
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
        }
        table={table}
        query={query}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{ title: 'No programs yet', description: 'Programs you are given appear here.' }}
      />
      {editing && (
        <ProgramForm
          program={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && <DeleteProgram program={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
