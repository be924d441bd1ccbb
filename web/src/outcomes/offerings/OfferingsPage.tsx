import { Anchor, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useNotify } from '../../ui/notificationsContext';
import { deleteOffering } from '../api';
import { coursePath } from '../courses/CoursesPage';
import { SECTIONS_PAGE } from '../pages';
import type { Offering, Program, Term } from '../types';
import { OutcomesList } from '../ui/OutcomesList';
import { useInvalidateOutcomes } from '../ui/useInvalidate';
import { useOptions } from '../ui/useOptions';
import { useOutcomesList } from '../ui/useOutcomesList';
import { OfferingForm } from './OfferingForm';

const SORTS = ['course', 'term', 'sectionCount'] as const;
type Sort = (typeof SORTS)[number];
type Filter = 'search' | 'termId' | 'programId';

function DeleteOffering({ offering, onClose }: { offering: Offering; onClose: () => void }) {
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const label = `${offering.course.number} in ${offering.term.name}`;
  const remove = useMutation({
    mutationFn: () => deleteOffering(offering.id),
    onSuccess: async () => {
      await invalidate();
      notify({ kind: 'success', title: `Deleted ${label}` });
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened
      title={`Delete ${label}?`}
      confirmLabel="Delete offering"
      color="red"
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      pending={remove.isPending}
      error={remove.error}
    >
      <Text size="sm">
        Its {offering.sectionCount} section(s) are deleted too. Offerings whose sections reported
        results cannot be deleted.
      </Text>
    </ConfirmModal>
  );
}

/** The term and program pickers of the offerings and sections lists. */
export function useTermAndProgramOptions() {
  const terms = useOptions<Term>('terms', (t) => ({ value: t.id, label: t.name }));
  const programs = useOptions<Program>('programs', (p) => ({ value: p.id, label: p.name }));
  return { terms: terms.options, programs: programs.options };
}

/** `/outcomes/offerings`: which courses are taught in which terms, with how many sections. */
export function OfferingsPage() {
  const table = useTableParams({
    tableId: 'outcomes-offerings',
    filters: { search: {}, termId: {}, programId: {} },
    sortColumns: SORTS,
    defaultSort: { column: 'course', order: 'asc' },
  });
  const query = useOutcomesList<Offering, Filter, Sort>('offerings', table, {
    sort: 'course',
    order: 'asc',
  });
  const options = useTermAndProgramOptions();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Offering | null>(null);

  const columns: Column<Offering, Sort>[] = [
    {
      key: 'course',
      header: 'Course',
      sortKey: 'course',
      render: (row) => (
        <Anchor component={Link} to={coursePath(row.course.id)} size="sm" fw={500}>
          {row.course.number}
        </Anchor>
      ),
    },
    { key: 'title', header: 'Title', render: (row) => row.course.title ?? '—' },
    { key: 'term', header: 'Term', sortKey: 'term', render: (row) => row.term.name },
    {
      key: 'sectionCount',
      header: 'Sections',
      sortKey: 'sectionCount',
      render: (row) => (
        <Anchor
          component={Link}
          to={`${SECTIONS_PAGE.path}?search=${encodeURIComponent(row.course.number)}&termId=${row.term.id}`}
          size="sm"
        >
          {row.sectionCount}
        </Anchor>
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      hideHeader: true,
      render: (row) => (
        <Group justify="flex-end">
          <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(row)}>
            Delete
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <>
      <OutcomesList
        title="Offerings"
        description="A course offered in a term; create one with all its sections at once."
        actions={<Button onClick={() => setCreating(true)}>New offering</Button>}
        filters={
          <>
            <TextFilter
              label="Search"
              placeholder="Course number or title"
              value={table.filters.search}
              onChange={(value) => table.setFilter('search', value)}
            />
            <SelectFilter
              label="Term"
              anyLabel="Any term"
              options={options.terms}
              value={table.filters.termId}
              onChange={(value) => table.setFilter('termId', value)}
            />
            <SelectFilter
              label="Program"
              anyLabel="Any program"
              options={options.programs}
              value={table.filters.programId}
              onChange={(value) => table.setFilter('programId', value)}
            />
          </>
        }
        table={table}
        query={query}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No offerings yet',
          description: 'Offer a course in a term to create its sections.',
        }}
      />
      {creating && <OfferingForm onClose={() => setCreating(false)} />}
      {deleting && <DeleteOffering offering={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
