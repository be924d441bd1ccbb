import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../test/http';
import { renderWithProviders } from '../test/render';
import { SystemStatus } from './SystemStatus';

const healthy = { status: 'ok', version: '1.4.2', time: '2025-01-01T00:00:00.000Z' };
const serverFailure = {
  error: { code: 'internal_error', message: 'Database is not reachable', requestId: 'req-7f3a' },
};

describe('SystemStatus', () => {
  it('shows a loading indicator while the health check is pending', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => new Promise<Response>(() => {})),
    );
    renderWithProviders(<SystemStatus />);

    expect(screen.getByRole('status')).toHaveTextContent('Checking system status');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a green "System is up" badge with the version once the check succeeds', async () => {
    const fetchMock = stubFetch(jsonResponse(200, healthy));
    renderWithProviders(<SystemStatus />);

    expect(await screen.findByText('System is up')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Version 1.4.2');
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.any(Object));
  });

  it('shows the error message and request id in a red alert when the server fails', async () => {
    stubFetch(jsonResponse(500, serverFailure));
    renderWithProviders(<SystemStatus />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('System is unavailable');
    expect(alert).toHaveTextContent('Database is not reachable');
    expect(alert).toHaveTextContent('Request ID: req-7f3a');
    expect(screen.queryByText('System is up')).not.toBeInTheDocument();
  });

  it('shows a network failure without a request id', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    renderWithProviders(<SystemStatus />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server could not be reached');
    expect(alert).not.toHaveTextContent('Request ID');
  });

  it('checks again when Retry is pressed', async () => {
    const user = userEvent.setup();
    const fetchMock = stubFetch(jsonResponse(500, serverFailure), jsonResponse(200, healthy));
    renderWithProviders(<SystemStatus />);

    await user.click(await screen.findByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('System is up')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
