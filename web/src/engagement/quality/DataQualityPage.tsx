import { Badge, Button, Checkbox } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../format/dates';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { useEngagementAccess } from '../access';
import { FLAG_ISSUE_LABELS, FLAG_STATUS_LABELS, optionsOf } from '../labels';
import { DATA_QUALITY_PAGE, recordPath } from '../pages';
import { FLAG_ISSUES, FLAG_SORTS, FLAG_STATUSES, type Flag, type SortOf } from '../types';
import { ListPage } from '../ui/ListPage';
import { ListView } from '../ui/ListView';
import { RecordLink } from '../ui/RecordLink';
import { useList } from '../ui/useList';
import { FlaggedRecord } from './flagLinks';
import { useDismiss } from './useDismiss';

type Sort = SortOf<typeof FLAG_SORTS>;

const STATUS_COLORS = { open: 'orange', dismissed: 'gray', resolved: 'green' } as const;

export function FlagStatusBadge({ status }: { status: Flag['status'] }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {FLAG_STATUS_LABELS[status]}
    </Badge>
  );
}

interface Selection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
}

function columnsFor(
  selection: Selection | null,
  dismiss: (id: string) => void,
): Column<Flag, Sort>[] {
  const select: Column<Flag, Sort>[] = selection
    ? [
        {
          key: 'select',
          header: 'Select',
          hideHeader: true,
          render: (row) =>
            row.status === 'open' && (
              <Checkbox
                aria-label={`Select the flag of ${row.entityLabel ?? row.entityExternalId}`}
                checked={selection.selected.has(row.id)}
                onChange={() => selection.toggle(row.id)}
              />
            ),
        },
      ]
    : [];
  const actions: Column<Flag, Sort>[] = selection
    ? [
        {
          key: 'actions',
          header: 'Actions',
          hideHeader: true,
          render: (row) =>
            row.status === 'open' && (
              <Button size="xs" variant="default" onClick={() => dismiss(row.id)}>
                Dismiss
              </Button>
            ),
        },
      ]
    : [];
  return [
    ...select,
    {
      key: 'createdAt',
      header: 'Raised',
      sortKey: 'createdAt',
      render: (row) => (
        <RecordLink to={recordPath(DATA_QUALITY_PAGE, row.id)}>
          {formatDateTime(row.createdAt)}
        </RecordLink>
      ),
    },
    {
      key: 'issue',
      header: 'Issue',
      sortKey: 'issue',
      render: (row) => FLAG_ISSUE_LABELS[row.issue],
    },
    {
      key: 'entityType',
      header: 'Record type',
      sortKey: 'entityType',
      render: (row) => row.entityType.replace(/_/g, ' '),
    },
    {
      key: 'entityLabel',
      header: 'Record',
      sortKey: 'entityLabel',
      render: (row) => <FlaggedRecord flag={row} />,
    },
    { key: 'details', header: 'Details', sortKey: 'details', render: (row) => row.details || '—' },
    {
      key: 'status',
      header: 'Status',
      sortKey: 'status',
      render: (row) => <FlagStatusBadge status={row.status} />,
    },
    ...actions,
  ];
}

/** `/engagement/data-quality`: problems found in imported data; dismiss one or many. */
export function DataQualityPage() {
  const access = useEngagementAccess();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const clear = () => setSelected(new Set());
  const { one, many } = useDismiss(clear);
  const table = useTableParams({
    tableId: 'engagement.data-quality',
    filters: {
      search: {},
      issue: { values: FLAG_ISSUES },
      status: { values: FLAG_STATUSES },
    },
    sortColumns: FLAG_SORTS,
    defaultSort: { column: 'createdAt', order: 'desc' },
  });
  const flags = useList<Flag, keyof typeof table.filters, Sort>('data-quality', table, {
    sort: 'createdAt',
    order: 'desc',
  });
  const onPage = new Set((flags.data?.items ?? []).map((flag) => flag.id));
  const chosen = [...selected].filter((id) => onPage.has(id));
  const selection: Selection | null = access.canEdit
    ? {
        selected,
        toggle: (id) =>
          setSelected((old) => {
            const next = new Set(old);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          }),
      }
    : null;
  return (
    <ListPage
      title="Data quality"
      description="Problems found while importing: names in capitals, missing types, rows whose person is unknown. Imports resolve them when the source is fixed."
      actions={
        access.canEdit && (
          <Button
            variant="default"
            disabled={chosen.length === 0}
            loading={many.isPending}
            onClick={() => many.mutate(chosen)}
          >
            Dismiss selected ({chosen.length})
          </Button>
        )
      }
      filters={
        <>
          <TextFilter
            label="Search"
            placeholder="Record or details"
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
          <SelectFilter
            label="Issue"
            anyLabel="Any issue"
            options={optionsOf(FLAG_ISSUES, (issue) => FLAG_ISSUE_LABELS[issue])}
            value={table.filters.issue}
            onChange={(value) => table.setFilter('issue', value)}
          />
          <SelectFilter
            label="Status"
            anyLabel="Any status"
            options={optionsOf(FLAG_STATUSES, (status) => FLAG_STATUS_LABELS[status])}
            value={table.filters.status}
            onChange={(value) => table.setFilter('status', value)}
          />
        </>
      }
    >
      <ListView
        label="Data-quality flags"
        table={table}
        query={flags}
        columns={columnsFor(selection, (id) => one.mutate(id))}
        rowKey={(row) => row.id}
        empty={{
          title: 'No data-quality flags',
          description: 'Imports raise them when they find a problem.',
        }}
      />
    </ListPage>
  );
}
