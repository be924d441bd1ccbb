import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError';
import { theme } from '../theme';
import { ErrorAlert } from './ErrorAlert';
import { FormError } from './FormError';

const readOnly = new ApiError({
  code: 'tenant_read_only',
  message: 'North College is read-only because its trial has ended.',
  status: 402,
  details: [{ path: 'billing', message: '/admin/billing' }],
  requestId: 'req-1',
});

const wrap = (ui: React.ReactElement) =>
  render(
    <MantineProvider theme={theme} env="test">
      {ui}
    </MantineProvider>,
  );

describe('a read-only refusal', () => {
  it('links to the Billing page from an error alert and a form error', () => {
    wrap(
      <>
        <ErrorAlert title="Could not save" error={readOnly} />
        <FormError title="Could not invite" error={readOnly} />
      </>,
    );

    const links = screen.getAllByRole('link', { name: 'Go to Billing' });
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toHaveAttribute('href', '/admin/billing');
    expect(screen.getAllByText(/read-only because its trial has ended/)).toHaveLength(2);
  });

  it('adds no link to other errors', () => {
    wrap(
      <ErrorAlert
        title="Could not save"
        error={new ApiError({ code: 'forbidden', message: 'No', status: 403 })}
      />,
    );

    expect(screen.queryByRole('link', { name: 'Go to Billing' })).not.toBeInTheDocument();
  });
});
