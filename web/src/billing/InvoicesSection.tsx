import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TablePagination } from '../table/TablePagination';
import { TableEmpty, TableLoading } from '../table/TableStates';
import type { PageSize } from '../table/pageSize';
import { ErrorAlert } from '../ui/ErrorAlert';
import { BILLING_KEY, invoiceCsvUrl, invoicePrintUrl, listInvoices } from './api';
import { formatDay, formatMoney } from './format';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { PayDialog } from './PayDialog';
import type { Invoice } from './types';

/** The tenant's invoices: print view, CSV, and how to pay the open ones. */
export function InvoicesSection({ today }: { today: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<PageSize>(25);
  const [paying, setPaying] = useState<Invoice | null>(null);
  const invoices = useQuery({
    queryKey: [...BILLING_KEY, 'invoices', page, pageSize],
    queryFn: ({ signal }) => listInvoices(page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
  const data = invoices.data;

  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Stack gap={0}>
          <Title order={2} size="h4">
            Invoices
          </Title>
          <Text size="sm" c="dimmed">
            One a month, billed in advance: the plan’s base price and each billable course.
          </Text>
        </Stack>
        {invoices.isPending && <TableLoading label="Loading invoices…" />}
        {invoices.isError && (
          <ErrorAlert
            title="The invoices could not be loaded"
            error={invoices.error}
            onRetry={() => void invoices.refetch()}
            retrying={invoices.isFetching}
          />
        )}
        {data?.total === 0 && (
          <TableEmpty
            title="No invoices yet"
            description="The first invoice is issued when a paid plan starts."
          />
        )}
        {data !== undefined && data.items.length > 0 && (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover aria-label="Invoices">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Invoice</Table.Th>
                    <Table.Th>Period</Table.Th>
                    <Table.Th>Issued</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th ta="right">Amount</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Download</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((invoice) => (
                    <Table.Tr key={invoice.id}>
                      <Table.Td fw={500}>{invoice.number}</Table.Td>
                      <Table.Td>
                        {formatDay(invoice.periodStart)} – {formatDay(invoice.periodEnd)}
                      </Table.Td>
                      <Table.Td>{formatDay(invoice.issuedOn)}</Table.Td>
                      <Table.Td>{formatDay(invoice.dueOn)}</Table.Td>
                      <Table.Td ta="right">
                        {formatMoney(invoice.totalCents, invoice.currency)}
                      </Table.Td>
                      <Table.Td>
                        <InvoiceStatusBadge invoice={invoice} today={today} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Anchor
                            href={invoicePrintUrl(invoice.id)}
                            target="_blank"
                            rel="noopener"
                            size="sm"
                            aria-label={`Print view of invoice ${invoice.number}`}
                          >
                            Print
                          </Anchor>
                          <Anchor
                            href={invoiceCsvUrl(invoice.id)}
                            download
                            size="sm"
                            aria-label={`CSV of invoice ${invoice.number}`}
                          >
                            CSV
                          </Anchor>
                          {invoice.status === 'open' && (
                            <Button size="compact-xs" onClick={() => setPaying(invoice)}>
                              Pay
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.total > 25 && (
              <TablePagination
                page={page}
                pageSize={pageSize}
                total={data.total}
                onPageChange={setPage}
                onPageSizeChange={(size) => {
                  setPageSize(size);
                  setPage(1);
                }}
              />
            )}
          </>
        )}
      </Stack>
      <PayDialog invoice={paying} onClose={() => setPaying(null)} />
    </Card>
  );
}
