import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { financeExportUrl, type FinanceFile } from './api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first and last day of the previous calendar month. */
function previousMonth(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const from = new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from, to };
}

const FILES: { file: FinanceFile; label: string }[] = [
  { file: 'export/invoices.csv', label: 'Invoices (CSV)' },
  { file: 'export/payments.csv', label: 'Payments (CSV)' },
  { file: 'export.json', label: 'Invoices and payments (JSON)' },
];

/** Invoices issued and payments received in a date range, for the books. */
export function FinanceExport({ today }: { today: string }) {
  const initial = previousMonth(today);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const problem =
    !DAY.test(from) || !DAY.test(to)
      ? 'Give both days.'
      : from > to
        ? 'The range ends before it starts.'
        : null;

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4">
            Finance export
          </Title>
          <Text size="sm" c="dimmed">
            Invoices issued and payments received between two days (included), every tenant. Totals
            are per currency; void invoices are listed but not counted.
          </Text>
        </Stack>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label="From"
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="To"
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            error={problem ?? undefined}
          />
          {problem === null &&
            FILES.map(({ file, label }) => (
              <Button
                key={file}
                component="a"
                variant="light"
                href={financeExportUrl(file, from, to)}
                download
              >
                {label}
              </Button>
            ))}
        </Group>
      </Stack>
    </Card>
  );
}
