import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useNotify } from '../../ui/notificationsContext';
import { useOutcomesAccess } from '../access';
import { deleteTerm } from '../api';
import { formatDay, optionsOf, TERM_STATUS } from '../labels';
import type { Term } from '../types';
import { OutcomesList } from '../ui/OutcomesList';
import { StatusBadge } from '../ui/StatusBadge';
import { useInvalidateOutcomes } from '../ui/useInvalidate';
import { useOutcomesList } from '../ui/useOutcomesList';
import { TermForm } from './TermForm';

const SORTS = ['startDate', 'endDate', 'dueDate', 'status'] as const;
type Sort = (typeof SORTS)[number];
const STATUSES = Object.keys(TERM_STATUS);

function DeleteTerm({ term, onClose }: { term: Term; onClose: () => void }) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const remove = useMutation({
    mutationFn: () => deleteTerm(term.id),
    onSuccess: async () => {
      await invalidate();
      notify({ kind: 'success', title: `Deleted ${term.name}` });
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened
      title={`Delete ${term.name}?`}
      confirmLabel="Delete term"
      color="red"
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      pending={remove.isPending}
      error={remove.error}
    >
      <Text size="sm">The term has no offerings; nothing else is deleted.</Text>
    </ConfirmModal>
  );
}

/** `/outcomes/terms`: the institution's terms, their dates and computed status. */
export function TermsPage() {
  const { isAdmin } = useOutcomesAccess();
  const table = useTableParams({
    tableId: 'outcomes-terms',
    filters: { search: {}, status: { values: STATUSES } },
    sortColumns: SORTS,
    defaultSort: { column: 'startDate', order: 'desc' },
  });
  const query = useOutcomesList<Term, 'search' | 'status', Sort>('terms', table, {
    sort: 'startDate',
    order: 'desc',
  });
  const [editing, setEditing] = useState<Term | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Term | null>(null);

  const columns: Column<Term, Sort>[] = [
    {
      key: 'name',
      header: 'Term',
      render: (row) => (
        <Text size="sm" fw={500}>
          {row.name}{' '}
          <Text span size="xs" c="dimmed">
            {row.code}
          </Text>
        </Text>
      ),
    },
    {
      key: 'startDate',
      header: 'Start',
      sortKey: 'startDate',
      render: (row) => formatDay(row.startDate),
    },
    { key: 'endDate', header: 'End', sortKey: 'endDate', render: (row) => formatDay(row.endDate) },
    { key: 'dueDate', header: 'Due', sortKey: 'dueDate', render: (row) => formatDay(row.dueDate) },
    {
      key: 'status',
      header: 'Status',
      sortKey: 'status',
      render: (row) => <StatusBadge status={TERM_STATUS[row.status]} />,
    },
    { key: 'offeringCount', header: 'Offerings', render: (row) => row.offeringCount },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            header: 'Actions',
            hideHeader: true,
            render: (row: Term) => (
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button size="xs" variant="subtle" onClick={() => setEditing(row)}>
                  Edit
                </Button>
                {row.offeringCount === 0 && (
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
        title="Terms"
        description="A term is scheduled before its start, active until its end, then passed."
        actions={isAdmin && <Button onClick={() => setEditing('new')}>New term</Button>}
        filters={
          <>
            <TextFilter
              label="Search"
              placeholder="Code or name"
              value={table.filters.search}
              onChange={(value) => table.setFilter('search', value)}
            />
            <SelectFilter
              label="Status"
              anyLabel="Any status"
              options={optionsOf(TERM_STATUS)}
              value={table.filters.status}
              onChange={(value) => table.setFilter('status', value)}
            />
          </>
        }
        table={table}
        query={query}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No terms yet',
          description: 'Add a term such as 2024FA, or import a feed.',
        }}
      />
      {editing && (
        <TermForm term={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && <DeleteTerm term={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
